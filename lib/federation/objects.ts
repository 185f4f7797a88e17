import { createHash } from "node:crypto";
import { Temporal } from "@js-temporal/polyfill";
import { createTranslator } from "use-intl/core";
import { Create, Delete, Event, Note, PUBLIC_COLLECTION, Place, Tombstone, Update, type Activity, type Object as APObject } from "@fedify/vocab";
import type { CaseUpdateKind } from "@/db/schema";
import type { PublicCampaign, PublicEvent } from "@/lib/events/public";
import { countryName } from "@/lib/geo/countries";
import { DEFAULT_LOCALE, LOCALES, type AppLocale } from "@/lib/i18n/config";
import { messagesByLocale } from "@/lib/i18n/messages";
import { escapeMarkup } from "@/lib/text/escape";
import { formatInstant } from "@/lib/time/format";
import { instantToZonedLocal, offsetAt } from "@/lib/time/zones";

// What a campaign's followers see, made from the public pages' own objects only (lib/events/public.ts, whose
// hidden meeting points have no venue, address or coordinates; lib/trials/public.ts's public updates). Nothing
// that changes with every sign-up (places left) is part of an object: followers hear of what organisers change.

/** The addresses of a campaign's actor and its collections: the routes app/ap/ hands to Fedify (lib/federation/federation.ts). */
export const PATHS = {
  actor: "/ap/campaigns/{identifier}",
  inbox: "/ap/campaigns/{identifier}/inbox",
  sharedInbox: "/ap/inbox",
  outbox: "/ap/campaigns/{identifier}/outbox",
  followers: "/ap/campaigns/{identifier}/followers",
} as const;

export const actorUrl = (origin: string, slug: string) => new URL(`/ap/campaigns/${encodeURIComponent(slug)}`, origin);
export const followersUrl = (origin: string, slug: string) => new URL(`/ap/campaigns/${encodeURIComponent(slug)}/followers`, origin);
const eventObjectUrl = (origin: string, slug: string, eventId: string) => new URL(`/ap/campaigns/${encodeURIComponent(slug)}/events/${eventId}`, origin);
const updateObjectUrl = (origin: string, slug: string, updateId: string) => new URL(`/ap/campaigns/${encodeURIComponent(slug)}/updates/${updateId}`, origin);
export const campaignPageUrl = (origin: string, slug: string) => new URL(`/c/${encodeURIComponent(slug)}`, origin);
const eventPageUrl = (origin: string, campaignSlug: string, eventSlug: string) =>
  new URL(`/c/${encodeURIComponent(campaignSlug)}/${encodeURIComponent(eventSlug)}`, origin);

/** A public trial-watch update, as lib/trials/public.ts's getPublicUpdates gives it. */
export interface PublicUpdate {
  id: string;
  kind: CaseUpdateKind;
  title: string;
  body: string;
  postedAt: Date;
}

/** One thing a campaign announces: its id (the key in federated_objects) and its ActivityStreams object. */
export interface FederatedObject {
  id: string;
  object: APObject;
  /** An event's times, written in its zone in the JSON-LD. */
  times?: ZonedTimes;
}

interface ZonedTimes {
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
}

const localeOf = (language: string): AppLocale => LOCALES.find((l) => l === language) ?? DEFAULT_LOCALE;
const translators = new Map<AppLocale, ReturnType<typeof makeTranslator>>();
const makeTranslator = (l: AppLocale) => createTranslator({ locale: l, messages: messagesByLocale[l], namespace: "public.event" });
function translator(language: string) {
  const l = localeOf(language);
  let t = translators.get(l);
  if (!t) translators.set(l, (t = makeTranslator(l)));
  return t;
}

const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeMarkup(p).replace(/\n/g, "<br>")}</p>`)
    .join("");

const link = (href: URL | string, text: string) => `<a href="${escapeMarkup(String(href))}">${escapeMarkup(text)}</a>`;

/** "2026-12-14T12:00:00+01:00": the instant as the event's own clock shows it, with that clock's offset. */
export function zonedTime(instant: Date, timeZone: string): string {
  const offset = Math.round(offsetAt(instant.getTime(), timeZone) / 60_000);
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  const seconds = String(new Date(instant.getTime() + offset * 60_000).getUTCSeconds()).padStart(2, "0");
  return `${instantToZonedLocal(instant, timeZone)}:${seconds}${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

function place(event: PublicEvent, language: string): Place | null {
  const l = localeOf(language);
  const parts = (event.placeHidden ? [event.gatheringArea] : [event.venue, event.address]).concat([
    event.city,
    event.country ? countryName(event.country, l) : "",
  ]);
  const name = parts
    .map((p) => p.trim())
    .filter(Boolean)
    .join(", ");
  if (!name && event.latitude === null) return null;
  return new Place({
    name: name || null,
    // Only where the public page shows them (lib/events/public.ts empties them for a hidden meeting point).
    latitude: event.placeHidden ? null : event.latitude,
    longitude: event.placeHidden ? null : event.longitude,
  });
}

function eventContent(origin: string, campaign: PublicCampaign, event: PublicEvent): string {
  const t = translator(campaign.language);
  const l = localeOf(campaign.language);
  const page = eventPageUrl(origin, campaign.slug, event.slug);
  let html = "";
  if (event.status === "cancelled") html += `<p><strong>${escapeMarkup(t("cancelled"))}</strong></p>`;
  if (event.status === "postponed") html += `<p><strong>${escapeMarkup(t("postponed"))}</strong></p>`;
  if (event.previousStartsAt && event.status !== "cancelled")
    html += `<p>${escapeMarkup(t("previously"))} ${escapeMarkup(formatInstant(l, event.previousStartsAt, event.timeZone))}</p>`;
  if (event.changeReason) html += paragraphs(event.changeReason);
  html += paragraphs(event.description);
  if (event.onlineUrl && !event.placeHidden) html += `<p>${link(event.onlineUrl, t("joinOnline"))}</p>`;
  if (event.status !== "cancelled") html += `<p>${link(`${page.href}#signup`, t("signupTitle"))}</p>`;
  return html;
}

export function eventObject(origin: string, campaign: PublicCampaign, event: PublicEvent): FederatedObject {
  const actor = actorUrl(origin, campaign.slug);
  const id = eventObjectUrl(origin, campaign.slug, event.id);
  const t = translator(campaign.language);
  return {
    id: id.href,
    object: new Event({
      id,
      attribution: actor,
      name: event.status === "cancelled" ? `${t("cancelledShort")}: ${event.title}` : event.title,
      content: eventContent(origin, campaign, event),
      mediaType: "text/html",
      startTime: Temporal.Instant.fromEpochMilliseconds(event.startsAt.getTime()),
      endTime: Temporal.Instant.fromEpochMilliseconds(event.endsAt.getTime()),
      location: place(event, campaign.language),
      url: eventPageUrl(origin, campaign.slug, event.slug),
      to: PUBLIC_COLLECTION,
      cc: followersUrl(origin, campaign.slug),
    }),
    times: { startsAt: event.startsAt, endsAt: event.endsAt, timeZone: event.timeZone },
  };
}

export function updateObject(origin: string, campaign: PublicCampaign, update: PublicUpdate): FederatedObject {
  const id = updateObjectUrl(origin, campaign.slug, update.id);
  return {
    id: id.href,
    object: new Note({
      id,
      attribution: actorUrl(origin, campaign.slug),
      name: update.title,
      content: `<p><strong>${escapeMarkup(update.title)}</strong></p>${paragraphs(update.body)}`,
      mediaType: "text/html",
      published: Temporal.Instant.fromEpochMilliseconds(update.postedAt.getTime()),
      url: campaignPageUrl(origin, campaign.slug),
      to: PUBLIC_COLLECTION,
      cc: followersUrl(origin, campaign.slug),
    }),
  };
}

/** Everything a campaign shows its followers: its events, then its public trial-watch updates. */
export function publicObjects(origin: string, campaign: PublicCampaign, events: PublicEvent[], updates: PublicUpdate[]): FederatedObject[] {
  return [...events.map((e) => eventObject(origin, campaign, e)), ...updates.map((u) => updateObject(origin, campaign, u))];
}

/** An object's JSON-LD with an event's start and end as the event's own clock shows them (Fedify writes UTC). */
function zoneTimes(json: Record<string, unknown>, times: ZonedTimes | undefined): Record<string, unknown> {
  if (!times) return json;
  return { ...json, startTime: zonedTime(times.startsAt, times.timeZone), endTime: zonedTime(times.endsAt, times.timeZone) };
}

/** An object's compact JSON-LD, with an event's times in its own zone: what is digested and announced. */
export async function objectJson(fo: FederatedObject): Promise<Record<string, unknown>> {
  return zoneTimes((await fo.object.toJsonLd({ format: "compact" })) as Record<string, unknown>, fo.times);
}

export const digestOf = (json: unknown) => createHash("sha256").update(JSON.stringify(json)).digest("base64url");

export type Topic = "Create" | "Update" | "Delete";

/**
 * An activity's JSON-LD announcing an object or, for Delete, its end (a Tombstone of its id). The activity's id
 * names the change (`change`: the new digest), so a change is one activity and two changes are two.
 */
export async function activityJson(origin: string, slug: string, topic: Topic, objectId: string, fo: FederatedObject | null, change: string) {
  const actor = actorUrl(origin, slug);
  const id = new URL(`${objectId}#${topic.toLowerCase()}-${change}`);
  const audience = { to: PUBLIC_COLLECTION, cc: followersUrl(origin, slug) };
  const activity: Activity =
    topic === "Delete" || !fo
      ? new Delete({ id, actor, object: new Tombstone({ id: new URL(objectId) }), ...audience })
      : topic === "Create"
        ? new Create({ id, actor, object: fo.object, ...audience })
        : new Update({ id, actor, object: fo.object, ...audience });
  const json = (await activity.toJsonLd({ format: "compact" })) as Record<string, unknown>;
  if (fo?.times && json.object && typeof json.object === "object") json.object = zoneTimes(json.object as Record<string, unknown>, fo.times);
  return json;
}
