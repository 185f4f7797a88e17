import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { eventShifts, events, signups } from "@/db/schema";
import { promoteInShifts } from "@/lib/shifts/places";

/**
 * Moves the first waitlisted people (first come, first served) into free places.
 * The caller holds the event row's lock and passes the counts it read under it.
 */
export async function promoteFromWaitlist(tx: Tx, event: { id: string; capacity: number | null; confirmedCount: number }, now = new Date()): Promise<string[]> {
  // An event split into shifts has its places, and its waitlists, in its shifts.
  const [shifted] = await tx.select({ id: eventShifts.id }).from(eventShifts).where(eq(eventShifts.eventId, event.id)).limit(1);
  if (shifted) return promoteInShifts(tx, event.id, now);
  const free = event.capacity === null ? Number.MAX_SAFE_INTEGER : event.capacity - event.confirmedCount;
  if (free <= 0) return [];
  const next = await tx
    .select({ id: signups.id })
    .from(signups)
    .where(and(eq(signups.eventId, event.id), eq(signups.status, "waitlisted")))
    .orderBy(asc(signups.createdAt), asc(signups.id))
    .limit(Math.min(free, 100_000))
    .for("update");
  if (next.length === 0) return [];
  const ids = next.map((n) => n.id);
  await tx.update(signups).set({ status: "confirmed", updatedAt: now }).where(inArray(signups.id, ids));
  await tx
    .update(events)
    .set({ confirmedCount: sql`${events.confirmedCount} + ${ids.length}`, waitlistedCount: sql`${events.waitlistedCount} - ${ids.length}` })
    .where(eq(events.id, event.id));
  return ids;
}

/** Locks an event row for a sign-up change; every change to its sign-ups goes through this lock. */
export async function lockEvent(tx: Tx, eventId: string) {
  const [row] = await tx.select().from(events).where(eq(events.id, eventId)).for("update");
  return row;
}
