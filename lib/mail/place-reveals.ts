import "server-only";
import { and, eq, gt, isNull, lte, ne, or, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { campaigns, events, type Event } from "@/db/schema";
import { enqueueForEvent } from "./outbox";
import { inLocale, loadSignupMailContext, type SignupMailContext } from "./signup-mail";
import { compose, eventBlock, mailTranslator } from "./render";

// A hidden meeting point goes to the confirmed attendees `placeRevealMinutes` before the start: one message each,
// queued in the outbox by whichever round of the mail worker comes first after that time (lib/mail/runner.ts).

/** The longest an event may hide its place before the start (PLACE_REVEAL_CHOICES), and a clock change. */
const LONGEST_MS = (2880 + 60) * 60_000;

/** The message with the exact place, to confirmed attendees alone; `changed` when it replaces one sent before. */
async function queuePlaceMessages(tx: DbOrTx, ctx: SignupMailContext, event: Event, dedupePrefix: string, changed: boolean, now: Date) {
  return enqueueForEvent(
    tx,
    { orgId: ctx.orgId, eventId: event.id, kind: "place_revealed", audience: { statuses: ["confirmed"] }, dedupePrefix },
    (locale) => {
      const t = mailTranslator(locale);
      const shown = inLocale({ ...ctx, event }, locale);
      return compose(t("placeRevealed.subject", { event: shown.event.title }), [
        t("greetingAll"),
        t(changed ? "placeRevealed.changed" : "placeRevealed.body", { event: shown.event.title }),
        eventBlock(t, locale, ctx.origin, shown.campaign, shown.event, true),
        t("privateLinkElsewhere"),
        t("footer", { org: ctx.campaign.orgName, event: shown.event.title }),
      ]);
    },
    now,
  );
}

/**
 * Queues the hidden places that are due, once per sign-up and start: the event's row lock and `placeRevealedFor`
 * keep a second worker from writing them again, and the outbox's unique key keeps each person's copy single. A
 * new start (postponed) queues them again. Cancelled events and events of campaigns that are not published send
 * nothing; neither do events that have ended.
 */
export async function queueDuePlaceReveals(now = new Date()): Promise<number> {
  const db = await getDb();
  const candidates = await db
    .select({ id: events.id, startsAt: events.startsAt })
    .from(events)
    .innerJoin(campaigns, eq(campaigns.id, events.campaignId))
    .where(
      and(
        eq(events.placeHidden, true),
        ne(events.status, "cancelled"),
        eq(campaigns.status, "published"),
        gt(events.endsAt, now),
        lte(events.startsAt, new Date(now.getTime() + LONGEST_MS)),
        lte(sql`${events.startsAt} - ${events.placeRevealMinutes} * interval '1 minute'`, now),
        or(isNull(events.placeRevealedFor), ne(events.placeRevealedFor, events.startsAt)),
      ),
    );
  let total = 0;
  for (const candidate of candidates) {
    total += await db.transaction(async (tx) => {
      const [row] = await tx
        .select({ event: events, campaignStatus: campaigns.status })
        .from(events)
        .innerJoin(campaigns, eq(campaigns.id, events.campaignId))
        .where(eq(events.id, candidate.id))
        .for("update", { of: events });
      const event = row?.event;
      if (!event || row.campaignStatus !== "published" || event.status === "cancelled" || !event.placeHidden) return 0;
      if (event.placeRevealedFor?.getTime() === event.startsAt.getTime()) return 0;
      if (event.startsAt.getTime() - event.placeRevealMinutes * 60_000 > now.getTime()) return 0;
      const ctx = await loadSignupMailContext(tx, event.id);
      if (!ctx) return 0;
      const written = await queuePlaceMessages(tx, ctx, event, `place:${event.startsAt.toISOString()}:`, false, now);
      await tx
        .update(events)
        .set({ placeRevealedFor: sql`${events.startsAt}` })
        .where(eq(events.id, event.id));
      return written;
    });
  }
  return total;
}

const exactPlaceKey = (e: Event) => JSON.stringify([e.venue, e.address, e.city, e.country, e.latitude, e.longitude, e.onlineUrl ?? ""]);

/**
 * In the transaction that changes an event: when its hidden place was already sent for this start and the exact
 * place moved, the confirmed attendees get the new one (the change message to everyone says only what is public).
 */
export async function queuePlaceMoved(tx: DbOrTx, before: Event, after: Event, now = new Date()): Promise<number> {
  if (!after.placeHidden || after.status === "cancelled") return 0;
  if (after.placeRevealedFor?.getTime() !== after.startsAt.getTime()) return 0;
  if (exactPlaceKey(before) === exactPlaceKey(after)) return 0;
  const ctx = await loadSignupMailContext(tx, after.id);
  if (!ctx) return 0;
  return queuePlaceMessages(tx, ctx, after, `place:${after.startsAt.toISOString()}:${after.sequence}:`, true, now);
}
