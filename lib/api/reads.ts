import "server-only";
import { readMoreForCampaign, type PublicArticle } from "@/lib/articles/public";
import {
  findPublicCampaign,
  getPublicCampaign,
  getPublicEvent,
  listPublicCampaignsPage,
  listPublicEventsPage,
  type EventsWhen,
  type PageKey,
  type PublicCampaign,
  type PublicEvent,
} from "@/lib/events/public";
import { siteOrigin } from "@/lib/mail/origin";
import { publicShifts, shiftedState } from "@/lib/shifts/public";
import { isoInZone } from "@/lib/time/zones";
import { getPublicCases, getTimeline } from "@/lib/trials/public";
import { encodeCursor } from "./cursor";
import type { ApiArticle, ApiCampaign, ApiEvent, ApiTrial } from "./schemas";

// The open API's answers, made from the public objects of lib/events, lib/articles and lib/trials (the same the
// public pages show): nothing here reads a table. Null is "no such public thing" (a 404).

const path = (...segments: string[]) => segments.map(encodeURIComponent).join("/");

/** `hosts`: the campaign's organisation first, then its partners that run events. */
function toApiCampaign(c: PublicCampaign, hosts: string[], counts: ApiCampaign["counts"], origin: string): ApiCampaign {
  return {
    slug: c.slug,
    title: c.title,
    kind: c.kind,
    status: c.status === "archived" ? "archived" : "published",
    summary: c.summary,
    body: c.body,
    language: c.language,
    appealUrl: c.appealUrl,
    organisation: c.orgName,
    coHostedBy: hosts.slice(1),
    counts,
    url: `${origin}/c/${path(c.slug)}`,
  };
}

/** An event as its page shows it; `signupState` as the page has it (an event split into shifts says so by its shifts). */
function toApiEvent(e: PublicEvent, campaignSlug: string, origin: string, signupState: PublicEvent["signupState"] = e.signupState): ApiEvent {
  const at = (instant: Date) => isoInZone(instant, e.timeZone);
  const page = `${origin}/c/${path(campaignSlug, e.slug)}`;
  return {
    slug: e.slug,
    campaign: campaignSlug,
    title: e.title,
    kind: e.kind,
    description: e.description,
    language: e.language,
    status: e.status,
    startsAt: at(e.startsAt),
    endsAt: at(e.endsAt),
    timeZone: e.timeZone,
    postponedFrom: e.previousStartsAt && e.previousEndsAt ? { startsAt: at(e.previousStartsAt), endsAt: at(e.previousEndsAt) } : null,
    changeReason: e.changeReason,
    // A hidden meeting point: lib/events/public.ts has emptied the exact place; the keys are left out too.
    place: e.placeHidden
      ? { hidden: true, city: e.city, country: e.country, gatheringArea: e.gatheringArea, revealedToAttendeesAt: at(e.placeRevealAt ?? e.startsAt) }
      : {
          hidden: false,
          venue: e.venue,
          address: e.address,
          city: e.city,
          country: e.country,
          latitude: e.latitude,
          longitude: e.longitude,
          onlineUrl: e.onlineUrl,
        },
    capacity: e.capacity,
    placesLeft: e.capacity !== null && e.status !== "cancelled" ? e.placesLeft : null,
    waitlist: e.waitlist,
    signup: {
      state: signupState,
      mode: e.signupMode,
      approval: e.approval,
      deadline: e.signupDeadline ? at(e.signupDeadline) : null,
      url: `${origin}/api/c/${path(campaignSlug, e.slug)}/signups`,
    },
    roles: e.roles,
    host: { name: e.hostName, coHosted: e.coHosted },
    url: page,
  };
}

function toApiArticle(a: PublicArticle, origin: string): ApiArticle {
  return {
    id: a.id,
    url: a.url,
    title: a.title,
    publication: a.publication,
    author: a.author,
    publishedOn: a.publishedOn,
    language: a.language,
    excerpt: a.excerpt,
    page: `${origin}/articles/${a.id}`,
  };
}

export async function campaignsPage(query: { limit: number; cursor: PageKey | null }, now = new Date()) {
  const origin = siteOrigin();
  const page = await listPublicCampaignsPage({ after: query.cursor, limit: query.limit, now });
  return {
    data: page.campaigns.map((c) => toApiCampaign(c, c.hosts, c.counts, origin)),
    next: page.next ? encodeCursor(page.next) : null,
  };
}

export async function campaign(slug: string, now = new Date()): Promise<ApiCampaign | null> {
  const found = await getPublicCampaign(slug, now);
  if (!found) return null;
  const upcoming = found.events.filter((e) => e.endsAt >= now).length;
  const counts = { upcomingEvents: upcoming, pastEvents: found.events.length - upcoming };
  return toApiCampaign(found.campaign, found.campaign.hosts ?? [], counts, siteOrigin());
}

export async function eventsPage(slug: string, query: { limit: number; cursor: PageKey | null; when?: EventsWhen }, now = new Date()) {
  const page = await listPublicEventsPage(slug, { when: query.when ?? "upcoming", after: query.cursor, limit: query.limit, now });
  if (!page) return null;
  const origin = siteOrigin();
  return { data: page.events.map((e) => toApiEvent(e, page.campaign.slug, origin)), next: page.next ? encodeCursor(page.next) : null };
}

export async function event(campaignSlug: string, eventSlug: string, now = new Date()): Promise<ApiEvent | null> {
  const found = await getPublicEvent(campaignSlug, eventSlug, now);
  if (!found) return null;
  const { event: e } = found;
  const shifts = await publicShifts(e.id);
  return toApiEvent(e, found.campaign.slug, siteOrigin(), shiftedState(e.signupState, shifts, e.waitlist, e.signupMode === "headcount"));
}

export async function articles(slug: string): Promise<{ data: ApiArticle[] } | null> {
  const found = await findPublicCampaign(slug);
  if (!found) return null;
  const origin = siteOrigin();
  return { data: (await readMoreForCampaign(found.id)).map((a) => toApiArticle(a, origin)) };
}

/** A trial watch's cases and timeline; null for a campaign that is none. */
export async function trial(slug: string): Promise<ApiTrial | null> {
  const found = await findPublicCampaign(slug);
  if (!found || found.kind !== "trial_watch") return null;
  const [cases, timeline] = await Promise.all([getPublicCases(found.id), getTimeline(found.id)]);
  const origin = siteOrigin();
  // Updates are dated on the court's clock, as the page shows them: the zone of its first hearing.
  const hearings = timeline.filter((i) => i.type === "hearing");
  const courtZone = hearings.at(-1)?.timeZone ?? "UTC";
  return {
    cases,
    timeline: timeline.map((i): ApiTrial["timeline"][number] => {
      switch (i.type) {
        case "hearing":
          return {
            type: "hearing",
            caseId: i.caseId,
            event: i.slug,
            title: i.title,
            status: i.status,
            startsAt: isoInZone(i.date, i.timeZone),
            endsAt: isoInZone(i.endsAt, i.timeZone),
            timeZone: i.timeZone,
            place: i.venue,
            city: i.city,
            postponedFrom: i.previousStartsAt ? isoInZone(i.previousStartsAt, i.timeZone) : null,
            changeReason: i.changeReason,
            url: `${origin}/c/${path(found.slug, i.slug)}`,
          };
        case "update":
          return {
            type: "update",
            caseId: i.caseId,
            id: i.id,
            kind: i.kind,
            title: i.title,
            body: i.body,
            postedAt: isoInZone(i.date, courtZone),
            timeZone: courtZone,
          };
        case "article":
          return { type: "article", caseId: i.caseId, article: toApiArticle(i.article, origin) };
      }
    }),
  };
}
