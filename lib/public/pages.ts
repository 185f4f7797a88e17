import { publicRoleNeeds } from "@/lib/signups/roles";
import "server-only";
import { listPublishedCampaigns } from "@/lib/campaigns/campaigns";
import { getPublicArticle, readMoreForCampaign, readMoreForEvent, searchPublicArticles } from "@/lib/articles/public";
import { findVisibleEvent, getPublicCampaign, getPublicEvent, getPublicEventById, listUpcomingPublicEvents, revealedPlaceFor } from "@/lib/events/public";
import { mapSettings } from "@/lib/geo/map";
import { isSmtpConfigured } from "@/lib/mail/mailbox";
import { getSignupByToken } from "@/lib/signups/manage";
import { campaignInLocale, eventsInLocale } from "@/lib/translations/translations";
import { getPublicCases, getTimeline } from "@/lib/trials/public";
import { ownShifts, publicShifts, shiftedState } from "@/lib/shifts/public";

// What each public page shows, read in one place before it is rendered: the page itself only lays it out. Each
// shared page names its tags, the changes that outdate it once kept (lib/public/page-cache.ts).

const eventTag = (id: string) => `e:${id}`;
const campaignTag = (id: string) => `c:${id}`;

export async function loadHomePage(now = new Date()) {
  const [events, campaigns] = await Promise.all([listUpcomingPublicEvents(now), listPublishedCampaigns(now)]);
  return { events, campaigns, tags: ["home", ...events.map((e) => eventTag(e.id))] };
}
export type HomePageData = Awaited<ReturnType<typeof loadHomePage>>;

/** A campaign's page in the reader's language, where the organisers translated it; the original when asked. */
export async function loadCampaignPage(slug: string, locale: string, view: { original: boolean; caseId: string | null }, now = new Date()) {
  const found = await getPublicCampaign(slug, now);
  if (!found) return null;
  const trialWatch = found.campaign.kind === "trial_watch";
  const [campaign, events, articles, cases] = await Promise.all([
    view.original ? { ...found.campaign, translated: null } : campaignInLocale(found.campaign, locale),
    view.original ? found.events.map((e) => ({ ...e, translated: null })) : eventsInLocale(found.events, locale),
    readMoreForCampaign(found.campaign.id),
    trialWatch ? getPublicCases(found.campaign.id) : Promise.resolve([]),
  ]);
  const activeCase = view.caseId !== null && cases.some((c) => c.id === view.caseId) ? view.caseId : null;
  const timeline = trialWatch ? await getTimeline(campaign.id, activeCase) : [];
  const tags = [campaignTag(campaign.id), "articles", ...events.map((e) => eventTag(e.id)), ...(trialWatch ? ["trials"] : [])];
  return { campaign, events, articles, cases, activeCase, timeline, original: view.original, map: mapSettings(), now, tags };
}
export type CampaignPageData = NonNullable<Awaited<ReturnType<typeof loadCampaignPage>>>;

export async function loadEventPage(campaignSlug: string, eventSlug: string, locale: string, view: { original: boolean }, now = new Date()) {
  const found = await getPublicEvent(campaignSlug, eventSlug, now);
  if (!found) return null;
  const [campaign, [event], articles, roleNeeds, shifts] = await Promise.all([
    view.original ? { ...found.campaign, translated: null } : campaignInLocale(found.campaign, locale),
    view.original ? [{ ...found.event, translated: null }] : eventsInLocale([found.event], locale),
    readMoreForEvent(found.event.id),
    publicRoleNeeds(found.event),
    publicShifts(found.event.id),
  ]);
  const signupState = shiftedState(event!.signupState, shifts, event!.waitlist, event!.signupMode === "headcount");
  return {
    campaign,
    event: { ...event!, signupState },
    roleNeeds,
    shifts,
    articles,
    original: view.original,
    mailWorks: isSmtpConfigured(),
    tags: [eventTag(found.event.id), campaignTag(found.campaign.id), "articles"],
  };
}
export type EventPageData = NonNullable<Awaited<ReturnType<typeof loadEventPage>>>;

/**
 * An event's sign-up for a frame on another site: the event page's own data in the reader's language, and the
 * sites its campaign lets frame it (campaigns.signup_origins). Kept like the event page: the campaign's tag
 * outdates it when those sites change, so a kept copy never carries another list.
 */
export async function loadEmbedPage(campaignSlug: string, eventSlug: string, locale: string, now = new Date()) {
  const [page, target] = await Promise.all([
    loadEventPage(campaignSlug, eventSlug, locale, { original: false }, now),
    findVisibleEvent(campaignSlug, eventSlug),
  ]);
  return page ? { ...page, frameAncestors: target?.signupOrigins ?? [] } : null;
}

export async function loadArticlesPage(query: string) {
  const q = query.trim().slice(0, 200);
  return { q, results: await searchPublicArticles(q), tags: ["articles"] };
}
export type ArticlesPageData = Awaited<ReturnType<typeof loadArticlesPage>>;

export async function loadArticlePage(id: string) {
  const article = await getPublicArticle(id);
  return article ? { article, tags: ["articles"] } : null;
}
export type ArticlePageData = NonNullable<Awaited<ReturnType<typeof loadArticlePage>>>;

/**
 * A supporter's own sign-up by its private link; never kept. Null for a link that leads nowhere (any more). A
 * hidden place is there for a confirmed attendee once its time has come, and for nobody before.
 */
export async function loadOwnSignupPage(token: string) {
  const own = await getSignupByToken(token);
  const [found, exactPlace] = own ? await Promise.all([getPublicEventById(own.eventId), revealedPlaceFor(own.eventId, own.status)]) : [null, null];
  if (!own || !found) return null;
  const [roleNeeds, shifts] = await Promise.all([publicRoleNeeds(found.event), ownShifts(own.id, own.eventId)]);
  return { own, campaign: found.campaign, event: found.event, exactPlace, roleNeeds, shifts };
}
export type OwnSignupPageData = NonNullable<Awaited<ReturnType<typeof loadOwnSignupPage>>>;

/** The event of a private link as its calendar file shows it: with the exact place once it was sent to this person. */
export async function loadOwnCalendar(token: string) {
  const data = await loadOwnSignupPage(token);
  if (!data) return null;
  // Of an event split into shifts: one entry per shift taken.
  const shifts = data.own.status === "cancelled" || data.own.status === "declined" ? [] : data.shifts.taken;
  return { campaign: data.campaign, event: data.exactPlace ? { ...data.event, ...data.exactPlace } : data.event, shifts };
}
