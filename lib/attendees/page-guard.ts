import "server-only";
import { forbidden, notFound } from "next/navigation";
import { getCampaignBySlug } from "@/lib/campaigns/campaigns";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { getEventBySlug } from "@/lib/events/events";
import { attendeeScope } from "./attendees";
import { loadOrganisationPage } from "@/lib/orgs/page-guard";

async function guard<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (e) {
    if (e instanceof ForbiddenError) forbidden();
    if (e instanceof NotFoundError) notFound();
    throw e;
  }
}

/** Coordinator pages: the organisation, campaign (and event) from the address, or 404 for anyone else. */
export async function loadCampaignForCoordinator(orgSlug: string, campaignSlug: string, path: string) {
  const { actor, org } = await loadOrganisationPage(orgSlug, "coordinator", path);
  const campaign = await guard(getCampaignBySlug(actor, org.id, campaignSlug, "coordinator"));
  // Out of the member's reach (lib/orgs/scopes.ts): a 404, as if the list did not exist.
  await guard(attendeeScope(actor, { campaignId: campaign.id }));
  return { actor, org, campaign };
}

export async function loadEventForCoordinator(orgSlug: string, campaignSlug: string, eventSlug: string, path: string) {
  const { actor, org } = await loadOrganisationPage(orgSlug, "coordinator", path);
  const campaign = await guard(getCampaignBySlug(actor, org.id, campaignSlug, "coordinator"));
  const found = { actor, org, campaign };
  const event = await guard(getEventBySlug(found.actor, found.campaign.id, eventSlug, "coordinator"));
  await guard(attendeeScope(actor, { eventId: event.id }));
  return { ...found, event };
}
