import "server-only";
import { dehydrate, QueryClient } from "@tanstack/react-query";
import { getLocale } from "next-intl/server";
import { dashboardKeys } from "@/components/dashboard/query-keys";
import type { OrgDashboardData } from "@/components/dashboard/use-org-dashboard";
import type { Actor } from "@/lib/auth/session";
import { orgDashboard } from "@/lib/campaigns/dashboard";

/** The live views' data, fetched on the server under the key the browser polls: the first paint has the counts. */
export async function prefetchDashboard(actor: Actor, orgId: string, orgSlug: string) {
  const client = new QueryClient();
  await client.prefetchQuery({
    queryKey: dashboardKeys.org(orgSlug),
    queryFn: async (): Promise<OrgDashboardData> => ({ campaigns: await orgDashboard(actor, orgId, await getLocale()) }),
  });
  return dehydrate(client);
}
