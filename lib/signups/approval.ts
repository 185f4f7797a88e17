import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { events, signups, type Signup } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { audited } from "@/lib/audit";
import { attendeeScope } from "@/lib/attendees/attendees";
import { NotFoundError, PublicError } from "@/lib/errors";
import { enqueue } from "@/lib/mail/outbox";
import { loadSignupMailContext, signupMessage } from "@/lib/mail/signup-mail";
import { outdateAsSignup } from "@/lib/public/page-changes";
import { waitlistPosition } from "./manage";
import { withPersonal } from "./personal";
import { lockEvent } from "./waitlist";
import { dropRequest, placeRequest, takenShifts } from "@/lib/shifts/places";

// An event that vets its sign-ups takes each as a request, holding no place. An organizer, or a coordinator given
// the event, approves it (a place if there is one, else the waitlist if the event keeps one) or declines it; the
// supporter is told either way, by email, and on their private page.

export type Decision = "approve" | "decline";

export interface Decided {
  status: "confirmed" | "waitlisted" | "declined";
  /** On the waitlist: the place in it. */
  position: number | null;
}

/**
 * Approves or declines one request, under the event's lock (event first, then the sign-up: the lock order of
 * signUp), in one transaction with its counters, the supporter's message and the audit row. Deciding again what
 * is decided already changes nothing and says what it was; a request cancelled meanwhile is refused.
 */
export async function decideSignup(actor: Actor, signupId: string, decision: Decision, now = new Date(), orgSlug?: string): Promise<Decided> {
  const db = await getDb();
  const [found] = await db.select({ eventId: signups.eventId }).from(signups).where(eq(signups.id, signupId));
  if (!found) throw new NotFoundError();
  return audited(db, actor, decision === "approve" ? "signup.approve" : "signup.decline", async (tx) => {
    const scope = await attendeeScope(actor, { eventId: found.eventId, orgSlug }, tx);
    const event = await lockEvent(tx, found.eventId);
    const [row] = await tx.select().from(signups).where(eq(signups.id, signupId)).for("update");
    if (!event || !row || row.erasedAt) throw new NotFoundError();
    const already = alreadyDecided(row, decision);
    if (already) return { result: { status: already, position: await waitlistPosition(tx, row) }, audit: null };
    if (row.status !== "requested") throw new PublicError("attendees.approval.notRequested");
    if (event.status === "cancelled" || event.endsAt <= now) throw new PublicError("attendees.approval.closed");

    let status: Decided["status"] = "declined";
    // A request for shifts holds no place in them: approved, it takes what each shift has (lib/shifts/places.ts).
    const shifts = await takenShifts(tx, row.id);
    if (shifts.length && decision === "approve") status = await placeRequest(tx, event, row.id);
    else if (shifts.length) await dropRequest(tx, row.id);
    else if (decision === "approve") {
      const room = event.capacity === null || event.confirmedCount < event.capacity;
      if (!room && !event.waitlist) throw new PublicError("attendees.approval.full");
      status = room ? "confirmed" : "waitlisted";
    }
    await tx.update(signups).set({ status, updatedAt: now }).where(eq(signups.id, row.id));
    await tx
      .update(events)
      .set({
        requestedCount: sql`${events.requestedCount} - 1`,
        ...(status === "confirmed" ? { confirmedCount: sql`${events.confirmedCount} + 1` } : {}),
        ...(status === "waitlisted" ? { waitlistedCount: sql`${events.waitlistedCount} + 1` } : {}),
      })
      .where(eq(events.id, event.id));
    const position = status === "waitlisted" ? await waitlistPosition(tx, { ...row, status }) : null;

    const [person] = await withPersonal(tx, [row]);
    const ctx = await loadSignupMailContext(tx, event.id);
    if (person?.person?.email && ctx) {
      const taken = shifts.length && status !== "declined" ? await takenShifts(tx, row.id) : [];
      const to = { id: row.id, name: person.person.name, email: person.person.email, locale: row.locale, ...(taken.length ? { shifts: taken } : {}) };
      await enqueue(tx, [signupMessage(status === "declined" ? "signup_declined" : "signup_approved", ctx, to, position ?? undefined)], now);
    }
    if (status === "confirmed") await outdateAsSignup(tx, event);
    return {
      result: { status, position },
      // Who decided what, and when: never whose request it was.
      audit: { orgId: scope.grant.orgId, campaignId: scope.campaign.id, eventId: event.id, rowCount: 1, at: now },
    };
  });
}

function alreadyDecided(row: Signup, decision: Decision): Decided["status"] | null {
  if (decision === "decline") return row.status === "declined" ? "declined" : null;
  return row.status === "confirmed" || row.status === "waitlisted" ? row.status : null;
}
