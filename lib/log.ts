import pino from "pino";

// The one logger of the server. What it prints may end up in a hosting provider's log store, so nothing
// personal goes in: errors are reduced to their kind, their database code and the query's text (never its
// parameters, which hold names and addresses), and email addresses in any message are replaced.

const EMAIL = /<?[^\s<>"'(),;:]+@[^\s<>"'(),;:]+\.[^\s<>"'(),;:]+>?/g;

/** Text with every email address replaced: for SMTP replies, which usually name the recipient. */
export function withoutAddresses(text: string): string {
  return text.replace(EMAIL, "<address>");
}

interface SafeError {
  type: string;
  code?: string;
  constraint?: string;
  query?: string;
  message?: string;
  cause?: SafeError;
}

const DATABASE_CODE = /^[0-9A-Z]{5}$/;

/**
 * An error as the logs may keep it. A database error's message can quote a value ("invalid input syntax for
 * type uuid: …", "Key (email)=(…) already exists" in its detail), and Drizzle's puts the parameters in its
 * message: of those only the code, the constraint and the query's text are kept. Other errors keep their
 * message with addresses removed.
 */
export function safeError(error: unknown, depth = 0): SafeError {
  if (!(error instanceof Error)) return { type: typeof error };
  const e = error as Error & { code?: unknown; constraint?: unknown; query?: unknown; cause?: unknown };
  const out: SafeError = { type: e.name || "Error" };
  const code = typeof e.code === "string" ? e.code : undefined;
  const fromDatabase = typeof e.query === "string" || (code !== undefined && DATABASE_CODE.test(code)) || e.name === "DrizzleQueryError";
  if (code) out.code = code;
  if (typeof e.constraint === "string") out.constraint = e.constraint;
  if (typeof e.query === "string") out.query = e.query.slice(0, 2000);
  if (!fromDatabase) out.message = withoutAddresses(e.message).slice(0, 500);
  if (e.cause !== undefined && depth < 3) out.cause = safeError(e.cause, depth + 1);
  return out;
}

export const log = pino({
  base: undefined,
  timestamp: pino.stdTimeFunctions.isoTime,
  level: process.env.PICKET_LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "warn" : "info"),
  serializers: { err: safeError, error: safeError },
  // Belt and braces for fields nobody should pass: they are replaced whatever the call site.
  redact: {
    paths: ["email", "name", "phone", "comment", "to", "address", "token", "password", "*.email", "*.name", "*.phone", "*.comment", "*.token", "*.password"],
    censor: "[redacted]",
  },
});

/** An unexpected failure, for the server's log: what was being done and the error's safe form. */
export function logFailure(what: string, error: unknown): void {
  log.error({ err: error }, what);
}
