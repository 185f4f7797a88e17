import "server-only";
import { and, eq, exists, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { campaigns, deliveries, events, outbox, signups } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { eventForActor } from "@/lib/events/events";
import { audited } from "@/lib/audit";
import { attendeeScope } from "@/lib/attendees/attendees";
import { destroyEventKeys } from "@/lib/crypto/keys";
import { NotFoundError, PublicError } from "@/lib/errors";
import { requireRole } from "@/lib/orgs/authz";
import { erasedFields } from "@/lib/signups/erasure";

const DAY_MS = 86_400_000;

/** When an event's sign-ups lose their personal fields: whole days of 24 hours after it ends (no DST shift). */
export function erasureDate(event: { endsAt: Date }, retentionDays: number): Date {
  return new Date(event.endsAt.getTime() + retentionDays * DAY_MS);
}

/**
 * Erases the personal fields of every sign-up of the event not yet erased, in one statement,
 * the way a supporter's own erasure does, but keeping status, role and check-in so anonymous
 * counts stay, and deletes the event's data key: what it sealed, in this database or in any copy
 * of it, can no longer be read. The event's counters are not touched. Runs under the event's row
 * lock, so no sign-up change of this event interleaves. Returns how many sign-ups were erased, and
 * whether the event had been erased before.
 */
async function eraseUnderLock(tx: Tx, eventId: string, now: Date) {
  const [locked] = await tx.select({ erasedAt: events.personalDataErasedAt }).from(events).where(eq(events.id, eventId)).for("update");
  const erased = await tx
    .update(signups)
    .set(erasedFields(now))
    .where(and(eq(signups.eventId, eventId), isNull(signups.erasedAt)))
    .returning({ id: signups.id });
  // Messages about the event held addresses and names, sealed with its key.
  await tx.delete(outbox).where(eq(outbox.eventId, eventId));
  // So did the webhook calls with its sign-ups' details (sealed with the key destroyed below).
  await tx.delete(deliveries).where(inArray(deliveries.signupId, tx.select({ id: signups.id }).from(signups).where(eq(signups.eventId, eventId))));
  await destroyEventKeys(tx, [eventId]);
  const before = locked?.erasedAt ?? null;
  // Nothing new since an earlier erasure (another instance's purge, say): keep its date.
  if (!before || erased.length > 0) await tx.update(events).set({ personalDataErasedAt: now }).where(eq(events.id, eventId));
  return { signups: erased.length, changed: !before || erased.length > 0 };
}

const pastRetention = (now: Date) => lte(sql`${events.endsAt} + ${campaigns.retentionDays} * interval '86400 seconds'`, now);

// Not yet erased, or erased early while sign-ups kept coming in afterwards.
const stillHoldsPersonalData = or(
  isNull(events.personalDataErasedAt),
  exists(sql`(select 1 from ${signups} where ${signups.eventId} = ${events.id} and ${signups.erasedAt} is null)`),
);

/** The scheduled task: every event past its campaign's retention loses its sign-ups' personal fields. */
export async function purgeExpiredSignups(now = new Date()): Promise<{ events: number; signups: number }> {
  const db = await getDb();
  const due = await db
    .select({ id: events.id })
    .from(events)
    .innerJoin(campaigns, eq(campaigns.id, events.campaignId))
    .where(and(pastRetention(now), stillHoldsPersonalData));
  const total = { events: 0, signups: 0 };
  for (const { id } of due) {
    // One transaction per event: a failure leaves the others done, and locks stay short.
    const done = await db.transaction((tx) => eraseUnderLock(tx, id, now));
    if (!done.changed) continue;
    total.events += 1;
    total.signups += done.signups;
  }
  return total;
}

/** An organizer or owner erases an event's sign-ups before the retention date; the audit log says who and how many. */
export async function eraseEventPersonalData(actor: Actor, eventId: string, now = new Date()): Promise<{ signups: number }> {
  const db = await getDb();
  return audited(db, actor, "signups.erase", async (tx) => {
    const { event, campaign } = await eventForActor(actor, eventId, "organizer", tx);
    await attendeeScope(actor, { eventId }, tx);
    const { signups: count } = await eraseUnderLock(tx, eventId, now);
    return {
      result: { signups: count },
      audit: {
        orgId: event.hostOrgId,
        campaignId: campaign.id,
        eventId: event.id,
        details: { early: true, scheduledFor: erasureDate(event, campaign.retentionDays).toISOString() },
        rowCount: count,
        at: now,
      },
    };
  });
}

/**
 * The emergency: every event of a campaign loses its sign-ups' personal data and its data key at once, before any
 * retention date. Owners only, confirmed by typing the campaign's title, audited in the same transaction.
 */
export async function eraseCampaignPersonalData(
  actor: Actor,
  campaignId: string,
  typedTitle: string,
  now = new Date(),
): Promise<{ signups: number; events: number }> {
  const db = await getDb();
  return audited(db, actor, "signups.emergencyErase", async (tx) => {
    const [campaign] = await tx.select().from(campaigns).where(eq(campaigns.id, campaignId));
    if (!campaign) throw new NotFoundError();
    await requireRole(actor, campaign.orgId, "owner", tx);
    if (typedTitle.trim() !== campaign.title.trim()) throw new PublicError("retention.dashboard.emergency.mismatch", "confirmTitle");
    const list = await tx.select({ id: events.id }).from(events).where(eq(events.campaignId, campaignId)).orderBy(events.id);
    let count = 0;
    for (const { id } of list) count += (await eraseUnderLock(tx, id, now)).signups;
    return {
      result: { signups: count, events: list.length },
      audit: { orgId: campaign.orgId, campaignId: campaign.id, details: { events: list.length }, rowCount: count, at: now },
    };
  });
}
