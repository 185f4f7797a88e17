import "server-only";
import { and, count, eq, inArray, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { eventShifts, events, signupShifts, type EventShift } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { audited } from "@/lib/audit";
import { PublicError, NotFoundError } from "@/lib/errors";
import { eventForActor } from "@/lib/events/events";
import { queuePromotions } from "@/lib/mail/signup-mail";
import { lockEvent } from "@/lib/signups/waitlist";
import { zonedLocalToInstant } from "@/lib/time/zones";
import { formatRange } from "@/lib/time/format";
import { promoteInShifts, shiftsOf } from "./places";
import { queueShiftMoved } from "./shift-mail";
import type { ShiftInput } from "./schemas";

// The organizers split a long action into shifts on its dashboard page: add, change, remove. Organizers only
// (coordinators see the shifts and who is in each); every change under the event's lock and audited with it.

export type DashboardShift = EventShift;

/** An event's shifts with how many hold a place in each and wait for one, for the members who see the event. */
export async function listEventShifts(actor: Actor, eventId: string): Promise<DashboardShift[]> {
  const db = await getDb();
  await eventForActor(actor, eventId, "coordinator", db);
  return shiftsOf(db, eventId);
}

/** An event's shifts as a filter offers them: each named by its label and its times at the event's place. */
export async function shiftChoices(actor: Actor, eventId: string, locale: string): Promise<{ id: string; name: string }[]> {
  const db = await getDb();
  const { event } = await eventForActor(actor, eventId, "coordinator", db);
  return (await shiftsOf(db, eventId)).map((s) => {
    const when = formatRange(locale, s.startsAt, s.endsAt, event.timeZone);
    return { id: s.id, name: s.label ? `${s.label} · ${when}` : when };
  });
}

/** The instants of a shift, at the event's place; within the event's own time. */
function shiftTimes(event: { startsAt: Date; endsAt: Date; timeZone: string }, input: ShiftInput) {
  const startsAt = zonedLocalToInstant(input.startsLocal, event.timeZone);
  const endsAt = zonedLocalToInstant(input.endsLocal, event.timeZone);
  if (!startsAt) throw new PublicError("validation.dateTime", "startsLocal");
  if (!endsAt) throw new PublicError("validation.dateTime", "endsLocal");
  if (endsAt <= startsAt) throw new PublicError("editor.shifts.endsBeforeStart", "endsLocal");
  if (startsAt < event.startsAt || endsAt > event.endsAt) throw new PublicError("editor.shifts.outsideEvent", "startsLocal");
  return { startsAt, endsAt };
}

/** Calendars replace their copy of the shifts when the event's SEQUENCE grows. */
const raiseSequence = (tx: Tx, eventId: string) =>
  tx
    .update(events)
    .set({ sequence: sql`${events.sequence} + 1`, updatedAt: new Date() })
    .where(eq(events.id, eventId));

/**
 * Adds a shift. The first one only while nobody has signed up for the event as a whole (each sign-up of an event
 * with shifts holds at least one); it takes over from the event's own capacity, which is emptied.
 */
export async function addShift(actor: Actor, eventId: string, input: ShiftInput) {
  const db = await getDb();
  return audited(db, actor, "shift.add", async (tx) => {
    const { campaign } = await eventForActor(actor, eventId, "organizer", tx);
    const event = (await lockEvent(tx, eventId))!;
    const times = shiftTimes(event, input);
    const existing = await shiftsOf(tx, eventId);
    if (existing.length === 0) {
      if (event.confirmedCount + event.waitlistedCount + event.requestedCount > 0) throw new PublicError("editor.shifts.signupsBefore");
      if (event.capacity !== null) await tx.update(events).set({ capacity: null }).where(eq(events.id, eventId));
    }
    if (existing.length >= 100) throw new PublicError("editor.shifts.tooMany");
    const [row] = await tx
      .insert(eventShifts)
      .values({ eventId, ...times, label: input.label, capacity: input.capacity })
      .returning();
    return { result: row!, audit: { orgId: campaign.orgId, campaignId: campaign.id, eventId, details: { shiftId: row!.id } } };
  });
}

/** The shift and its event, locked (event first), for an organizer of the event's organisation. */
async function lockedShift(tx: Tx, actor: Actor, shiftId: string) {
  const [found] = await tx.select({ eventId: eventShifts.eventId }).from(eventShifts).where(eq(eventShifts.id, shiftId));
  if (!found) throw new NotFoundError();
  const { campaign } = await eventForActor(actor, found.eventId, "organizer", tx);
  const event = (await lockEvent(tx, found.eventId))!;
  const [shift] = await tx.select().from(eventShifts).where(eq(eventShifts.id, shiftId));
  if (!shift) throw new NotFoundError();
  return { campaign, event, shift };
}

/**
 * Changes a shift's time, name or places. Fewer places than are taken is refused; more moves its waitlist up. A new
 * time is sent to everyone in the shift, and calendars pick it up (the event's SEQUENCE).
 */
export async function updateShift(actor: Actor, shiftId: string, input: ShiftInput, now = new Date()) {
  const db = await getDb();
  return audited(db, actor, "shift.update", async (tx) => {
    const { campaign, event, shift } = await lockedShift(tx, actor, shiftId);
    const times = shiftTimes(event, input);
    if (input.capacity !== null && input.capacity < shift.confirmedCount) {
      throw new PublicError("editor.shifts.capacityBelowConfirmed", "capacity", { confirmed: shift.confirmedCount });
    }
    await tx
      .update(eventShifts)
      .set({ ...times, label: input.label, capacity: input.capacity })
      .where(eq(eventShifts.id, shiftId));
    const moved = times.startsAt.getTime() !== shift.startsAt.getTime() || times.endsAt.getTime() !== shift.endsAt.getTime();
    if (moved || input.label !== shift.label) await raiseSequence(tx, event.id);
    // They signed up for those hours: everyone in it is told of the new ones.
    if (moved) await queueShiftMoved(tx, shift, times, now);
    const promoted = await promoteInShifts(tx, event.id, now, [shiftId]);
    await queuePromotions(tx, event.id, promoted, now);
    return {
      result: { promoted: promoted.length },
      audit: { orgId: campaign.orgId, campaignId: campaign.id, eventId: event.id, details: { shiftId } },
    };
  });
}

/**
 * Removes a shift nobody holds a place in or waits for. One with people in it is refused, with how many: they
 * signed up for those hours, so the organizers change its time or places instead, or ask them to move.
 */
export async function removeShift(actor: Actor, shiftId: string) {
  const db = await getDb();
  return audited(db, actor, "shift.remove", async (tx) => {
    const { campaign, event, shift } = await lockedShift(tx, actor, shiftId);
    const [held] = await tx
      .select({ n: count() })
      .from(signupShifts)
      .where(and(eq(signupShifts.shiftId, shiftId), inArray(signupShifts.status, ["confirmed", "waitlisted", "requested"])));
    const people = Number(held?.n ?? 0);
    if (people > 0) throw new PublicError("editor.shifts.removeHasPeople", undefined, { count: people });
    // What is left of it: the places given up earlier.
    await tx.delete(signupShifts).where(eq(signupShifts.shiftId, shiftId));
    await tx.delete(eventShifts).where(eq(eventShifts.id, shiftId));
    return {
      result: { eventId: event.id },
      audit: { orgId: campaign.orgId, campaignId: campaign.id, eventId: event.id, details: { shiftId, startsAt: shift.startsAt.toISOString() } },
    };
  });
}
