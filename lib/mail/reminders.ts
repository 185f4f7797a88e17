import "server-only";
import { and, eq, gt, isNull, lte, ne, or, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { campaigns, events } from "@/db/schema";
import { placeDue } from "@/lib/events/place";
import { instantToZonedLocal, zonedLocalToInstant } from "@/lib/time/zones";
import { enqueueForEvent } from "./outbox";
import { inLocale, loadSignupMailContext } from "./signup-mail";
import { compose, eventBlock, mailTranslator } from "./render";

const HOUR_MS = 3_600_000;

/**
 * When the reminder is due: the same wall-clock time on the day before, in the event's zone,
 * so an event at 12:00 is reminded at 12:00 the day before even across a clock change.
 */
export function reminderTime(event: { startsAt: Date; timeZone: string }): Date {
  const local = instantToZonedLocal(event.startsAt, event.timeZone);
  const day = new Date(`${local.slice(0, 10)}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return zonedLocalToInstant(`${day.toISOString().slice(0, 10)}${local.slice(10)}`, event.timeZone) ?? new Date(event.startsAt.getTime() - 24 * HOUR_MS);
}

/**
 * Queues the reminders that are due, once per sign-up and start: the outbox's unique key
 * keeps a second worker, or a restart, from writing them again. People who signed up after
 * the reminder time (in the last 24 hours) get none: they have just had their confirmation.
 */
export async function queueDueReminders(now = new Date()): Promise<number> {
  const db = await getDb();
  // A day and a clock change ahead at most; events whose reminders for this start are queued are left out.
  const candidates = await db
    .select({ id: events.id, startsAt: events.startsAt, timeZone: events.timeZone })
    .from(events)
    .innerJoin(campaigns, eq(campaigns.id, events.campaignId))
    .where(
      and(
        ne(events.status, "cancelled"),
        eq(campaigns.status, "published"),
        gt(events.startsAt, now),
        lte(events.startsAt, new Date(now.getTime() + 26 * HOUR_MS)),
        or(isNull(events.remindersQueuedFor), ne(events.remindersQueuedFor, events.startsAt)),
      ),
    );
  let total = 0;
  for (const candidate of candidates) {
    const dueAt = reminderTime(candidate);
    if (dueAt > now) continue;
    total += await db.transaction(async (tx) => {
      const [event] = await tx.select().from(events).where(eq(events.id, candidate.id)).for("update");
      if (!event || event.status === "cancelled" || event.startsAt.getTime() !== candidate.startsAt.getTime()) return 0;
      if (event.remindersQueuedFor?.getTime() === event.startsAt.getTime()) return 0;
      const ctx = await loadSignupMailContext(tx, event.id);
      if (!ctx) return 0;
      const written = await enqueueForEvent(
        tx,
        {
          orgId: ctx.orgId,
          eventId: event.id,
          kind: "event_reminder",
          audience: { statuses: ["confirmed"], createdBefore: dueAt },
          dedupePrefix: `reminder:${event.startsAt.toISOString()}:`,
        },
        (locale) => {
          const t = mailTranslator(locale);
          const shown = inLocale({ ...ctx, event }, locale);
          return compose(t("eventReminder.subject", { event: shown.event.title }), [
            t("greetingAll"),
            t("eventReminder.body", { event: shown.event.title }),
            // Only confirmed people are reminded: a hidden place that is due goes with it.
            eventBlock(t, locale, ctx.origin, shown.campaign, shown.event, placeDue(event, now)),
            t("privateLinkElsewhere"),
            t("footer", { org: ctx.campaign.orgName, event: shown.event.title }),
          ]);
        },
        now,
      );
      await tx
        .update(events)
        .set({ remindersQueuedFor: sql`${events.startsAt}` })
        .where(eq(events.id, event.id));
      return written;
    });
  }
  return total;
}
