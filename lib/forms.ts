// What a form's server action returns; shared by the action (server) and the form (client).
export type FormState =
  | { status: "idle" }
  | { status: "ok"; messageKey?: string; data?: Record<string, string> }
  | { status: "error"; fieldErrors: Record<string, string>; formError?: string; values: Record<string, string> };

export const idle: FormState = { status: "idle" };

export function fieldError(state: FormState, name: string): string | undefined {
  return state.status === "error" ? state.fieldErrors[name] : undefined;
}

export function keptValue(state: FormState, name: string): string | undefined {
  return state.status === "error" ? state.values[name] : undefined;
}

/** A form's server action, as useActionState calls it. */
export type FormAction = (state: FormState, formData: FormData) => Promise<FormState>;
