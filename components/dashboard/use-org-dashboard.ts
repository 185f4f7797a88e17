"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import type { DashboardCampaign } from "@/lib/campaigns/dashboard";
import type { FormState } from "@/lib/forms";
import { dashboardKeys, dashboardUrl } from "./query-keys";

export interface OrgDashboardData {
  campaigns: DashboardCampaign[];
}

export class DashboardFetchError extends Error {
  constructor(readonly status: number) {
    super(`dashboard: ${status}`);
  }
}

async function fetchOrgDashboard(org: string): Promise<OrgDashboardData> {
  const res = await fetch(dashboardUrl(org), { cache: "no-store", headers: { accept: "application/json" } });
  if (!res.ok) throw new DashboardFetchError(res.status);
  return (await res.json()) as OrgDashboardData;
}

const LIVE_MS = 5_000;

/**
 * Campaigns, events and sign-up counts, polled every few seconds and on focus.
 * The page prefetches the same key on the server, so the first paint has the data.
 */
export function useOrgDashboard<T = OrgDashboardData>(org: string, select?: (data: OrgDashboardData) => T) {
  return useQuery({
    queryKey: dashboardKeys.org(org),
    queryFn: () => fetchOrgDashboard(org),
    select,
    refetchInterval: LIVE_MS,
    refetchOnWindowFocus: true,
    staleTime: LIVE_MS - 1_000,
    // Lost access (removed, role changed): polling again will not help.
    retry: (count, error) => !(error instanceof DashboardFetchError && (error.status === 403 || error.status === 404)) && count < 2,
  });
}

/** After a form's successful mutation, refetch the counts instead of waiting for the next poll. */
export function useInvalidateOnSuccess(state: FormState, org: string) {
  const client = useQueryClient();
  useEffect(() => {
    if (state.status === "ok") void client.invalidateQueries({ queryKey: dashboardKeys.org(org) });
  }, [state, org, client]);
}
