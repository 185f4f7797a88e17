import "server-only";
import { redirect } from "next/navigation";
import { auth } from "./config";
import type { Actor } from "./actor";

export type { Actor } from "./actor";

export async function getActor(): Promise<Actor> {
  const session = await auth();
  const id = session?.user?.id;
  const sessionId = (session as { sessionId?: string } | null)?.sessionId ?? null;
  return id ? { userId: id, sessionId } : null;
}

/** For pages: the logged-in actor, or a redirect to the login page that comes back here. */
export async function requireActor(returnTo: string): Promise<NonNullable<Actor>> {
  const actor = await getActor();
  if (!actor) redirect(`/login?next=${encodeURIComponent(returnTo)}`);
  return actor;
}

/** Only same-site paths are followed after login. */
export function safeReturnPath(next: unknown, fallback = "/dashboard"): string {
  if (typeof next !== "string" || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return fallback;
  return next;
}
