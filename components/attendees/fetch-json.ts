import type { MessageKey } from "@/lib/i18n/keys";

/** What a route handler answers for a refusal (lib/http/errors.ts): its message, and those next to fields. */
export interface RefusalBody {
  error: MessageKey;
  fieldErrors?: Record<string, MessageKey>;
  messageValues?: Record<string, Record<string, number>>;
}

/** A refusal or a failure from one of the app's own routes, with the answer's status and body. */
export class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly body: RefusalBody,
  ) {
    super(body.error);
    this.name = "Refusal";
  }
}

/** The message of what a request to the app's own routes failed with: its refusal's, else the generic one. */
export const refusalMessage = (error: unknown): MessageKey => (error instanceof Refusal ? error.body.error : "errors.generic");

/** The JSON of an answer; a refusal becomes a Refusal carrying its status and body. */
export async function json<T>(res: Response): Promise<T> {
  const fallback: RefusalBody = { error: "errors.generic" };
  // The app's own routes answer refusals in this shape, whatever the status; an answer that is not JSON is generic.
  const body: unknown = await res.json().catch(() => fallback);
  const refusal = typeof body === "object" && body !== null && typeof (body as { error?: unknown }).error === "string";
  if (!res.ok) throw new Refusal(res.status, refusal ? (body as RefusalBody) : fallback);
  return body as T;
}

// Retry network failures and server errors with growing pauses; a refusal (4xx) is final.
export const retry = (failures: number, error: unknown) => {
  const status = (error as { status?: number }).status;
  return failures < 8 && !(status !== undefined && status >= 400 && status < 500);
};
export const retryDelay = (attempt: number) => Math.min(30_000, 1000 * 2 ** attempt);
