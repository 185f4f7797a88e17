"use client";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import type { DashboardCampaign } from "@/lib/campaigns/dashboard";
import { EventRow } from "./event-row";
import { LiveState } from "./live-state";
import { SignupCounts } from "./signup-counts";
import { DashboardFetchError, useOrgDashboard, type OrgDashboardData } from "./use-org-dashboard";

/** One campaign's events with live counts (the same polled data as the overview). */
export function LiveCampaignEvents({ org, campaignId, canEdit }: { org: string; campaignId: string; canEdit: boolean }) {
  const t = useTranslations("campaigns.dashboard");
  const {
    data: campaign,
    isError,
    error,
    isPending,
  } = useOrgDashboard(org, (d: OrgDashboardData): DashboardCampaign | undefined => d.campaigns.find((c) => c.id === campaignId));
  const lostAccess = error instanceof DashboardFetchError && (error.status === 403 || error.status === 404);
  if (isPending) return <p className="text-sm text-stone-600">{t("live.loading")}</p>;
  if (!campaign) return <Alert tone="error">{t("live.loadFailed")}</Alert>;
  return (
    <div>
      <LiveState isError={isError} lostAccess={lostAccess} />
      {campaign.events.length === 0 ? (
        <p className="mt-3 text-sm text-stone-600">{canEdit ? t("noEvents.organizer") : t("noEvents.coordinator")}</p>
      ) : (
        <ul className="mt-2 divide-y divide-stone-200">
          {campaign.events.map((e) => (
            <EventRow key={e.id} event={e} org={org} campaign={campaign.slug} published={campaign.status === "published"} />
          ))}
        </ul>
      )}
    </div>
  );
}

/** The counts of one event, live. */
export function LiveEventCounts({
  org,
  eventId,
  initial,
}: {
  org: string;
  eventId: string;
  initial: { confirmed: number; waitlisted: number; capacity: number | null };
}) {
  const { data } = useOrgDashboard(org, (d: OrgDashboardData) => d.campaigns.flatMap((c) => c.events).find((e) => e.id === eventId));
  const { confirmed, waitlisted, capacity } = data ?? initial;
  return <SignupCounts confirmed={confirmed} waitlisted={waitlisted} capacity={capacity} bar />;
}
