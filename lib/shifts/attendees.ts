import "server-only";
import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { eventShifts, signupShifts, signups } from "@/db/schema";
import type { ShiftPlace } from "./places";

// The shifts in attendee lists, check-in and exports: a filter by shift, and each person's shifts. The caller has
// checked who may see the list (lib/attendees).

export interface AttendeeShift {
  id: string;
  startsAt: Date;
  endsAt: Date;
  label: string;
  place: ShiftPlace;
}

/** The sign-ups holding a place in the shift, or waiting for one. */
export const inShift = (shiftId: string) => {
  const held = and(eq(signupShifts.signupId, signups.id), eq(signupShifts.shiftId, shiftId), ne(signupShifts.status, "cancelled"));
  return sql`exists (select 1 from ${signupShifts} where ${held})`;
};

/** The shifts each sign-up of these events took, earliest first (an event without shifts adds none). */
export async function shiftsByAttendee(db: DbOrTx, eventIds: string[]): Promise<Map<string, AttendeeShift[]>> {
  const bySignup = new Map<string, AttendeeShift[]>();
  if (eventIds.length === 0) return bySignup;
  const rows = await db
    .select({ signupId: signupShifts.signupId, shift: eventShifts, place: signupShifts.status })
    .from(signupShifts)
    .innerJoin(eventShifts, eq(eventShifts.id, signupShifts.shiftId))
    .where(and(inArray(eventShifts.eventId, eventIds), ne(signupShifts.status, "cancelled")))
    .orderBy(asc(eventShifts.startsAt), asc(eventShifts.id));
  for (const { signupId, shift, place } of rows) {
    const list = bySignup.get(signupId) ?? [];
    list.push({ id: shift.id, startsAt: shift.startsAt, endsAt: shift.endsAt, label: shift.label, place: place as ShiftPlace });
    bySignup.set(signupId, list);
  }
  return bySignup;
}
