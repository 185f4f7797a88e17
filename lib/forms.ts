import type { MessageKey } from "@/lib/i18n/keys";

// What a form's server action returns; shared by the action (server) and the form (client). Every message is named
// by its key, checked against the messages by the compiler where it is written and on the server where a schema's
// message becomes one (lib/form-issues.ts).
export type FormState =
  | { status: "idle" }
  | { status: "ok"; messageKey?: MessageKey; data?: Record<string, string> }
  | {
      status: "error";
      fieldErrors: Record<string, MessageKey>;
      formError?: MessageKey;
      values: Record<string, string>;
      /** What a field's or the form's message names: the limit of a "too long", the date of a confirmation. */
      messageValues?: Record<string, Record<string, string | number>>;
    };

export const idle: FormState = { status: "idle" };

/** A message and the values it names (the limit of a "too long"). */
export interface CarriedMessage {
  key: MessageKey;
  values?: Record<string, string | number>;
}

/** A field's message, with the values it names. */
export function fieldError(state: FormState, name: string): CarriedMessage | undefined {
  if (state.status !== "error") return undefined;
  const key = state.fieldErrors[name];
  if (!key) return undefined;
  const values = state.messageValues?.[name];
  return values ? { key, values } : { key };
}

/** The values the form-level message names. */
export function formErrorValues(state: FormState): Record<string, string | number> | undefined {
  return state.status === "error" ? state.messageValues?._form : undefined;
}

export function keptValue(state: FormState, name: string): string | undefined {
  return state.status === "error" ? state.values[name] : undefined;
}

/** A value a success gives back to show in its field: what a preview was made of, what was read from a page. */
export function answeredValue(state: FormState, name: string): string | undefined {
  return state.status === "ok" ? state.data?.[name] : undefined;
}

/** Whether a checkbox was ticked when the form was refused (a ticked box sends "on"); undefined before any refusal. */
export function keptChecked(state: FormState, name: string): boolean | undefined {
  return state.status === "error" ? state.values[name] === "on" : undefined;
}

/** A form's server action, as useActionState calls it. */
export type FormAction = (state: FormState, formData: FormData) => Promise<FormState>;
