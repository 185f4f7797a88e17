import "server-only";
import { ForbiddenError, NotFoundError, PublicError } from "@/lib/errors";
import { logFailure } from "@/lib/log";

/** Route handlers: lib errors as JSON with the right status; anything else logged, never leaked. */
export function errorResponse(e: unknown): Response {
  if (e instanceof NotFoundError) return Response.json({ error: e.messageKey }, { status: 404 });
  if (e instanceof ForbiddenError) return Response.json({ error: e.messageKey }, { status: 403 });
  if (e instanceof PublicError) return Response.json({ error: e.messageKey, field: e.field }, { status: e.field ? 400 : 409 });
  logFailure("request failed", e);
  return Response.json({ error: "errors.generic" }, { status: 500 });
}
