import "server-only";
import { and, eq, isNotNull, isNull, ne } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { signupShifts, signups, type EventShift } from "@/db/schema";
import { enqueue, type QueuedMail } from "@/lib/mail/outbox";
import { compose, eventBlock, mailLocale, mailTranslator, whenText, type RenderedMail } from "@/lib/mail/render";
import { inLocale, loadSignupMailContext } from "@/lib/mail/signup-mail";
import { withPersonal } from "@/lib/signups/personal";

/**
 * A shift moved: everyone who holds a place in it or waits for one is told, old and new time in the event's zone,
 * in the transaction that moves it. Returns how many were written.
 */
export async function queueShiftMoved(tx: Tx, before: EventShift, after: { startsAt: Date; endsAt: Date }, now: Date): Promise<number> {
  const ctx = await loadSignupMailContext(tx, before.eventId);
  if (!ctx) return 0;
  const rows = await tx
    .select({ id: signups.id, personal: signups.personal, locale: signups.locale })
    .from(signups)
    .innerJoin(signupShifts, eq(signupShifts.signupId, signups.id))
    .where(and(eq(signupShifts.shiftId, before.id), ne(signupShifts.status, "cancelled"), isNull(signups.erasedAt), isNotNull(signups.personal)));
  const zone = ctx.event.timeZone;
  const rendered = new Map<string, RenderedMail>();
  const render = (locale: string) => {
    const t = mailTranslator(locale);
    const { campaign, event } = inLocale(ctx, locale);
    const label = before.label ? ` (${before.label})` : "";
    return compose(t("shifts.movedSubject", { event: event.title }), [
      t("greetingAll"),
      t("shifts.movedBody", { event: event.title }),
      [
        t("eventChanged.before", { value: whenText(locale, { ...before, timeZone: zone }) + label }),
        t("eventChanged.now", { value: whenText(locale, { ...after, timeZone: zone }) + label }),
      ].join("\n"),
      eventBlock(t, locale, ctx.origin, campaign, event),
      t("privateLinkElsewhere"),
      t("footer", { org: campaign.orgName, event: event.title }),
    ]);
  };
  const messages: QueuedMail[] = [];
  for (const p of await withPersonal(tx, rows)) {
    if (!p.person?.email) continue;
    const locale = mailLocale(p.locale);
    let mail = rendered.get(locale);
    if (!mail) rendered.set(locale, (mail = render(locale)));
    messages.push({ orgId: ctx.orgId, kind: "event_changed", to: p.person.email, locale, mail, eventId: before.eventId, signupId: p.id });
  }
  return enqueue(tx, messages, now);
}
