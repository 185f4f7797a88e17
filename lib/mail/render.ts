// The core alone (no React): the worker runs outside Next.
import { createTranslator } from "use-intl/core";
import type { Event } from "@/db/schema";
import { DEFAULT_LOCALE, LOCALES, type AppLocale } from "@/lib/i18n/config";
import { messagesByLocale } from "@/lib/i18n/messages";
import { formatInstant, formatRange } from "@/lib/time/format";
import { mapLinkOf, placeRevealAt, withPlaceFor } from "@/lib/events/place";
import { countryName } from "@/lib/geo/countries";
import { escapeMarkup } from "@/lib/text/escape";

// Plain text first; the HTML is the same paragraphs, escaped, with addresses made into
// links that point exactly where they say. No images, no pixels, no rewritten links.

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export const mailLocale = (locale: string): AppLocale => LOCALES.find((l) => l === locale) ?? DEFAULT_LOCALE;

const makeTranslator = (l: AppLocale) => createTranslator({ locale: l, messages: messagesByLocale[l], namespace: "mail" });
export type MailT = ReturnType<typeof makeTranslator>;
const translators = new Map<AppLocale, MailT>();

/** One translator per language, kept: its compiled messages are reused by every email. */
export function mailTranslator(locale: string): MailT {
  const l = mailLocale(locale);
  let t = translators.get(l);
  if (!t) {
    t = makeTranslator(l);
    translators.set(l, t);
  }
  return t;
}

const URL_PATTERN = /https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)]/g;

/**
 * Where a message's private link goes. It is put in when the message is sent (lib/mail/worker.ts): the
 * stored message never holds the link itself.
 */
export const PRIVATE_LINK = "{{picket:private-link}}";

/** A paragraph shown as typed, never with links: what a supporter typed (their name) goes in one of these. */
export interface PlainParagraph {
  plain: string;
}

export const plain = (text: string): PlainParagraph => ({ plain: text });

type Paragraph = string | PlainParagraph | null | undefined | false;

function paragraphToHtml(paragraph: string): string {
  let out = "";
  let last = 0;
  for (const m of paragraph.matchAll(URL_PATTERN)) {
    out += escapeMarkup(paragraph.slice(last, m.index));
    const url = escapeMarkup(m[0]);
    out += `<a href="${url}">${url}</a>`;
    last = m.index + m[0].length;
  }
  out += escapeMarkup(paragraph.slice(last));
  return `<p>${out.replace(/\n/g, "<br>")}</p>`;
}

/**
 * Paragraphs in, one text and one HTML body out; empty paragraphs are left out. Addresses in our own
 * paragraphs become links in the HTML; plain paragraphs never do.
 */
export function compose(subject: string, paragraphs: Paragraph[]): RenderedMail {
  const kept = paragraphs.filter((p): p is string | PlainParagraph => (typeof p === "string" ? p : p ? p.plain : "").trim() !== "");
  const text = (p: string | PlainParagraph) => (typeof p === "string" ? p : p.plain);
  const html = (p: string | PlainParagraph) => (typeof p === "string" ? paragraphToHtml(p) : `<p>${escapeMarkup(p.plain).replace(/\n/g, "<br>")}</p>`);
  return {
    subject: subject.replace(/[\r\n]+/g, " ").trim(),
    text: kept.map(text).join("\n\n") + "\n",
    html: `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5;max-width:40em">${kept.map(html).join("\n")}</body></html>`,
  };
}

/** A stored message with its private link put in, as it is sent. */
export function withPrivateLink(mail: { text: string; html: string }, url: string): { text: string; html: string } {
  const link = escapeMarkup(url);
  return { text: mail.text.split(PRIVATE_LINK).join(url), html: mail.html.split(PRIVATE_LINK).join(`<a href="${link}">${link}</a>`) };
}

/** What a message says of its event: when and where, as the event's row has it (a hidden place: see eventBlock). */
export type MailEvent = Pick<
  Event,
  | "title"
  | "slug"
  | "startsAt"
  | "endsAt"
  | "timeZone"
  | "venue"
  | "address"
  | "city"
  | "country"
  | "onlineUrl"
  | "latitude"
  | "longitude"
  | "placeHidden"
  | "gatheringArea"
  | "placeRevealMinutes"
>;

export interface MailCampaign {
  slug: string;
  title: string;
  orgName: string;
}

export const eventUrl = (origin: string, campaign: { slug: string }, event: { slug: string }) => `${origin}/c/${campaign.slug}/${event.slug}`;
export const privateUrl = (origin: string, token: string) => `${origin}/s/${token}`;

export const whenText = (locale: string, e: Pick<MailEvent, "startsAt" | "endsAt" | "timeZone">) =>
  formatRange(mailLocale(locale), e.startsAt, e.endsAt, e.timeZone);
/**
 * The place as given; with a language, the country by its name in it (without, the code: for comparing two
 * places). A hidden place's gathering area is part of it; pass the event through withPlaceFor first.
 */
export const whereText = (e: Pick<MailEvent, "venue" | "address" | "city" | "country" | "placeHidden" | "gatheringArea">, locale?: string) =>
  [e.venue, e.address, e.placeHidden ? e.gatheringArea : "", e.city, locale ? countryName(e.country, mailLocale(locale)) : e.country]
    .filter(Boolean)
    .join(", ");

/**
 * When, where and the event's page: the block every message about an event carries. A hidden place is written
 * as the public see it, with when it is sent, unless `exact`: only for confirmed attendees once its time has
 * come (placeDue in lib/events/place.ts); then with a link to it on a map.
 */
export function eventBlock(t: MailT, locale: string, origin: string, campaign: MailCampaign, event: MailEvent, exact = false): string {
  const shown = withPlaceFor(event, exact);
  const map = event.placeHidden && exact ? mapLinkOf(shown) : null;
  return [
    t("when", { when: whenText(locale, event) }),
    whereText(shown) ? t("where", { where: whereText(shown, locale) }) : null,
    shown.onlineUrl ? t("online", { url: shown.onlineUrl }) : null,
    map ? t("placeMap", { url: map }) : null,
    event.placeHidden && !exact ? t("placeLater", { when: formatInstant(mailLocale(locale), placeRevealAt(event), event.timeZone) }) : null,
    t("eventPage", { url: eventUrl(origin, campaign, event) }),
  ]
    .filter(Boolean)
    .join("\n");
}
