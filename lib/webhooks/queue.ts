import "server-only";
import { and, asc, eq, gt, inArray, isNull, ne, notExists, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { campaigns, deliveries, events, organisations, signups, webhooks, webhookStates, type NewDelivery, type Webhook } from "@/db/schema";
import { recordAccess } from "@/lib/audit";
import { seal } from "@/lib/crypto/envelope";
import { eventKey } from "@/lib/crypto/keys";
import { siteOrigin } from "@/lib/mail/origin";
import { withPersonal } from "@/lib/signups/personal";
import { countsKey, countsOf, eventData, eventDigest, type CoveredEvent, type WebhookTopic } from "./payloads";

// Each round compares what a webhook was last told of each event it covers (webhook_states) with the public event
// and its counts now, and queues the difference, in one transaction per webhook under its row's lock (two workers
// never queue the same change twice). Every path that changes an event (the form, a postponement, a host, a
// cancellation) is told the same way, and many sign-ups in one round are one `signups.counted`.

/** Events that ended longer ago than this are no longer compared: they do not change any more. */
const WINDOW_MS = 7 * 86_400_000;
/** Sign-ups are looked for this far behind the cursor too: one whose transaction began earlier may commit later. */
const LOOKBACK_MS = 2 * 60_000;
const SIGNUPS_PER_ROUND = 500;

export const payloadAssociated = (deliveryId: string) => `deliveries:${deliveryId}:payload`;

/** A delivery row for a webhook (its own id, so that a sealed payload can be bound to it). */
function call(hook: Webhook, topic: WebhookTopic, data: unknown, now: Date, extra: Partial<NewDelivery> = {}): NewDelivery {
  return {
    id: crypto.randomUUID(),
    orgId: hook.orgId,
    kind: "webhook",
    webhookId: hook.id,
    target: hook.url,
    topic,
    payload: JSON.stringify(data),
    createdAt: now,
    nextAttemptAt: now,
    ...extra,
  };
}

/** The events a webhook covers: those its organisation runs (a partner's belong to the partner), in its campaign or all. */
function coverage(hook: Webhook) {
  return and(eq(events.hostOrgId, hook.orgId), hook.campaignId ? eq(events.campaignId, hook.campaignId) : undefined, ne(campaigns.status, "draft"));
}

// The digest carries the status it was made of, so that a cancellation is told as one.
const stateDigest = (status: string, digest: string) => `${status}:${digest}`;
const wasCancelled = (digest: string | null) => digest?.startsWith("cancelled:") ?? false;
const NO_COUNTS = countsKey({ confirmed: 0, waitlisted: 0, requested: 0, checkedIn: 0 });

const checkedInCount = sql<number>`(select count(*)::int from ${signups}
  where ${signups.eventId} = ${events.id} and ${signups.checkedInAt} is not null and ${signups.status} <> 'cancelled')`;

async function eventCalls(tx: Tx, hook: Webhook, now: Date): Promise<NewDelivery[]> {
  const rows = await tx
    .select({
      event: events,
      campaign: { id: campaigns.id, slug: campaigns.slug, title: campaigns.title, status: campaigns.status, orgId: campaigns.orgId },
      hostName: organisations.name,
      checkedIn: checkedInCount,
      digest: webhookStates.digest,
      counts: webhookStates.counts,
    })
    .from(events)
    .innerJoin(campaigns, eq(campaigns.id, events.campaignId))
    .innerJoin(organisations, eq(organisations.id, events.hostOrgId))
    .leftJoin(webhookStates, and(eq(webhookStates.webhookId, hook.id), eq(webhookStates.eventId, events.id)))
    .where(and(coverage(hook), gt(events.endsAt, new Date(now.getTime() - WINDOW_MS))));
  const origin = siteOrigin();
  const calls: NewDelivery[] = [];
  for (const row of rows) {
    const covered: CoveredEvent = { ...row, checkedIn: Number(row.checkedIn) };
    const data = eventData(covered, origin, now);
    const digest = stateDigest(row.event.status, eventDigest(data));
    const counts = countsKey(countsOf(covered));
    const cancelled = row.event.status === "cancelled";
    const extra = { campaignId: row.campaign.id };
    if (row.digest === null) {
      // A cancelled event this webhook never heard of is not news to it.
      if (!cancelled) calls.push(call(hook, "event.created", data, now, extra));
    } else if (row.digest !== digest) {
      calls.push(call(hook, cancelled && !wasCancelled(row.digest) ? "event.cancelled" : "event.changed", data, now, extra));
    }
    if (counts !== (row.counts || NO_COUNTS) && !(row.digest === null && cancelled)) {
      calls.push(
        call(hook, "signups.counted", { event: { id: row.event.id, slug: row.event.slug }, campaign: data.campaign, counts: countsOf(covered) }, now, extra),
      );
    }
    if (row.digest !== digest || row.counts !== counts) {
      await tx
        .insert(webhookStates)
        .values({ webhookId: hook.id, eventId: row.event.id, digest, counts, updatedAt: now })
        .onConflictDoUpdate({ target: [webhookStates.webhookId, webhookStates.eventId], set: { digest, counts, updatedAt: now } });
    }
  }
  // Events deleted since: told once, then forgotten.
  const gone = await tx
    .select({ eventId: webhookStates.eventId })
    .from(webhookStates)
    .leftJoin(events, eq(events.id, webhookStates.eventId))
    .where(and(eq(webhookStates.webhookId, hook.id), isNull(events.id)));
  if (gone.length) {
    for (const { eventId } of gone) calls.push(call(hook, "event.deleted", { event: { id: eventId } }, now));
    await tx.delete(webhookStates).where(
      and(
        eq(webhookStates.webhookId, hook.id),
        inArray(
          webhookStates.eventId,
          gone.map((g) => g.eventId),
        ),
      ),
    );
  }
  return calls;
}

/**
 * For an owner who opted in: one call per sign-up created since the cursor (never before the webhook was made), with
 * the person's details sealed with the event's data key, so that erasing the event's data reaches it too, and bound
 * to the sign-up, so that erasing the sign-up deletes it. A pseudonymous sign-up gives its nickname only, a headcount
 * nothing. Each event's batch is put on record as a look at personal data.
 */
async function signupCalls(tx: Tx, hook: Webhook, now: Date): Promise<NewDelivery[]> {
  const cursor = hook.signupCursor ?? hook.createdAt;
  const from = new Date(Math.max(hook.createdAt.getTime(), cursor.getTime() - LOOKBACK_MS));
  const queued = tx
    .select({ one: sql`1` })
    .from(deliveries)
    .where(and(eq(deliveries.webhookId, hook.id), eq(deliveries.signupId, signups.id)));
  const rows = await tx
    .select({
      id: signups.id,
      personal: signups.personal,
      role: signups.role,
      status: signups.status,
      createdAt: signups.createdAt,
      event: { id: events.id, slug: events.slug, title: events.title, dataKeyId: events.dataKeyId, signupMode: events.signupMode },
      campaign: { id: campaigns.id, slug: campaigns.slug },
    })
    .from(signups)
    .innerJoin(events, eq(events.id, signups.eventId))
    .innerJoin(campaigns, eq(campaigns.id, events.campaignId))
    .where(
      and(
        coverage(hook),
        gt(signups.createdAt, from),
        isNull(signups.erasedAt),
        inArray(signups.status, ["confirmed", "waitlisted", "requested"]),
        notExists(queued),
      ),
    )
    .orderBy(asc(signups.createdAt), asc(signups.id))
    .limit(SIGNUPS_PER_ROUND);
  if (!rows.length) return [];
  const opened = await withPersonal(tx, rows);
  const calls: NewDelivery[] = [];
  const perEvent = new Map<string, { campaignId: string; n: number }>();
  for (const row of opened) {
    const mode = row.event.signupMode;
    const person = !row.person || mode === "headcount" ? {} : mode === "pseudonymous" ? { nickname: row.person.name } : { ...row.person };
    const data = {
      signup: { id: row.id, status: row.status, role: row.role, createdAt: row.createdAt, mode, person },
      event: { id: row.event.id, slug: row.event.slug, title: row.event.title },
      campaign: row.campaign,
    };
    const key = await eventKey(tx, row.event, hook.orgId);
    const made = call(hook, "signup.created", null, now, { campaignId: row.campaign.id, signupId: row.id, sealed: true });
    made.payload = seal(key, JSON.stringify(data), payloadAssociated(made.id!));
    calls.push(made);
    const seen = perEvent.get(row.event.id) ?? { campaignId: row.campaign.id, n: 0 };
    seen.n += 1;
    perEvent.set(row.event.id, seen);
  }
  for (const [eventId, { campaignId, n }] of perEvent)
    await recordAccess(tx, null, { orgId: hook.orgId, kind: "webhook", campaignId, eventId, rowCount: n }, now);
  const newest = rows.at(-1)!.createdAt;
  await tx
    .update(webhooks)
    .set({ signupCursor: newest > cursor ? newest : cursor })
    .where(eq(webhooks.id, hook.id));
  return calls;
}

async function queueFor(tx: Tx, webhookId: string, now: Date): Promise<number> {
  // Another worker holding this webhook is queueing its calls already.
  const [hook] = await tx
    .select()
    .from(webhooks)
    .where(and(eq(webhooks.id, webhookId), isNull(webhooks.disabledAt)))
    .for("update", { skipLocked: true });
  if (!hook) return 0;
  const calls = [...(await eventCalls(tx, hook, now)), ...(hook.personal ? await signupCalls(tx, hook, now) : [])];
  if (calls.length) await tx.insert(deliveries).values(calls);
  return calls.length;
}

/**
 * Compares what each webhook was last told (webhook_states) with the events and counts it covers, and queues the
 * calls for the difference (deliveries); for an owner who opted in, one sealed call per new sign-up.
 * Returns how many deliveries it queued. With no webhook switched on, it costs one query on a small table.
 */
export async function queueWebhooks(db: Db, now: Date): Promise<number> {
  const active = await db.select({ id: webhooks.id }).from(webhooks).where(isNull(webhooks.disabledAt));
  let queued = 0;
  for (const { id } of active) queued += await db.transaction((tx) => queueFor(tx, id, now));
  return queued;
}
