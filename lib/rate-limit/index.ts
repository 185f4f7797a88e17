import "server-only";
import { and, eq, lt, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { rateLimits } from "@/db/schema";

// Fixed windows in PostgreSQL, so every app instance counts against the same numbers.
// Keys are keyed hashes; a row is deleted once its window has ended.

export interface Window {
  start: Date;
  end: Date;
}

function windowAt(now: Date, seconds: number): Window {
  const ms = seconds * 1000;
  const start = new Date(Math.floor(now.getTime() / ms) * ms);
  return { start, end: new Date(start.getTime() + ms) };
}

export async function countInWindow(key: string, seconds: number, now = new Date(), db?: DbOrTx): Promise<{ count: number; resetAt: Date }> {
  const conn = db ?? (await getDb());
  const w = windowAt(now, seconds);
  const [row] = await conn
    .select({ count: rateLimits.count })
    .from(rateLimits)
    .where(and(eq(rateLimits.key, key), eq(rateLimits.windowStart, w.start)));
  return { count: row?.count ?? 0, resetAt: w.end };
}

export async function hit(key: string, seconds: number, now = new Date(), db?: DbOrTx): Promise<{ count: number; resetAt: Date }> {
  const conn = db ?? (await getDb());
  const w = windowAt(now, seconds);
  const [row] = await conn
    .insert(rateLimits)
    .values({ key, windowStart: w.start, windowEnd: w.end, count: 1 })
    .onConflictDoUpdate({ target: [rateLimits.key, rateLimits.windowStart], set: { count: sql`${rateLimits.count} + 1` } })
    .returning({ count: rateLimits.count });
  return { count: row?.count ?? 1, resetAt: w.end };
}

export async function clear(key: string, db?: DbOrTx) {
  const conn = db ?? (await getDb());
  await conn.delete(rateLimits).where(eq(rateLimits.key, key));
}

export async function purgeEndedWindows(now = new Date(), db?: DbOrTx): Promise<number> {
  const conn = db ?? (await getDb());
  const deleted = await conn.delete(rateLimits).where(lt(rateLimits.windowEnd, now)).returning({ key: rateLimits.key });
  return deleted.length;
}
