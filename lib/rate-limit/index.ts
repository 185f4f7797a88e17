import "server-only";
import { eq, lt, sql, type SQL } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { rateLimits, type RateLimit } from "@/db/schema";
import { estimate, resetAt, retryAt, whole, type WindowState } from "./sliding";

// Sliding windows in PostgreSQL (./sliding.ts has the arithmetic), so every app instance counts against the same
// numbers. Each count is taken in one statement under the row's lock: parallel attempts never exceed a limit.
// Keys are keyed hashes; a row is deleted once it counts nothing.

export interface Limit {
  /** At most this many … */
  limit: number;
  /** … within any stretch of this many seconds. */
  seconds: number;
}

export interface Taken {
  allowed: boolean;
  /** Hits within the last window, this one included when allowed. */
  count: number;
  /** When refused: the first moment a new attempt would be allowed. Otherwise when the count is back to nothing. */
  retryAt: Date;
}

const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;

/** The row's state rolled forward to `now`, as SQL over the stored row (the arithmetic of ./sliding.ts `rolled`). */
function rolledSql(now: Date) {
  const elapsed = sql`extract(epoch from (${ts(now)} - ${rateLimits.windowStart}))`;
  const w = sql`${rateLimits.windowSeconds}`;
  const start = sql`(case when ${elapsed} < ${w} then ${rateLimits.windowStart}
    when ${elapsed} < 2 * ${w} then ${rateLimits.windowStart} + ${w} * interval '1 second' else ${ts(now)} end)`;
  const previous = sql`(case when ${elapsed} < ${w} then ${rateLimits.previousCount} when ${elapsed} < 2 * ${w} then ${rateLimits.currentCount} else 0 end)`;
  const current = sql`(case when ${elapsed} < ${w} then ${rateLimits.currentCount} else 0 end)`;
  const fraction = sql`greatest(0, least(1, extract(epoch from (${ts(now)} - ${start})) / ${w}))`;
  const estimated = sql`(${previous} * (1 - ${fraction}) + ${current})`;
  return { start, previous, current, estimated };
}

const stateOf = (row: Pick<RateLimit, "windowStart" | "windowSeconds" | "currentCount" | "previousCount">): WindowState => ({
  windowStart: new Date(row.windowStart),
  windowSeconds: row.windowSeconds,
  currentCount: row.currentCount,
  previousCount: row.previousCount,
});

/** One hit, in one statement; with `limit`, only when the estimate is below it (no row back: refused). */
async function upsert(conn: DbOrTx, key: string, seconds: number, now: Date, limit?: number) {
  const r = rolledSql(now);
  const window = Math.max(1, Math.round(seconds));
  const where: SQL | undefined = limit === undefined ? undefined : sql`${r.estimated} < ${limit}`;
  const [row] = await conn
    .insert(rateLimits)
    .values({ key, windowSeconds: window, windowStart: now, currentCount: 1, previousCount: 0, expiresAt: new Date(now.getTime() + 2 * window * 1000) })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        windowSeconds: window,
        windowStart: r.start,
        previousCount: r.previous,
        currentCount: sql`${r.current} + 1`,
        expiresAt: sql`${r.start} + ${2 * window} * interval '1 second'`,
      },
      setWhere: where,
    })
    .returning();
  return row;
}

async function read(conn: DbOrTx, key: string) {
  const [row] = await conn.select().from(rateLimits).where(eq(rateLimits.key, key));
  return row;
}

/**
 * Takes one from the key's allowance: allowed while fewer than `limit` were taken within the last `seconds`
 * (a sliding window). A refused attempt takes nothing.
 */
export async function take(key: string, rule: Limit, now = new Date(), db?: DbOrTx): Promise<Taken> {
  const conn = db ?? (await getDb());
  const row = await upsert(conn, key, rule.seconds, now, rule.limit);
  if (row) {
    const state = stateOf(row);
    return { allowed: true, count: whole(estimate(state, now)), retryAt: resetAt(state, now) };
  }
  const current = await read(conn, key);
  if (!current) return { allowed: false, count: rule.limit, retryAt: new Date(now.getTime() + rule.seconds * 1000) };
  const state = stateOf(current);
  return { allowed: false, count: whole(estimate(state, now)), retryAt: retryAt(state, rule.limit, now) };
}

/** Whether `take` would be allowed now, taking nothing. */
export async function peek(key: string, rule: Limit, now = new Date(), db?: DbOrTx): Promise<Taken> {
  const conn = db ?? (await getDb());
  const row = await read(conn, key);
  if (!row) return { allowed: rule.limit > 0, count: 0, retryAt: now };
  const state = stateOf(row);
  const count = estimate(state, now);
  return { allowed: count < rule.limit, count: whole(count), retryAt: count < rule.limit ? resetAt(state, now) : retryAt(state, rule.limit, now) };
}

/** Hits within the last `seconds` (a sliding window, not one aligned to the clock); `resetAt`: when it is back to nothing. */
export async function countInWindow(key: string, seconds: number, now = new Date(), db?: DbOrTx): Promise<{ count: number; resetAt: Date }> {
  const conn = db ?? (await getDb());
  const row = await read(conn, key);
  if (!row) return { count: 0, resetAt: now };
  const state = stateOf(row);
  return { count: whole(estimate(state, now)), resetAt: resetAt(state, now) };
}

/** Counts one hit, always, in one statement; answers the count within the last `seconds`, this hit included. */
export async function hit(key: string, seconds: number, now = new Date(), db?: DbOrTx): Promise<{ count: number; resetAt: Date }> {
  const conn = db ?? (await getDb());
  const row = (await upsert(conn, key, seconds, now))!;
  const state = stateOf(row);
  return { count: whole(estimate(state, now)), resetAt: resetAt(state, now) };
}

/** Gives one back to the key's allowance (an attempt that turned out to be no failure), never below nothing. */
export async function giveBack(key: string, db?: DbOrTx) {
  const conn = db ?? (await getDb());
  await conn
    .update(rateLimits)
    .set({ currentCount: sql`greatest(${rateLimits.currentCount} - 1, 0)` })
    .where(eq(rateLimits.key, key));
}

export async function clear(key: string, db?: DbOrTx) {
  const conn = db ?? (await getDb());
  await conn.delete(rateLimits).where(eq(rateLimits.key, key));
}

/** Deletes the rows that count nothing any more (their keyed hashes with them). */
export async function purgeEndedWindows(now = new Date(), db?: DbOrTx): Promise<number> {
  const conn = db ?? (await getDb());
  const deleted = await conn.delete(rateLimits).where(lt(rateLimits.expiresAt, now)).returning({ key: rateLimits.key });
  return deleted.length;
}
