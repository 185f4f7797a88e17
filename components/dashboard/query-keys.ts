// One key factory for the dashboard's live data: pages prefetch and forms invalidate the same keys.
export const dashboardKeys = {
  all: ["dashboard"] as const,
  org: (org: string) => [...dashboardKeys.all, "org", org] as const,
};

/** The JSON route the live views poll. */
export const dashboardUrl = (org: string) => `/api/orgs/${encodeURIComponent(org)}/dashboard`;
