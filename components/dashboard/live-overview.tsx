"use client";
import { Plus } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { CampaignKindValue } from "@/lib/campaigns/schemas";
import { EventRow } from "./event-row";
import { LiveState } from "./live-state";
import { CampaignStatusBadge } from "./status-badge";
import { DashboardFetchError, useOrgDashboard } from "./use-org-dashboard";

/** The organisation's campaigns and events with sign-up counts that keep themselves current. */
export function LiveOverview({ org, canEdit }: { org: string; canEdit: boolean }) {
  const t = useTranslations("campaigns.dashboard");
  const tk = useTranslations("editor.campaignKinds");
  const { data, isError, error } = useOrgDashboard(org);
  const lostAccess = error instanceof DashboardFetchError && (error.status === 403 || error.status === 404);

  if (!data) return isError ? <Alert tone="error">{t("live.loadFailed")}</Alert> : <p className="text-sm text-stone-600">{t("live.loading")}</p>;

  if (data.campaigns.length === 0) {
    return (
      <Card className="text-center">
        <h2 className="text-lg font-semibold">{t("empty.title")}</h2>
        <p className="mx-auto mt-2 max-w-prose text-sm text-stone-700">{canEdit ? t("empty.organizer") : t("empty.coordinator")}</p>
        {canEdit ? (
          <Link href={`/dashboard/${org}/campaigns/new`} className={buttonClass("primary", "mt-4")}>
            <Plus aria-hidden className="size-4" />
            {t("empty.create")}
          </Link>
        ) : null}
      </Card>
    );
  }

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <LiveState isError={isError} lostAccess={lostAccess} />
        {canEdit ? (
          <Link href={`/dashboard/${org}/campaigns/new`} className={buttonClass("secondary")}>
            <Plus aria-hidden className="size-4" />
            {t("newCampaign")}
          </Link>
        ) : null}
      </div>
      {data.campaigns.map((c) => (
        <Card key={c.id}>
          <div data-testid="campaign-card" data-campaign={c.slug}>
            <div className="flex flex-wrap items-start justify-between gap-3">
              <div>
                <h2 className="text-lg font-semibold">
                  <Link href={`/dashboard/${org}/campaigns/${c.slug}`} className="underline-offset-2 hover:text-brand-700 hover:underline">
                    {c.title}
                  </Link>
                </h2>
                <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-stone-600">
                  <CampaignStatusBadge status={c.status} />
                  {tk(c.kind as CampaignKindValue)}
                  <span aria-hidden>·</span>
                  {t("eventCount", { count: c.events.length })}
                </p>
              </div>
              {canEdit ? (
                <Link href={`/dashboard/${org}/campaigns/${c.slug}/events/new`} className={buttonClass("ghost", "text-brand-700")}>
                  <Plus aria-hidden className="size-4" />
                  {t("addEvent")}
                </Link>
              ) : null}
            </div>
            {c.events.length === 0 ? (
              <p className="mt-3 text-sm text-stone-600">{canEdit ? t("noEvents.organizer") : t("noEvents.coordinator")}</p>
            ) : (
              <ul className="mt-2 divide-y divide-stone-200">
                {c.events.map((e) => (
                  <EventRow key={e.id} event={e} org={org} campaign={c.slug} published={c.status === "published"} />
                ))}
              </ul>
            )}
          </div>
        </Card>
      ))}
    </div>
  );
}
