import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { PublicError } from "./errors";
import { issueMessages } from "./form-issues";
import type { FormState } from "./forms";
import type { MessageKey } from "./i18n/keys";
import { logFailure } from "@/lib/log";

const NEVER_ECHOED = new Set(["password", "passwordConfirm", "currentPassword", "code", "passkey", "token"]);

function typedValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION") || NEVER_ECHOED.has(key) || typeof value !== "string") continue;
    values[key] = value;
  }
  return values;
}

function formObject(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of formData.entries()) if (typeof value === "string" && !key.startsWith("$ACTION")) out[key] = value;
  return out;
}

// Control characters other than tab and line breaks: nobody types them, and PostgreSQL refuses NUL in text.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Fields holding control characters, each with its message: checked before any schema, for every form and API. */
export function controlCharacterErrors(values: Record<string, unknown>): Record<string, MessageKey> {
  const errors: Record<string, MessageKey> = {};
  for (const [key, value] of Object.entries(values)) if (typeof value === "string" && CONTROL.test(value)) errors[key] = "validation.invalidCharacters";
  return errors;
}

/**
 * The shape of every form action: parse with the capability's schema, run one lib call,
 * and turn failures into messages next to fields. Redirects and notFound pass through. A form that asks to be
 * shown something (a recorded read, such as the sign-in sheet) answers with a "shown" state of its own.
 */
export async function handleForm<S extends z.ZodType, Shown extends { status: "shown" } = never>(
  schema: S,
  formData: FormData,
  run: (data: z.output<S>) => Promise<FormState | NoInfer<Shown> | void>,
): Promise<FormState | NoInfer<Shown>> {
  const values = typedValues(formData);
  const raw = formObject(formData);
  const unreadable = controlCharacterErrors(raw);
  if (Object.keys(unreadable).length) return { status: "error", fieldErrors: unreadable, formError: "errors.checkFields", values };
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { status: "error", ...issueMessages(parsed.error.issues), formError: "errors.checkFields", values };
  try {
    return (await run(parsed.data)) ?? { status: "ok" };
  } catch (e) {
    // What Next rethrows here is the redirect that ends a successful change: actions never call notFound()
    // (lib throws NotFoundError, a PublicError, for that).
    unstable_rethrow(e);
    if (e instanceof PublicError) {
      const named = e.values ? { messageValues: { [e.field ?? "_form"]: e.values } } : {};
      return e.field
        ? { status: "error", fieldErrors: { [e.field]: e.messageKey }, formError: "errors.checkFields", values, ...named }
        : { status: "error", fieldErrors: {}, formError: e.messageKey, values, ...named };
    }
    logFailure("action failed", e);
    return { status: "error", fieldErrors: {}, formError: "errors.generic", values };
  }
}

/**
 * Several forms on one page: their fields carry a prefix, dropped here. The prefix is the action's own (a form
 * of which a page holds one, beside another with the same fields), else the one the form names in its "prefix" field.
 */
export function unprefixed(formData: FormData, fixed?: string): FormData {
  const prefix = fixed ?? String(formData.get("prefix") ?? "");
  const out = new FormData();
  for (const [key, value] of formData.entries()) {
    if (key === "prefix") continue;
    out.append(prefix && key.startsWith(prefix) ? key.slice(prefix.length) : key, value);
  }
  return out;
}
