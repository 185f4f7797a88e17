/** The JSON of an answer; a refusal becomes an error carrying its status and body (the message key in `error`). */
export async function json<T>(res: Response): Promise<T> {
  const body = await res.json().catch(() => ({ error: "errors.generic" }));
  if (!res.ok) throw Object.assign(new Error(body.error ?? "errors.generic"), { status: res.status, body });
  return body as T;
}

// Retry network failures and server errors with growing pauses; a refusal (4xx) is final.
export const retry = (failures: number, error: unknown) => {
  const status = (error as { status?: number }).status;
  return failures < 8 && !(status !== undefined && status >= 400 && status < 500);
};
export const retryDelay = (attempt: number) => Math.min(30_000, 1000 * 2 ** attempt);
