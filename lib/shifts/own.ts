import "server-only";
import { and, eq } from "drizzle-orm";
import { campaigns, eventShifts, signupShifts } from "@/db/schema";
import { PublicError } from "@/lib/errors";
import { queuePromotions } from "@/lib/mail/signup-mail";
import { acceptsSignups, signupAvailability } from "@/lib/signups/availability";
import { withOwnSignup } from "@/lib/signups/manage";
import { hasRoom, promoteInShifts, releaseShifts, settleSignups, takenShifts } from "./places";

// A supporter changes the shifts they took from their private link: drops one (its place goes to the first on
// that shift's waitlist, in the same transaction) or takes one more. Under the event's lock, as every sign-up change.

const HOLDING = new Set(["confirmed", "waitlisted", "requested"]);

/** Drops one shift; the last one is kept (cancelling the sign-up says that the person will not come). */
export async function dropOwnShift(token: string, shiftId: string, now = new Date()) {
  return withOwnSignup(token, async (tx, s, event) => {
    if (!HOLDING.has(s.status)) throw new PublicError("signups.manage.cancelled");
    const taken = await takenShifts(tx, s.id);
    if (!taken.some((t) => t.id === shiftId)) throw new PublicError("signups.manage.shifts.unknown");
    if (taken.length === 1) throw new PublicError("signups.manage.shifts.lastShift");
    const freed = await releaseShifts(tx, s.id, [shiftId]);
    await settleSignups(tx, event.id, [s.id], now);
    const promoted = freed.length ? await promoteInShifts(tx, event.id, now, freed) : [];
    await queuePromotions(tx, event.id, promoted, now);
  });
}

/**
 * Takes one more shift: a free place, else its waitlist (at the back of the line), else a clear refusal. A sign-up
 * waiting for approval asks for it as well, holding no place until approved. Only while the event takes sign-ups.
 */
export async function addOwnShift(token: string, shiftId: string, now = new Date()) {
  return withOwnSignup(token, async (tx, s, event) => {
    if (!HOLDING.has(s.status)) throw new PublicError("signups.manage.cancelled");
    const [campaign] = await tx.select({ status: campaigns.status }).from(campaigns).where(eq(campaigns.id, event.campaignId));
    if (!acceptsSignups(signupAvailability(event, campaign?.status ?? "draft", now).state)) throw new PublicError("signups.manage.shifts.closed");
    const [shift] = await tx
      .select()
      .from(eventShifts)
      .where(and(eq(eventShifts.id, shiftId), eq(eventShifts.eventId, event.id)));
    if (!shift) throw new PublicError("signups.manage.shifts.unknown");
    if ((await takenShifts(tx, s.id)).some((t) => t.id === shiftId)) return;
    const place =
      s.status === "requested" ? "requested" : hasRoom(shift) ? "confirmed" : event.waitlist && event.signupMode !== "headcount" ? "waitlisted" : null;
    if (!place) throw new PublicError("signups.shifts.full", "shifts");
    await tx
      .insert(signupShifts)
      .values({ signupId: s.id, shiftId, status: place, queuedAt: now })
      .onConflictDoUpdate({ target: [signupShifts.signupId, signupShifts.shiftId], set: { status: place, queuedAt: now } });
    if (place !== "requested") {
      await tx
        .update(eventShifts)
        .set(place === "confirmed" ? { confirmedCount: shift.confirmedCount + 1 } : { waitlistedCount: shift.waitlistedCount + 1 })
        .where(eq(eventShifts.id, shiftId));
    }
    await settleSignups(tx, event.id, [s.id], now);
  });
}
