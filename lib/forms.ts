// What a form's server action returns; shared by the action (server) and the form (client).
export type FormState =
  | { status: "idle" }
  | { status: "ok"; messageKey?: string; data?: Record<string, string> }
  | {
      status: "error";
      fieldErrors: Record<string, string>;
      formError?: string;
      values: Record<string, string>;
      /** What a field's or the form's message names: the limit of a "too long", the date of a confirmation. */
      messageValues?: Record<string, Record<string, string | number>>;
    };

export const idle: FormState = { status: "idle" };

/** A field's message key; when the message names something (a limit), its values follow a "|" as JSON (components/ui/message.ts). */
export function fieldError(state: FormState, name: string): string | undefined {
  if (state.status !== "error") return undefined;
  const key = state.fieldErrors[name];
  const values = state.messageValues?.[name];
  return key && values ? `${key}|${JSON.stringify(values)}` : key;
}

/** The values the form-level message names. */
export function formErrorValues(state: FormState): Record<string, string | number> | undefined {
  return state.status === "error" ? state.messageValues?._form : undefined;
}

export function keptValue(state: FormState, name: string): string | undefined {
  return state.status === "error" ? state.values[name] : undefined;
}

/** A form's server action, as useActionState calls it. */
export type FormAction = (state: FormState, formData: FormData) => Promise<FormState>;
