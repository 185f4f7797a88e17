import { HydrationBoundary } from "@tanstack/react-query";
import { ExternalLink, Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CampaignForm } from "@/components/campaigns/campaign-form";
import { CampaignStatusForm } from "@/components/campaigns/campaign-status-form";
import { Breadcrumbs } from "@/components/dashboard/breadcrumbs";
import { LiveCampaignEvents } from "@/components/dashboard/live-campaign-events";
import { CampaignStatusBadge } from "@/components/dashboard/status-badge";
import { EventExportsPanel } from "@/components/exports/event-exports-panel";
import { EmergencyErase } from "@/components/retention/emergency-erase";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Card, PageTitle } from "@/components/ui/card";
import { TranslationsPanel } from "@/components/translations/translations-panel";
import { listCampaignTranslations } from "@/lib/translations/translations";
import { deleteCampaignTranslationAction, saveCampaignTranslationAction } from "../translation-actions";
import { deleteCampaignAction, setCampaignStatusAction, updateCampaignAction } from "../actions";
import { ConfirmDeleteForm } from "@/components/trials/confirm-delete-form";
import { siteOrigin } from "@/lib/mail/origin";
import { loadCampaignPage } from "@/lib/orgs/page-guard";
import { listPartners } from "@/lib/orgs/partners";
import { PartnersCard } from "@/components/orgs/partners-card";
import { createPartnerInvitationAction, removePartnerAction } from "../partner-actions";
import { prefetchDashboard } from "../load";
import { ProposalsPanel } from "./proposals/panel";

type Params = Promise<{ org: string; campaign: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { org, campaign } = await params;
  const page = await loadCampaignPage(org, campaign, "coordinator", `/dashboard/${org}/campaigns/${campaign}`);
  return { title: page.campaign.title };
}

export default async function CampaignPage({ params, searchParams }: { params: Params; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { org: orgSlug, campaign: campaignSlug } = await params;
  const { created, saved, deleted, translation, declined } = await searchParams;
  const { actor, org, campaign, canEdit, canAddEvents } = await loadCampaignPage(
    orgSlug,
    campaignSlug,
    "coordinator",
    `/dashboard/${orgSlug}/campaigns/${campaignSlug}`,
  );
  const partners = await listPartners(actor, campaign.id, org.id);
  const ledBy = campaign.ledBy;
  const dashboard = await prefetchDashboard(actor, org.id, org.slug);
  const t = await getTranslations("campaigns.dashboard");
  const ta = await getTranslations("attendees.dashboard.links");
  const te = await getTranslations("editor");
  const tt = await getTranslations("trials.dashboard");
  const base = `/dashboard/${org.slug}/campaigns/${campaign.slug}`;
  const publicPath = `/c/${campaign.slug}`;
  return (
    <>
      <Breadcrumbs items={[{ href: `/dashboard/${org.slug}/campaigns`, label: t("nav") }, { label: campaign.title }]} />
      <PageTitle
        lead={
          <span className="flex flex-wrap items-center gap-2">
            <CampaignStatusBadge status={campaign.status} />
            {te(`campaignKinds.${campaign.kind}`)}
          </span>
        }
      >
        {campaign.title}
      </PageTitle>
      {/* "Created as a draft… then publish it" is true only while it is a draft. */}
      {declined ? (
        <div className="mb-6">
          <Alert tone="success">{(await getTranslations("hosts.dashboard"))("declined")}</Alert>
        </div>
      ) : null}
      {(created && campaign.status === "draft") || saved || deleted === "event" ? (
        <div className="mb-6">
          <Alert tone="success">
            {deleted === "event" ? t("campaign.eventDeleted") : created && campaign.status === "draft" ? te("campaign.created") : te("campaign.saved")}
          </Alert>
        </div>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card>
            <div className="flex flex-wrap items-center justify-between gap-3">
              <h2 className="text-lg font-semibold">{t("campaign.events")}</h2>
              <Link href={`${base}/attendees`} className="text-sm text-brand-700 underline underline-offset-2">
                {ta("campaignAttendees")}
              </Link>
              {campaign.kind === "trial_watch" && campaign.lead ? (
                <Link href={`${base}/trial`} className="text-sm text-brand-700 underline underline-offset-2">
                  {tt("link")}
                </Link>
              ) : null}
              {canAddEvents ? (
                <Link href={`${base}/events/new`} className={buttonClass("primary")}>
                  <Plus aria-hidden className="size-4" />
                  {t("addEvent")}
                </Link>
              ) : null}
            </div>
            <div className="mt-3">
              <HydrationBoundary state={dashboard}>
                <LiveCampaignEvents org={org.slug} campaignId={campaign.id} canEdit={canAddEvents} />
              </HydrationBoundary>
            </div>
          </Card>
          {canEdit && campaign.acceptsProposals ? <ProposalsPanel actor={actor} base={base} campaignId={campaign.id} /> : null}
          <EventExportsPanel actor={actor} org={org.slug} campaign={campaign} />
          {partners.length || (campaign.lead && org.role === "owner") || ledBy ? (
            <PartnersCard
              org={org}
              campaign={campaign}
              partners={partners}
              ledBy={ledBy}
              owner={org.role === "owner"}
              invite={createPartnerInvitationAction}
              remove={removePartnerAction}
            />
          ) : null}
          {canEdit ? (
            <TranslationsPanel
              kind="campaign"
              hidden={{ org: org.slug, campaign: campaign.slug, campaignId: campaign.id }}
              translations={await listCampaignTranslations(actor, campaign.id)}
              save={saveCampaignTranslationAction}
              remove={deleteCampaignTranslationAction}
              original={campaign.language}
              notice={typeof translation === "string" ? translation : undefined}
            />
          ) : null}
          {canEdit ? (
            <Card>
              <h2 className="mb-4 text-lg font-semibold">{te("campaign.editTitle")}</h2>
              <CampaignForm
                key={campaign.updatedAt.toISOString()}
                action={updateCampaignAction}
                org={org.slug}
                fediverseHost={new URL(siteOrigin()).host}
                campaign={{
                  id: campaign.id,
                  slug: campaign.slug,
                  title: campaign.title,
                  kind: campaign.kind,
                  summary: campaign.summary,
                  body: campaign.body,
                  appealUrl: campaign.appealUrl,
                  signupOrigins: campaign.signupOrigins.join("\n"),
                  acceptsProposals: campaign.acceptsProposals,
                  federated: campaign.federated,
                  retentionDays: campaign.retentionDays,
                  status: campaign.status,
                  language: campaign.language,
                }}
              />
            </Card>
          ) : null}
        </div>
        <div className="space-y-6">
          <Card title={t("campaign.status")}>
            <div className="mt-3">
              {canEdit ? (
                <CampaignStatusForm action={setCampaignStatusAction} org={org.slug} campaignId={campaign.id} status={campaign.status} />
              ) : (
                <p className="text-sm text-stone-700">{te(`status.lead.${campaign.status}`)}</p>
              )}
            </div>
          </Card>
          <Card title={t("campaign.publicAddress")}>
            {campaign.status === "published" ? (
              <a href={publicPath} className="mt-2 inline-flex items-center gap-1 break-all font-mono text-sm text-brand-700 underline underline-offset-2">
                <ExternalLink aria-hidden className="size-4 shrink-0" />
                {publicPath}
              </a>
            ) : (
              <>
                <p className="mt-2 break-all font-mono text-sm text-stone-700">{publicPath}</p>
                <p className="mt-1 text-sm text-stone-600">{t("campaign.notPublic")}</p>
              </>
            )}
          </Card>
          {canEdit && campaign.status === "draft" ? (
            <Card className="border-red-200" title={t("campaign.deleteTitle")} lead={t("campaign.deleteLead")} danger>
              <div className="mt-4">
                <ConfirmDeleteForm
                  id={`delete-campaign-${campaign.id}`}
                  action={deleteCampaignAction}
                  fields={{ org: org.slug, campaignId: campaign.id }}
                  label={t("campaign.deleteSubmit")}
                  title={t("campaign.deleteConfirmTitle", { title: campaign.title })}
                  body={t("campaign.deleteConfirmBody")}
                  confirmLabel={t("campaign.deleteConfirm")}
                  cancelLabel={t("campaign.deleteKeep")}
                />
              </div>
            </Card>
          ) : null}
          {org.role === "owner" && campaign.lead ? <EmergencyErase org={org.slug} campaignId={campaign.id} title={campaign.title} /> : null}
        </div>
      </div>
    </>
  );
}
