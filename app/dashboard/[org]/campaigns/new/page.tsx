import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CampaignForm } from "@/components/campaigns/campaign-form";
import { Breadcrumbs } from "@/components/dashboard/breadcrumbs";
import { Card, PageTitle } from "@/components/ui/card";
import { siteOrigin } from "@/lib/mail/origin";
import { loadOrganisationPage } from "@/lib/orgs/page-guard";
import { createCampaignAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("editor.campaign"))("newTitle") };
}

export default async function NewCampaignPage({ params }: { params: Promise<{ org: string }> }) {
  const { org: slug } = await params;
  const { org } = await loadOrganisationPage(slug, "organizer", `/dashboard/${slug}/campaigns/new`);
  const t = await getTranslations("editor.campaign");
  const tc = await getTranslations("campaigns.dashboard");
  return (
    <div className="max-w-2xl">
      <Breadcrumbs items={[{ href: `/dashboard/${org.slug}/campaigns`, label: tc("nav") }, { label: t("newTitle") }]} />
      <PageTitle lead={t("newLead")}>{t("newTitle")}</PageTitle>
      <Card>
        <CampaignForm action={createCampaignAction} org={org.slug} fediverseHost={new URL(siteOrigin()).host} />
      </Card>
    </div>
  );
}
