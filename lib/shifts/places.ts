import "server-only";
import { and, asc, count, eq, inArray, lt, ne, or, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db/client";
import { eventShifts, events, signupShifts, signups, type EventShift, type SignupStatus } from "@/db/schema";
import { PublicError } from "@/lib/errors";

// The places of an event split into shifts. Every function here runs under the event's row lock (lock order:
// event row, then sign-up rows, then their shift rows), so a shift's counters and its rows change together and
// two people never take its last place. A sign-up's own status follows from its shifts: confirmed when it holds
// a place in one, waitlisted when it waits for every one it took, requested while it waits for approval.

export type ShiftPlace = "confirmed" | "waitlisted" | "requested";

/** What a sign-up takes in each shift it chose, worked out before anything is written (the answer depends on it alone). */
export interface ShiftPlan {
  status: ShiftPlace;
  shifts: { shift: EventShift; place: ShiftPlace; position: number | null }[];
}

/** A postponed event's shifts move with it, by as much as its start moved. */
export async function moveShifts(tx: Tx, eventId: string, byMs: number) {
  if (byMs === 0) return;
  const by = sql`${byMs} * interval '1 millisecond'`;
  await tx
    .update(eventShifts)
    .set({ startsAt: sql`${eventShifts.startsAt} + ${by}`, endsAt: sql`${eventShifts.endsAt} + ${by}` })
    .where(eq(eventShifts.eventId, eventId));
}

/** An event's shifts, earliest first. */
export function shiftsOf(db: DbOrTx, eventId: string): Promise<EventShift[]> {
  return db.select().from(eventShifts).where(eq(eventShifts.eventId, eventId)).orderBy(asc(eventShifts.startsAt), asc(eventShifts.id));
}

export const hasRoom = (s: Pick<EventShift, "capacity" | "confirmedCount">) => s.capacity === null || s.confirmedCount < s.capacity;

/** A sign-up's status from the places it holds. */
function statusOf(places: ShiftPlace[]): ShiftPlace | "cancelled" {
  if (places.includes("confirmed")) return "confirmed";
  if (places.includes("waitlisted")) return "waitlisted";
  return places.includes("requested") ? "requested" : "cancelled";
}

/**
 * The places a new sign-up gets in the shifts it chose; null for an event without shifts. A request (an event that
 * approves its sign-ups) holds no place. A shift without room puts the sign-up on its waitlist, or refuses it
 * when the event keeps none (or counts heads only: nobody could be told of a place later).
 */
export async function planShifts(
  tx: Tx,
  event: { id: string; waitlist: boolean },
  chosen: string[],
  request: boolean,
  headcount: boolean,
): Promise<ShiftPlan | null> {
  const all = await shiftsOf(tx, event.id);
  if (all.length === 0) return null;
  const picked = all.filter((s) => chosen.includes(s.id));
  if (picked.length === 0 || picked.length !== new Set(chosen).size) throw new PublicError("signups.shifts.required", "shifts");
  const shifts = picked.map((shift) => {
    if (request) return { shift, place: "requested" as const, position: null };
    if (hasRoom(shift)) return { shift, place: "confirmed" as const, position: null };
    if (!event.waitlist || headcount) throw new PublicError("signups.shifts.full", "shifts");
    return { shift, place: "waitlisted" as const, position: shift.waitlistedCount + 1 };
  });
  return { status: statusOf(shifts.map((s) => s.place)) as ShiftPlace, shifts };
}

/** Counter changes of a shift for a place taken (+1) or given up (-1). */
const shiftCounters = (place: ShiftPlace | "cancelled", by: number) =>
  place === "confirmed"
    ? { confirmedCount: sql`${eventShifts.confirmedCount} + ${by}` }
    : place === "waitlisted"
      ? { waitlistedCount: sql`${eventShifts.waitlistedCount} + ${by}` }
      : null;

/** Writes a planned sign-up's places: its rows (a returning sign-up's old rows are taken anew) and the shifts' counters. */
export async function applyShifts(tx: Tx, signupId: string, plan: ShiftPlan, now: Date) {
  for (const { shift, place } of plan.shifts) {
    await takePlace(tx, signupId, shift.id, place, now);
  }
}

async function takePlace(tx: Tx, signupId: string, shiftId: string, place: ShiftPlace, now: Date) {
  await tx
    .insert(signupShifts)
    .values({ signupId, shiftId, status: place, queuedAt: now })
    .onConflictDoUpdate({ target: [signupShifts.signupId, signupShifts.shiftId], set: { status: place, queuedAt: now } });
  const counters = shiftCounters(place, 1);
  if (counters) await tx.update(eventShifts).set(counters).where(eq(eventShifts.id, shiftId));
}

/** Gives up a sign-up's places in these shifts (all of them when none are named); answers the shifts where a place was freed. */
export async function releaseShifts(tx: Tx, signupId: string, only?: string[]): Promise<string[]> {
  const held = await tx
    .select({ shiftId: signupShifts.shiftId, status: signupShifts.status })
    .from(signupShifts)
    .where(and(eq(signupShifts.signupId, signupId), ne(signupShifts.status, "cancelled"), only ? inArray(signupShifts.shiftId, only) : undefined))
    .for("update");
  if (held.length === 0) return [];
  await tx
    .update(signupShifts)
    .set({ status: "cancelled" })
    .where(
      and(
        eq(signupShifts.signupId, signupId),
        inArray(
          signupShifts.shiftId,
          held.map((h) => h.shiftId),
        ),
      ),
    );
  for (const h of held) {
    const counters = shiftCounters(h.status as ShiftPlace, -1);
    if (counters) await tx.update(eventShifts).set(counters).where(eq(eventShifts.id, h.shiftId));
  }
  return held.filter((h) => h.status === "confirmed").map((h) => h.shiftId);
}

/**
 * Moves the first on each shift's waitlist (first come, first served) into its free places, in every shift of the
 * event or in those named; then the sign-ups' own statuses follow. Answers the sign-ups that got a place.
 */
export async function promoteInShifts(tx: Tx, eventId: string, now: Date, only?: string[]): Promise<string[]> {
  const shifts = (await shiftsOf(tx, eventId)).filter((s) => (!only || only.includes(s.id)) && s.waitlistedCount > 0 && hasRoom(s));
  const promoted = new Set<string>();
  for (const shift of shifts) {
    const free = shift.capacity === null ? 100_000 : shift.capacity - shift.confirmedCount;
    const next = await tx
      .select({ signupId: signupShifts.signupId })
      .from(signupShifts)
      .where(and(eq(signupShifts.shiftId, shift.id), eq(signupShifts.status, "waitlisted")))
      .orderBy(asc(signupShifts.queuedAt), asc(signupShifts.signupId))
      .limit(free)
      .for("update");
    if (next.length === 0) continue;
    const ids = next.map((n) => n.signupId);
    await tx
      .update(signupShifts)
      .set({ status: "confirmed" })
      .where(and(eq(signupShifts.shiftId, shift.id), inArray(signupShifts.signupId, ids)));
    await tx
      .update(eventShifts)
      .set({ confirmedCount: sql`${eventShifts.confirmedCount} + ${ids.length}`, waitlistedCount: sql`${eventShifts.waitlistedCount} - ${ids.length}` })
      .where(eq(eventShifts.id, shift.id));
    for (const id of ids) promoted.add(id);
  }
  await settleSignups(tx, eventId, [...promoted], now);
  return [...promoted];
}

/** Brings each sign-up's status, and the event's counters of them, in line with the places it holds. */
export async function settleSignups(tx: Tx, eventId: string, signupIds: string[], now: Date) {
  if (signupIds.length === 0) return;
  const rows = await tx
    .select({ id: signups.id, status: signups.status, place: signupShifts.status })
    .from(signups)
    .leftJoin(signupShifts, eq(signupShifts.signupId, signups.id))
    .where(inArray(signups.id, signupIds));
  const bySignup = new Map<string, { status: SignupStatus; places: ShiftPlace[] }>();
  for (const r of rows) {
    const entry = bySignup.get(r.id) ?? { status: r.status, places: [] };
    if (r.place && r.place !== "cancelled") entry.places.push(r.place);
    bySignup.set(r.id, entry);
  }
  const delta = { confirmed: 0, waitlisted: 0, requested: 0 };
  for (const [id, { status, places }] of bySignup) {
    const next = statusOf(places);
    if (next === status || status === "declined" || status === "cancelled") continue;
    await tx
      .update(signups)
      .set({ status: next, updatedAt: now, ...(next === "cancelled" ? { cancelledAt: now } : {}) })
      .where(eq(signups.id, id));
    if (status in delta) delta[status as keyof typeof delta] -= 1;
    if (next in delta) delta[next as keyof typeof delta] += 1;
  }
  if (delta.confirmed || delta.waitlisted || delta.requested) {
    await tx
      .update(events)
      .set({
        confirmedCount: sql`${events.confirmedCount} + ${delta.confirmed}`,
        waitlistedCount: sql`${events.waitlistedCount} + ${delta.waitlisted}`,
        requestedCount: sql`${events.requestedCount} + ${delta.requested}`,
      })
      .where(eq(events.id, eventId));
  }
}

/**
 * An approved request takes its places: a free one in each shift it asked for, else that shift's waitlist, else
 * (no waitlist) it lets that shift go. Refused when it would get nothing at all. Answers the sign-up's status.
 */
export async function placeRequest(tx: Tx, event: { id: string; waitlist: boolean }, signupId: string): Promise<"confirmed" | "waitlisted"> {
  const asked = await tx
    .select({ shift: eventShifts })
    .from(signupShifts)
    .innerJoin(eventShifts, eq(eventShifts.id, signupShifts.shiftId))
    .where(and(eq(signupShifts.signupId, signupId), eq(signupShifts.status, "requested")));
  const places = asked.map(({ shift }) => (hasRoom(shift) ? "confirmed" : event.waitlist ? "waitlisted" : "cancelled") as ShiftPlace | "cancelled");
  const status = statusOf(places.filter((p): p is ShiftPlace => p !== "cancelled"));
  if (status !== "confirmed" && status !== "waitlisted") throw new PublicError("attendees.approval.full");
  for (const [i, { shift }] of asked.entries()) {
    const place = places[i]!;
    if (place === "cancelled") {
      await tx
        .update(signupShifts)
        .set({ status: "cancelled" })
        .where(and(eq(signupShifts.signupId, signupId), eq(signupShifts.shiftId, shift.id)));
    } else {
      await takePlace(tx, signupId, shift.id, place, new Date());
    }
  }
  return status;
}

/** A declined request lets its shifts go (it held no place in them). */
export async function dropRequest(tx: Tx, signupId: string) {
  await tx
    .update(signupShifts)
    .set({ status: "cancelled" })
    .where(and(eq(signupShifts.signupId, signupId), eq(signupShifts.status, "requested")));
}

export interface TakenShift {
  id: string;
  startsAt: Date;
  endsAt: Date;
  label: string;
  place: ShiftPlace;
  /** On the shift's waitlist: the place in its line. */
  position: number | null;
}

/** The shifts a sign-up holds a place in (or waits for), earliest first, with its place in each waitlist line. */
export async function takenShifts(db: DbOrTx, signupId: string): Promise<TakenShift[]> {
  const rows = await db
    .select({ shift: eventShifts, place: signupShifts.status, queuedAt: signupShifts.queuedAt })
    .from(signupShifts)
    .innerJoin(eventShifts, eq(eventShifts.id, signupShifts.shiftId))
    .where(and(eq(signupShifts.signupId, signupId), ne(signupShifts.status, "cancelled")))
    .orderBy(asc(eventShifts.startsAt), asc(eventShifts.id));
  const taken: TakenShift[] = [];
  for (const r of rows) {
    let position: number | null = null;
    if (r.place === "waitlisted") {
      const [ahead] = await db
        .select({ n: count() })
        .from(signupShifts)
        .where(
          and(
            eq(signupShifts.shiftId, r.shift.id),
            eq(signupShifts.status, "waitlisted"),
            or(lt(signupShifts.queuedAt, r.queuedAt), and(eq(signupShifts.queuedAt, r.queuedAt), lt(signupShifts.signupId, signupId))),
          ),
        );
      position = Number(ahead?.n ?? 0) + 1;
    }
    const { id, startsAt, endsAt, label } = r.shift;
    taken.push({ id, startsAt, endsAt, label, place: r.place as ShiftPlace, position });
  }
  return taken;
}

/** A planned sign-up's places as a message lists them. */
export const plannedShifts = (plan: ShiftPlan): TakenShift[] =>
  plan.shifts.map(({ shift, place, position }) => ({ id: shift.id, startsAt: shift.startsAt, endsAt: shift.endsAt, label: shift.label, place, position }));
