/**
 * Who is asking: a logged-in person (and which of their logins), or nobody. Every lib function that touches
 * organisation data takes one first.
 */
export type Actor = { userId: string; sessionId?: string | null } | null;
