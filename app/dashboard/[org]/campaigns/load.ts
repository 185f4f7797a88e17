import "server-only";
import { dehydrate, QueryClient } from "@tanstack/react-query";
import { forbidden, notFound } from "next/navigation";
import { getLocale } from "next-intl/server";
import { dashboardKeys } from "@/components/dashboard/query-keys";
import type { OrgDashboardData } from "@/components/dashboard/use-org-dashboard";
import type { Actor } from "@/lib/auth/session";
import { getCampaignBySlug } from "@/lib/campaigns/campaigns";
import { orgDashboard } from "@/lib/campaigns/dashboard";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { getEventBySlug } from "@/lib/events/events";
import { loadOrganisationPage } from "@/lib/orgs/page-guard";
import type { Role } from "@/lib/orgs/roles";
import { roleAllows } from "@/lib/orgs/roles";

/** Lib errors as the pages' 404 and 403. */
async function orPageError<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof ForbiddenError) forbidden();
    if (e instanceof NotFoundError) notFound();
    throw e;
  }
}

export async function loadCampaignPage(orgSlug: string, campaignSlug: string, needed: Role, path: string) {
  const { actor, org } = await loadOrganisationPage(orgSlug, needed, path);
  const campaign = await orPageError(getCampaignBySlug(actor, org.id, campaignSlug, needed));
  return { actor, org, campaign, canEdit: roleAllows(org.role, "organizer") };
}

export async function loadEventPage(orgSlug: string, campaignSlug: string, eventSlug: string, needed: Role, path: string) {
  const page = await loadCampaignPage(orgSlug, campaignSlug, needed, path);
  const event = await orPageError(getEventBySlug(page.actor, page.campaign.id, eventSlug, needed));
  return { ...page, event };
}

/** The live views' data, fetched on the server under the key the browser polls: the first paint has the counts. */
export async function prefetchDashboard(actor: Actor, orgId: string, orgSlug: string) {
  const client = new QueryClient();
  await client.prefetchQuery({
    queryKey: dashboardKeys.org(orgSlug),
    queryFn: async (): Promise<OrgDashboardData> => ({ campaigns: await orgDashboard(actor, orgId, await getLocale()) }),
  });
  return dehydrate(client);
}
