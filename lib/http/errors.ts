import "server-only";
import { ForbiddenError, NotFoundError, PublicError } from "@/lib/errors";
import { logFailure } from "@/lib/log";

// The one mapping from what lib/ throws to what a route handler answers. A message key and a status, never
// more: anything that is not a lib error is logged (without personal data, lib/log.ts) and answered as a
// generic failure, so nothing about the failure leaks.

export interface ErrorAnswer {
  status: number;
  body: { error: string; fieldErrors?: Record<string, string> };
}

export interface ErrorAnswerOptions {
  /** Says what failed, for the log. */
  what: string;
  /** Statuses for particular message keys (a rate limit is 429); other refusals are 409. */
  statusFor?: Readonly<Record<string, number>>;
}

export function errorAnswer(e: unknown, { what, statusFor = {} }: ErrorAnswerOptions): ErrorAnswer {
  if (e instanceof NotFoundError) return { status: 404, body: { error: e.messageKey } };
  if (e instanceof ForbiddenError) return { status: 403, body: { error: e.messageKey } };
  if (e instanceof PublicError) {
    // A refusal about one field reads like a form's: the message next to that field.
    if (e.field) return { status: 400, body: { error: "errors.checkFields", fieldErrors: { [e.field]: e.messageKey } } };
    return { status: statusFor[e.messageKey] ?? 409, body: { error: e.messageKey } };
  }
  logFailure(what, e);
  return { status: 500, body: { error: "errors.generic" } };
}

/** errorAnswer() as a JSON response, with the route's own headers (no-store, CORS). */
export function errorResponse(e: unknown, options: ErrorAnswerOptions & { headers?: HeadersInit }): Response {
  const { status, body } = errorAnswer(e, options);
  return Response.json(body, { status, headers: options.headers });
}
