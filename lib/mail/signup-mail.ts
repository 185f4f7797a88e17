import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { unionAll } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { campaignTranslations, campaigns, eventTranslations, events, organisations, signups, type Event, type MailAttachment } from "@/db/schema";
import { eventToIcs } from "@/lib/events/ics";
import { placeDue, withPlaceFor } from "@/lib/events/place";
import { withPersonal } from "@/lib/signups/personal";
import { siteOrigin } from "./origin";
import { enqueue, type QueuedMail } from "./outbox";
import { PRIVATE_LINK, compose, eventBlock, mailTranslator, plain, whenText, type MailCampaign, type MailT } from "./render";
import { takenShifts, type TakenShift } from "@/lib/shifts/places";

// The messages to one supporter about their own sign-up. Those that carry the private link hold a placeholder
// for it: the link is made when the message is sent (lib/mail/worker.ts), so no stored message holds one.

export interface SignupMailContext {
  orgId: string;
  campaign: MailCampaign;
  event: Event;
  origin: string;
  /** The organizers' translations of the event's and the campaign's titles, by language. */
  titles?: MailTitles;
}

export type MailTitles = Map<string, { event?: string; campaign?: string }>;

/** The titles the organizers translated for an event and its campaign, in every language or in one: one query. */
export async function loadMailTitles(db: DbOrTx, eventId: string, locale?: string): Promise<MailTitles> {
  const rows = await unionAll(
    db
      .select({ part: sql<"event" | "campaign">`'event'`.as("part"), locale: eventTranslations.locale, title: eventTranslations.title })
      .from(eventTranslations)
      .where(and(eq(eventTranslations.eventId, eventId), locale ? eq(eventTranslations.locale, locale) : undefined)),
    db
      .select({ part: sql<"event" | "campaign">`'campaign'`.as("part"), locale: campaignTranslations.locale, title: campaignTranslations.title })
      .from(campaignTranslations)
      .innerJoin(events, eq(events.campaignId, campaignTranslations.campaignId))
      .where(and(eq(events.id, eventId), locale ? eq(campaignTranslations.locale, locale) : undefined)),
  );
  const titles: MailTitles = new Map();
  for (const r of rows) titles.set(r.locale, { ...titles.get(r.locale), [r.part]: r.title });
  return titles;
}

/** The context as a reader of `locale` sees it: the translated titles where the organizers gave them. */
export function inLocale(ctx: SignupMailContext, locale: string): SignupMailContext {
  const t = ctx.titles?.get(locale);
  if (!t) return ctx;
  return {
    ...ctx,
    campaign: t.campaign ? { ...ctx.campaign, title: t.campaign } : ctx.campaign,
    event: t.event ? { ...ctx.event, title: t.event } : ctx.event,
  };
}

export interface SignupPerson {
  id: string;
  name: string;
  email: string;
  locale: string;
  /** Of an event split into shifts: the shifts taken, each with the place in it. */
  shifts?: TakenShift[];
}

type PersonalKind = "signup_confirmed" | "signup_waitlisted" | "signup_promoted" | "signup_link" | "signup_requested" | "signup_approved" | "signup_declined";

/** The messages that carry a new private link, made when each is sent. */
export const LINK_KINDS: ReadonlySet<string> = new Set<PersonalKind>(["signup_confirmed", "signup_waitlisted", "signup_link", "signup_requested"]);

const KEYS = {
  signup_confirmed: "signupConfirmed",
  signup_waitlisted: "signupWaitlisted",
  signup_promoted: "signupPromoted",
  signup_link: "signupLink",
  signup_requested: "signupRequested",
  signup_approved: "signupApproved",
  signup_declined: "signupDeclined",
} as const;

/** The messages after which the person has a place: they carry the calendar file, and a hidden place once it is due. */
const PLACE_KINDS: ReadonlySet<string> = new Set<PersonalKind>(["signup_confirmed", "signup_promoted", "signup_approved"]);

// The calendar file of an event version, built once: a crowd signing up for one event shares it.
const icsCache = new Map<string, string>();

function icsAttachment(ctx: SignupMailContext, locale: string, exact: boolean, shifts?: TakenShift[]): MailAttachment {
  // Shifts are this person's own: their file is made for them alone.
  if (shifts?.length) {
    const content = eventToIcs(ctx.campaign, withPlaceFor(ctx.event, exact), ctx.origin, locale, shifts);
    return { filename: `${ctx.event.slug}.ics`, contentType: "text/calendar; charset=utf-8; method=PUBLISH", content };
  }
  const key =
    `${locale}|${ctx.event.id}|${ctx.event.updatedAt.getTime()}|${ctx.event.sequence}|${exact}|` +
    `${ctx.origin}|${ctx.campaign.slug}|${ctx.campaign.title}|${ctx.event.title}`;
  let content = icsCache.get(key);
  if (content === undefined) {
    content = eventToIcs(ctx.campaign, withPlaceFor(ctx.event, exact), ctx.origin, locale);
    if (icsCache.size > 500) icsCache.clear();
    icsCache.set(key, content);
  }
  return { filename: `${ctx.event.slug}.ics`, contentType: "text/calendar; charset=utf-8; method=PUBLISH", content };
}

/** A message to one supporter about their sign-up. `position`: on the waitlist (an approval into the waitlist says so). */
export function signupMessage(kind: PersonalKind, original: SignupMailContext, person: SignupPerson, position?: number, now = new Date()): QueuedMail {
  const ctx = inLocale(original, person.locale);
  const t = mailTranslator(person.locale);
  const key = KEYS[kind];
  const values = { event: ctx.event.title, position: position ?? 0 };
  // The person has a place (an approval into the waitlist gives none): the calendar file, and a hidden place once due.
  const placed = PLACE_KINDS.has(kind) && !(kind === "signup_approved" && position);
  const exact = placed && placeDue(ctx.event, now);
  const mail = compose(t(`${key}.subject`, values), [
    plain(t("greeting", { name: person.name })),
    t(`${key}.body`, values),
    person.shifts?.length ? plain(shiftLines(t, person.locale, ctx.event.timeZone, person.shifts)) : null,
    eventBlock(t, person.locale, ctx.origin, ctx.campaign, ctx.event, exact),
    LINK_KINDS.has(kind) ? t("privateLink", { url: PRIVATE_LINK }) : t("privateLinkElsewhere"),
    placed ? t("calendarAttached") : null,
    t("footer", { org: ctx.campaign.orgName, event: ctx.event.title }),
  ]);
  return {
    orgId: ctx.orgId,
    kind,
    to: person.email,
    locale: person.locale,
    mail,
    attachments: placed ? [icsAttachment(ctx, person.locale, exact, person.shifts)] : [],
    eventId: ctx.event.id,
    signupId: person.id,
  };
}

/** The shifts a person took, one a line: when (in the event's zone, named), what the organizers call it, and the place in it. */
function shiftLines(t: MailT, locale: string, timeZone: string, shifts: TakenShift[]): string {
  const lines = shifts.map((s) => {
    const place = s.place === "waitlisted" ? t("shifts.waitlisted", { position: s.position ?? 1 }) : t(`shifts.${s.place}`);
    return `• ${whenText(locale, { ...s, timeZone })}${s.label ? ` (${s.label})` : ""}: ${place}`;
  });
  return [t("shifts.title"), ...lines].join("\n");
}

/** The event with what every message about it needs: its campaign and organisation. */
export async function loadSignupMailContext(db: DbOrTx, eventId: string): Promise<SignupMailContext | null> {
  const [row] = await db
    .select({ event: events, campaignSlug: campaigns.slug, campaignTitle: campaigns.title, orgId: events.hostOrgId, orgName: organisations.name })
    .from(events)
    .innerJoin(campaigns, eq(campaigns.id, events.campaignId))
    // The organisation that runs the event writes to its people (its mailbox, its key, its name in the footer).
    .innerJoin(organisations, eq(organisations.id, events.hostOrgId))
    .where(eq(events.id, eventId));
  if (!row) return null;
  return {
    orgId: row.orgId,
    campaign: { slug: row.campaignSlug, title: row.campaignTitle, orgName: row.orgName },
    event: row.event,
    origin: siteOrigin(),
    titles: await loadMailTitles(db, eventId),
  };
}

/** Tells the people just moved off the waitlist that a place is theirs. */
export async function queuePromotions(tx: DbOrTx, eventId: string, signupIds: string[], now: Date) {
  if (signupIds.length === 0) return 0;
  const ctx = await loadSignupMailContext(tx, eventId);
  if (!ctx) return 0;
  const rows = await tx.select({ id: signups.id, personal: signups.personal, locale: signups.locale }).from(signups).where(inArray(signups.id, signupIds));
  const people = await withPersonal(tx, rows);
  const messages: QueuedMail[] = [];
  for (const p of people) {
    if (!p.person?.email) continue;
    // Of an event split into shifts: the shifts the place came in, and the others taken.
    const shifts = await takenShifts(tx, p.id);
    const to = { id: p.id, name: p.person.name, email: p.person.email, locale: p.locale, ...(shifts.length ? { shifts } : {}) };
    messages.push(signupMessage("signup_promoted", ctx, to, undefined, now));
  }
  return enqueue(tx, messages, now);
}
