import "server-only";
import { getDb } from "@/db/client";
import type { EventShift } from "@/db/schema";
import { shiftsOf, takenShifts, type TakenShift } from "./places";

// What public pages show of an event's shifts: times, names and places left; never who is in them.

export interface PublicShift {
  id: string;
  startsAt: Date;
  endsAt: Date;
  label: string;
  capacity: number | null;
  /** Null when the shift has no limit. */
  placesLeft: number | null;
}

const toPublic = (s: EventShift): PublicShift => ({
  id: s.id,
  startsAt: s.startsAt,
  endsAt: s.endsAt,
  label: s.label,
  capacity: s.capacity,
  placesLeft: s.capacity === null ? null : Math.max(0, s.capacity - s.confirmedCount),
});

export async function publicShifts(eventId: string): Promise<PublicShift[]> {
  return (await shiftsOf(await getDb(), eventId)).map(toPublic);
}

/** A supporter's own shifts (from their private link), and the event's others they could take. */
export async function ownShifts(signupId: string, eventId: string): Promise<{ taken: TakenShift[]; others: PublicShift[] }> {
  const db = await getDb();
  const [taken, all] = await Promise.all([takenShifts(db, signupId), shiftsOf(db, eventId)]);
  const mine = new Set(taken.map((t) => t.id));
  return { taken, others: all.filter((s) => !mine.has(s.id)).map(toPublic) };
}

/**
 * Whether an event split into shifts still takes sign-ups, as the page says it: open while a shift has room; then
 * its waitlists, when it keeps them; else full. An event without shifts keeps its own state.
 */
export function shiftedState<S extends string>(state: S, shifts: PublicShift[], waitlist: boolean, headcount: boolean): S | "waitlist" | "full" {
  if (shifts.length === 0 || (state !== "open" && state !== "waitlist")) return state;
  if (shifts.some((s) => s.placesLeft !== 0)) return "open" as S;
  return waitlist && !headcount ? "waitlist" : "full";
}
