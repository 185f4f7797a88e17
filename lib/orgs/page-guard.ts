import "server-only";
import { forbidden, notFound, redirect } from "next/navigation";
import { cache } from "react";
import { attendeeScope } from "@/lib/attendees/attendees";
import { requireActor } from "@/lib/auth/session";
import { getCampaignBySlug } from "@/lib/campaigns/campaigns";
import { ForbiddenError, NotFoundError, SecondFactorRequiredError } from "@/lib/errors";
import { getEventBySlug } from "@/lib/events/events";
import { getOrganisation } from "./orgs";
import { roleAllows, type Role } from "./roles";

// The one guard and loader of dashboard pages: what the address names, loaded for the member with the role the page
// needs, or the login page, a 404 or a 403. A page that shows attendees also checks the member's reach over them
// (lib/orgs/scopes.ts): out of reach is a 404, as if the list did not exist. Each loader runs once per request
// (React's cache): a page's metadata and the page itself share one load.

/** Lib errors as the pages' 404 and 403. */
async function orPageError<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (e) {
    if (e instanceof ForbiddenError) forbidden();
    if (e instanceof NotFoundError) notFound();
    throw e;
  }
}

/** The actor and the organisation. */
export const loadOrganisationPage = cache(async (slug: string, needed: Role, path: string) => {
  const actor = await requireActor(path);
  try {
    return { actor, org: await getOrganisation(actor, slug, needed) };
  } catch (e) {
    if (e instanceof SecondFactorRequiredError) redirect(`/account?required=${encodeURIComponent(slug)}`);
    if (e instanceof ForbiddenError) forbidden();
    if (e instanceof NotFoundError) notFound();
    throw e;
  }
});

interface PageNeeds {
  /** The page shows the campaign's or event's attendees. */
  attendees?: boolean;
}

// Cached with plain arguments only: React's cache tells arguments apart by identity.
const campaignPage = cache(async (orgSlug: string, campaignSlug: string, needed: Role, path: string, attendees: boolean) => {
  const { actor, org } = await loadOrganisationPage(orgSlug, needed, path);
  const campaign = await orPageError(getCampaignBySlug(actor, org.id, campaignSlug, needed));
  if (attendees) await orPageError(attendeeScope(actor, { campaignId: campaign.id, orgSlug }));
  const organizer = roleAllows(org.role, "organizer");
  // A partner's organizers add and run their own events; the campaign itself is its lead's to change.
  return { actor, org, campaign, canEdit: organizer && campaign.lead, canAddEvents: organizer };
});

const eventPage = cache(async (orgSlug: string, campaignSlug: string, eventSlug: string, needed: Role, path: string, attendees: boolean) => {
  const page = await campaignPage(orgSlug, campaignSlug, needed, path, false);
  const event = await orPageError(getEventBySlug(page.actor, page.campaign.id, eventSlug, needed));
  // Only the organisation that runs the event opens its page: a partner's event is not the lead's to open.
  if (event.hostOrgId !== page.org.id) notFound();
  if (attendees) await orPageError(attendeeScope(page.actor, { eventId: event.id }));
  return { ...page, event, canEdit: page.canAddEvents };
});

/** The organisation and the campaign, and whether the member may edit it. */
export function loadCampaignPage(orgSlug: string, campaignSlug: string, needed: Role, path: string, needs: PageNeeds = {}) {
  return campaignPage(orgSlug, campaignSlug, needed, path, needs.attendees === true);
}

/** The organisation, the campaign and the event. */
export function loadEventPage(orgSlug: string, campaignSlug: string, eventSlug: string, needed: Role, path: string, needs: PageNeeds = {}) {
  return eventPage(orgSlug, campaignSlug, eventSlug, needed, path, needs.attendees === true);
}
