import "server-only";
import type { DbOrTx } from "@/db/client";
import type { Event } from "@/db/schema";
import { withPublicPlace } from "@/lib/events/place";
import { enqueueForEvent } from "./outbox";
import { queuePlaceMoved } from "./place-reveals";
import { inLocale, loadSignupMailContext } from "./signup-mail";
import { compose, eventBlock, mailTranslator, whenText, whereText } from "./render";

// Messages about an event to everyone still signed up to it: written in the transaction that changes it.

// A request waiting for approval is told too: it is still someone planning to come.
const STILL_SIGNED_UP = { statuses: ["confirmed", "waitlisted", "requested"] as ("confirmed" | "waitlisted" | "requested")[] };

const timeChanged = (a: Event, b: Event) =>
  a.startsAt.getTime() !== b.startsAt.getTime() || a.endsAt.getTime() !== b.endsAt.getTime() || a.timeZone !== b.timeZone;
const placeChanged = (a: Event, b: Event) => whereText(a) !== whereText(b) || (a.onlineUrl ?? "") !== (b.onlineUrl ?? "");

/**
 * When the time or the place moved: old and new, each in the event's own zone. A hidden place is told as the public
 * see it, to everyone; its exact change goes to the confirmed attendees alone, once it was sent them. Returns how
 * many were written.
 */
export async function queueEventChanged(tx: DbOrTx, rawBefore: Event, rawAfter: Event, now = new Date()): Promise<number> {
  const moved = await queuePlaceMoved(tx, rawBefore, rawAfter, now);
  const before = withPublicPlace(rawBefore);
  const after = withPublicPlace(rawAfter);
  const time = timeChanged(before, after);
  const place = placeChanged(before, after);
  if (!time && !place) return moved;
  const ctx = await loadSignupMailContext(tx, after.id);
  if (!ctx) return moved;
  return (
    moved +
    (await enqueueForEvent(
      tx,
      { orgId: ctx.orgId, eventId: after.id, kind: "event_changed", audience: STILL_SIGNED_UP },
      (locale) => {
        const t = mailTranslator(locale);
        const { campaign, event } = inLocale({ ...ctx, event: after }, locale);
        return compose(t("eventChanged.subject", { event: event.title }), [
          t("greetingAll"),
          t("eventChanged.body", { event: event.title }),
          time ? [t("eventChanged.before", { value: whenText(locale, before) }), t("eventChanged.now", { value: whenText(locale, after) })].join("\n") : null,
          place
            ? [
                t("eventChanged.before", { value: whereText(before, locale) || before.onlineUrl || "—" }),
                t("eventChanged.now", { value: whereText(after, locale) || after.onlineUrl || "—" }),
              ].join("\n")
            : null,
          after.changeReason && after.changeReason !== before.changeReason ? t("eventChanged.reason", { reason: after.changeReason }) : null,
          eventBlock(t, locale, ctx.origin, campaign, event),
          t("privateLinkElsewhere"),
          t("footer", { org: campaign.orgName, event: event.title }),
        ]);
      },
      now,
    ))
  );
}

export async function queueEventCancelled(tx: DbOrTx, event: Event, reason: string | null, now = new Date()): Promise<number> {
  const ctx = await loadSignupMailContext(tx, event.id);
  if (!ctx) return 0;
  return enqueueForEvent(
    tx,
    { orgId: ctx.orgId, eventId: event.id, kind: "event_cancelled", audience: STILL_SIGNED_UP, dedupePrefix: `cancelled:${event.id}:` },
    (locale) => {
      const t = mailTranslator(locale);
      const shown = inLocale({ ...ctx, event }, locale);
      return compose(t("eventCancelled.subject", { event: shown.event.title }), [
        t("greetingAll"),
        t("eventCancelled.body", { event: shown.event.title }),
        reason ? t("eventCancelled.reason", { reason }) : null,
        eventBlock(t, locale, ctx.origin, shown.campaign, shown.event),
        t("footer", { org: ctx.campaign.orgName, event: shown.event.title }),
      ]);
    },
    now,
  );
}
