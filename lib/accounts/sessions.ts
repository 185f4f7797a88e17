import "server-only";
import { and, desc, eq, lt, ne, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { accountSessions, memberships } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { requireRole } from "@/lib/orgs/authz";
import { auditAccountChange } from "@/lib/audit/account-changes";

/** A login unused this long has ended; the session cookie lasts as long. */
export const SESSION_IDLE_SECONDS = 7 * 24 * 60 * 60;
// Last-seen times are written at most this often per session.
const TOUCH_EVERY_MS = 60_000;

export type LoginMethod = "password" | "totp" | "recovery" | "passkey";

export interface SessionView {
  id: string;
  device: string;
  method: string;
  createdAt: Date;
  lastSeenAt: Date;
  current: boolean;
}

export async function createSession(userId: string, device: string, method: LoginMethod, now = new Date(), db?: DbOrTx): Promise<string> {
  const conn = db ?? (await getDb());
  const [row] = await conn
    .insert(accountSessions)
    .values({ userId, device: device.slice(0, 60), method, createdAt: now, lastSeenAt: now })
    .returning({ id: accountSessions.id });
  return row!.id;
}

const idleSince = (now: Date) => new Date(now.getTime() - SESSION_IDLE_SECONDS * 1000);

/** Whether this login still stands: checked on every request. Keeps its last-seen time (once a minute). */
export async function sessionIsLive(sessionId: string, userId: string, now = new Date()): Promise<boolean> {
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return false;
  const db = await getDb();
  const [row] = await db
    .select({ lastSeenAt: accountSessions.lastSeenAt })
    .from(accountSessions)
    .where(and(eq(accountSessions.id, sessionId), eq(accountSessions.userId, userId)));
  if (!row) return false;
  if (row.lastSeenAt < idleSince(now)) {
    await db.delete(accountSessions).where(eq(accountSessions.id, sessionId));
    return false;
  }
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.update(accountSessions).set({ lastSeenAt: now }).where(eq(accountSessions.id, sessionId));
  }
  return true;
}

/** Ends one login (logging out). */
export async function deleteSession(sessionId: string): Promise<void> {
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return;
  const db = await getDb();
  await db.delete(accountSessions).where(eq(accountSessions.id, sessionId));
}

/** Ends every login of a person but `keep`, in the caller's transaction; how many ended. */
export async function endSessionsOf(tx: DbOrTx, userId: string, keep?: string | null): Promise<number> {
  const where = keep ? and(eq(accountSessions.userId, userId), ne(accountSessions.id, keep)) : eq(accountSessions.userId, userId);
  const ended = await tx.delete(accountSessions).where(where).returning({ id: accountSessions.id });
  return ended.length;
}

function signedIn(actor: Actor): { userId: string; sessionId: string | null } {
  if (!actor) throw new NotFoundError();
  return { userId: actor.userId, sessionId: actor.sessionId ?? null };
}

export async function listSessions(actor: Actor, now = new Date()): Promise<SessionView[]> {
  const me = signedIn(actor);
  const db = await getDb();
  await db.delete(accountSessions).where(and(eq(accountSessions.userId, me.userId), lt(accountSessions.lastSeenAt, idleSince(now))));
  const rows = await db.select().from(accountSessions).where(eq(accountSessions.userId, me.userId)).orderBy(desc(accountSessions.lastSeenAt));
  return rows.map((r) => ({ id: r.id, device: r.device, method: r.method, createdAt: r.createdAt, lastSeenAt: r.lastSeenAt, current: r.id === me.sessionId }));
}

/** "Sign out everywhere else": every login of the actor but this one. */
export async function endOtherSessions(actor: Actor): Promise<number> {
  const me = signedIn(actor);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const n = await endSessionsOf(tx, me.userId, me.sessionId);
    await auditAccountChange(tx, me.userId, me.userId, "account.sessions.endOthers", { ended: n });
    return n;
  });
}

/** Ends one of the actor's own logins, by its id. */
export async function endOwnSession(actor: Actor, sessionId: string): Promise<void> {
  const me = signedIn(actor);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const ended = await tx
      .delete(accountSessions)
      .where(and(eq(accountSessions.id, sessionId), eq(accountSessions.userId, me.userId)))
      .returning({ device: accountSessions.device });
    if (!ended.length) throw new NotFoundError();
    await auditAccountChange(tx, me.userId, me.userId, "account.sessions.end", { device: ended[0]!.device });
  });
}

/** An owner ends every login of a member of their organisation. */
export async function endMemberSessions(actor: Actor, orgId: string, userId: string): Promise<number> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await requireRole(actor, orgId, "owner", tx);
    const [member] = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
    if (!member) throw new NotFoundError();
    const n = await endSessionsOf(tx, userId, actor?.userId === userId ? actor.sessionId : null);
    await auditAccountChange(tx, userId, actor!.userId, "account.sessions.endByOwner", { ended: n, orgId });
    return n;
  });
}

/** How many logins each member has open now: for the members page. */
export async function openSessionCounts(db: DbOrTx, userIds: string[], now = new Date()): Promise<Map<string, number>> {
  if (!userIds.length) return new Map();
  const rows = await db
    .select({ userId: accountSessions.userId, n: sql<number>`count(*)::int` })
    .from(accountSessions)
    .where(
      and(
        sql`${accountSessions.userId} in (${sql.join(
          userIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`,
        sql`${accountSessions.lastSeenAt} >= ${idleSince(now).toISOString()}::timestamptz`,
      ),
    )
    .groupBy(accountSessions.userId);
  return new Map(rows.map((r) => [r.userId, Number(r.n)]));
}
