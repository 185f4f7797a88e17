import type { z } from "zod";

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

/** The limit a "too long" or "too short" names: zod's own, or one a schema copied into its params (lib/events/schemas.ts). */
function issueLimit(issue: z.core.$ZodIssue): number | undefined {
  if (issue.code === "too_big" || issue.code === "too_small") {
    const limit = issue.code === "too_big" ? issue.maximum : issue.minimum;
    return typeof limit === "number" || typeof limit === "bigint" ? Number(limit) : undefined;
  }
  if (issue.code === "custom" && typeof issue.params?.limit === "number") return issue.params.limit;
  return undefined;
}

/**
 * A schema's issues as messages next to fields, for forms and JSON answers alike: the first issue of each
 * field, as a message key; "too long" and "too short" say by how much the field may be ("…Limit" keys with
 * the limit in messageValues).
 */
export function issueMessages(issues: readonly z.core.$ZodIssue[]): {
  fieldErrors: Record<string, string>;
  messageValues?: Record<string, Record<string, number>>;
} {
  const fieldErrors: Record<string, string> = {};
  const messageValues: Record<string, Record<string, number>> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? "_form");
    if (fieldErrors[field]) continue;
    const key = issue.message.startsWith("validation.") || issue.message.startsWith("errors.") ? issue.message : "validation.invalid";
    const limit = key === "validation.tooLong" || key === "validation.tooShort" ? issueLimit(issue) : undefined;
    fieldErrors[field] = limit === undefined ? key : `${key}Limit`;
    if (limit !== undefined) messageValues[field] = { limit };
  }
  return Object.keys(messageValues).length ? { fieldErrors, messageValues } : { fieldErrors };
}

/** A message key as fieldError() carries it, split into the key and the values it names. */
export function messageParts(carried: string): { key: string; values?: Record<string, string | number> } {
  const bar = carried.indexOf("|");
  if (bar <= 0) return { key: carried };
  return { key: carried.slice(0, bar), values: JSON.parse(carried.slice(bar + 1)) as Record<string, string | number> };
}

/** A field's message key; when the message names something (a limit), its values follow a "|" as JSON (messageParts). */
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
