import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { events, signups, type Event } from "@/db/schema";
import { audited, recordAccess } from "@/lib/audit";
import { NotFoundError, PublicError } from "@/lib/errors";
import { queueEventCancelled, queueEventChanged } from "@/lib/mail/event-mail";
import { withPersonal } from "@/lib/signups/personal";
import { lockEvent } from "@/lib/signups/waitlist";
import { proposalByToken } from "./proposals";
import type { HostEditInput } from "./schemas";

// What a host's private link reaches: their own proposal, and once approved their own event until it ends. Of its
// attendees it shows the names of those coming and on the waitlist, nothing else (no address, phone, comment or
// role, no export); each look is recorded like a member's, with nobody as the reader.

export interface HostedAttendees {
  confirmed: string[];
  waitlisted: string[];
  /** Sign-ups with no name to show: headcounts, and requests waiting for the organizers. */
  unnamed: number;
}

export type HostView =
  | {
      state: "unconfirmed" | "pending";
      campaign: { slug: string; title: string };
      proposal: { title: string; startsAt: Date; endsAt: Date; timeZone: string; city: string; country: string };
    }
  | { state: "approved"; campaign: { slug: string; title: string }; event: Event; attendees: HostedAttendees };

/** How far a host may move their event from the time the organizers approved. */
export const MAX_HOST_MOVE_MS = 7 * 86_400_000;

/** The host's event, alive: approved, still there, not yet ended. */
async function hostedEvent(db: DbOrTx, token: string, now: Date) {
  const found = await proposalByToken(db, token, now);
  if (!found || found.proposal.status !== "approved" || !found.proposal.eventId) return null;
  const [event] = await db.select().from(events).where(eq(events.id, found.proposal.eventId));
  if (!event || event.endsAt <= now) return null;
  return { ...found, event };
}

/** The names of an event's attendees, the way a host sees them. */
async function attendeeNames(db: DbOrTx, eventId: string): Promise<HostedAttendees> {
  const rows = await db
    .select({ id: signups.id, personal: signups.personal, status: signups.status })
    .from(signups)
    .where(and(eq(signups.eventId, eventId), inArray(signups.status, ["confirmed", "waitlisted", "requested"])))
    .orderBy(asc(signups.createdAt), asc(signups.id));
  const opened = await withPersonal(
    db,
    rows.filter((r) => r.personal !== null && r.status !== "requested"),
  );
  const names = (status: string) => opened.filter((r) => r.status === status && r.person?.name).map((r) => r.person!.name);
  const confirmed = names("confirmed");
  const waitlisted = names("waitlisted");
  return { confirmed, waitlisted, unnamed: rows.length - confirmed.length - waitlisted.length };
}

/** What the host's page shows; null for a link that leads nowhere (any more). Reading the names is recorded. */
export async function hostView(token: string, now = new Date()): Promise<HostView | null> {
  const db = await getDb();
  const found = await proposalByToken(db, token, now);
  if (!found) return null;
  const { proposal, campaign } = found;
  if (proposal.status === "unconfirmed" || proposal.status === "pending") {
    if (proposal.status === "pending" && proposal.startsAt <= now) return null;
    return { state: proposal.status, campaign, proposal };
  }
  const hosted = await hostedEvent(db, token, now);
  if (!hosted) return null;
  const attendees = await attendeeNames(db, hosted.event.id);
  await recordAccess(
    db,
    null,
    {
      orgId: campaign.orgId,
      kind: "host",
      campaignId: campaign.id,
      eventId: hosted.event.id,
      rowCount: attendees.confirmed.length + attendees.waitlisted.length,
    },
    now,
  );
  return { state: "approved", campaign, event: hosted.event, attendees };
}

/** The host's change of time, place within the city, or description; attendees are told of a new time or place. */
export async function editHostedEvent(token: string, input: HostEditInput, now = new Date()): Promise<void> {
  const db = await getDb();
  const hosted = await hostedEvent(db, token, now);
  if (!hosted) throw new NotFoundError();
  // Further would be another event, and would keep the host's link (and the names it shows) alive longer.
  if (Math.abs(input.startsAt.getTime() - hosted.proposal.startsAt.getTime()) > MAX_HOST_MOVE_MS) throw new PublicError("hosts.movedTooFar", "startsLocal");
  await audited(db, null, "host.edit", async (tx) => {
    const current = (await lockEvent(tx, hosted.event.id))!;
    if (current.status === "cancelled") throw new PublicError("events.alreadyCancelled");
    const deadline = current.signupDeadline && current.signupDeadline > input.startsAt ? input.startsAt : current.signupDeadline;
    const [row] = await tx
      .update(events)
      .set({ ...input, signupDeadline: deadline, updatedAt: now, sequence: sql`${events.sequence} + 1` })
      .where(eq(events.id, current.id))
      .returning();
    await queueEventChanged(tx, current, row!, now);
    return { result: undefined, audit: { orgId: hosted.campaign.orgId, campaignId: hosted.campaign.id, eventId: current.id, details: { by: "host" } } };
  });
}

/** The host cancels their event: everyone signed up is told, as for an organizer's cancellation. */
export async function cancelHostedEvent(token: string, reason: string, now = new Date()): Promise<void> {
  const db = await getDb();
  const hosted = await hostedEvent(db, token, now);
  if (!hosted) throw new NotFoundError();
  await audited(db, null, "host.cancel", async (tx) => {
    const current = (await lockEvent(tx, hosted.event.id))!;
    if (current.status === "cancelled") return { result: undefined, audit: null };
    await tx
      .update(events)
      .set({ status: "cancelled", changeReason: reason || null, updatedAt: now, sequence: sql`${events.sequence} + 1` })
      .where(eq(events.id, current.id));
    await queueEventCancelled(tx, { ...current, status: "cancelled" }, reason || null, now);
    return {
      result: undefined,
      audit: {
        orgId: hosted.campaign.orgId,
        campaignId: hosted.campaign.id,
        eventId: current.id,
        details: { from: current.status, to: "cancelled", by: "host" },
      },
    };
  });
}
