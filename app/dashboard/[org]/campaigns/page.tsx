import { Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { formatInstant } from "@/lib/time/format";
import { CampaignStatusBadge } from "@/components/dashboard/status-badge";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Card, PageTitle } from "@/components/ui/card";
import { listCampaigns } from "@/lib/campaigns/campaigns";
import { loadOrganisationPage } from "@/lib/orgs/page-guard";
import { roleAllows } from "@/lib/orgs/roles";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("campaigns.dashboard.list"))("title") };
}

export default async function CampaignsPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { org: slug } = await params;
  const { deleted } = await searchParams;
  const { actor, org } = await loadOrganisationPage(slug, "coordinator", `/dashboard/${slug}/campaigns`);
  const campaigns = await listCampaigns(actor, org.id);
  const canEdit = roleAllows(org.role, "organizer");
  const t = await getTranslations("campaigns.dashboard");
  const tk = await getTranslations("editor.campaignKinds");
  const locale = await getLocale();
  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <PageTitle lead={t("list.lead")}>{t("list.title")}</PageTitle>
        {canEdit && campaigns.length > 0 ? (
          <Link href={`/dashboard/${org.slug}/campaigns/new`} className={buttonClass("primary")}>
            <Plus aria-hidden className="size-4" />
            {t("newCampaign")}
          </Link>
        ) : null}
      </div>
      {deleted === "campaign" ? (
        <div className="mb-6">
          <Alert tone="success">{t("list.deleted")}</Alert>
        </div>
      ) : null}
      {campaigns.length === 0 ? (
        <Card className="text-center" title={t("empty.title")}>
          <p className="mx-auto mt-2 max-w-prose text-sm text-stone-700">{canEdit ? t("empty.organizer") : t("empty.coordinator")}</p>
          {canEdit ? (
            <Link href={`/dashboard/${org.slug}/campaigns/new`} className={buttonClass("primary", "mt-4")}>
              <Plus aria-hidden className="size-4" />
              {t("empty.create")}
            </Link>
          ) : null}
        </Card>
      ) : (
        <Card>
          <ul className="divide-y divide-stone-200">
            {campaigns.map((c) => (
              <li key={c.id} className="flex flex-col gap-1 py-3 sm:flex-row sm:items-center sm:justify-between" data-testid="campaign-row">
                <div className="min-w-0">
                  <Link href={`/dashboard/${org.slug}/campaigns/${c.slug}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                    {c.title}
                  </Link>
                  <p className="flex flex-wrap items-center gap-2 text-sm text-stone-600">
                    <CampaignStatusBadge status={c.status} />
                    {tk(c.kind)} · {t("eventCount", { count: c.eventCount })}
                  </p>
                  {c.summary ? <p className="mt-1 line-clamp-2 text-sm text-stone-700">{c.summary}</p> : null}
                </div>
                <p className="shrink-0 text-sm text-stone-600">{t("list.updated", { when: formatInstant(locale, c.updatedAt, "UTC") })}</p>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </>
  );
}
