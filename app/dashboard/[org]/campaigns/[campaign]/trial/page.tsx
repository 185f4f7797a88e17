import { Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Breadcrumbs } from "@/components/dashboard/breadcrumbs";
import { Markdown } from "@/components/public/markdown";
import { CaseForm } from "@/components/trials/case-form";
import { ConfirmDeleteForm } from "@/components/trials/confirm-delete-form";
import { UpdateForm } from "@/components/trials/update-form";
import { Card, PageTitle } from "@/components/ui/card";
import { Disclosure } from "@/components/ui/disclosure";
import { formatInstant } from "@/lib/time/format";
import { instantToZonedLocal } from "@/lib/time/zones";
import { getTrialWatch } from "@/lib/trials/trials";
import { loadCampaignPage } from "@/lib/orgs/page-guard";
import { CasePanel, Visibility } from "./case-panel";
import { createCaseAction, deleteUpdateAction, saveUpdateAction } from "../../trial-actions";

type Params = Promise<{ org: string; campaign: string }>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("trials.dashboard"))("nav") };
}

export default async function TrialWatchPage({ params }: { params: Params }) {
  const { org: orgSlug, campaign: campaignSlug } = await params;
  const { actor, org, campaign, canEdit } = await loadCampaignPage(
    orgSlug,
    campaignSlug,
    "coordinator",
    `/dashboard/${orgSlug}/campaigns/${campaignSlug}/trial`,
  );
  const trial = await getTrialWatch(actor, campaign.id);
  const t = await getTranslations("trials.dashboard");
  const tc = await getTranslations("campaigns.dashboard");
  const locale = await getLocale();
  const base = `/dashboard/${org.slug}/campaigns/${campaign.slug}`;
  const labels = { public: t("public"), internal: t("internal") };
  const zone = trial.cases.flatMap((c) => c.hearings)[0]?.timeZone ?? trial.unassignedHearings[0]?.timeZone ?? "UTC";
  const common = { org: org.slug, campaign: campaign.slug };
  const updateChoices = {
    campaignId: campaign.id,
    cases: trial.cases.map((c) => ({ id: c.id, name: c.name })),
    timeZone: zone,
    nowLocal: instantToZonedLocal(new Date(), zone),
  };
  return (
    <>
      <Breadcrumbs items={[{ href: `/dashboard/${org.slug}/campaigns`, label: tc("nav") }, { href: base, label: campaign.title }, { label: t("nav") }]} />
      <PageTitle lead={t("lead")}>{t("nav")}</PageTitle>
      <div className="grid gap-6 lg:grid-cols-5">
        <div className="space-y-6 lg:col-span-3">
          {trial.cases.length === 0 ? <Card>{t("noCases")}</Card> : null}
          {trial.cases.map((c) => (
            <CasePanel key={c.id} trialCase={c} canEdit={canEdit} org={org.slug} campaign={campaign.slug} campaignId={campaign.id} />
          ))}
          {trial.unassignedHearings.length ? (
            <Card>
              <h2 className="font-semibold">{t("hearings.unassigned")}</h2>
              <ul className="mt-2 text-sm">
                {trial.unassignedHearings.map((h) => (
                  <li key={h.id}>
                    <Link href={`${base}/events/${h.slug}`} className="text-brand-700 underline">
                      {h.title}
                    </Link>{" "}
                    · {formatInstant(locale, h.startsAt, h.timeZone)}
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
          {canEdit && campaign.kind === "trial_watch" ? (
            <Card>
              <h2 className="mb-3 flex items-center gap-2 text-lg font-semibold">
                <Plus aria-hidden className="size-5" />
                {t("case.add")}
              </h2>
              <CaseForm action={createCaseAction} {...common} campaignId={campaign.id} />
            </Card>
          ) : null}
        </div>
        <div className="space-y-6 lg:col-span-2">
          <Card title={t("updates.title")}>
            {trial.updates.length === 0 ? <p className="mt-2 text-sm text-stone-600">{t("updates.none")}</p> : null}
            <ul className="mt-2 divide-y divide-stone-200">
              {trial.updates.map((u) => (
                <li key={u.id} className="space-y-1 py-3" data-testid="case-update">
                  <p className="flex flex-wrap items-center gap-2 text-sm text-stone-600">
                    {t(`updateKinds.${u.kind}`)} · {formatInstant(locale, u.postedAt, zone)} <Visibility isPublic={u.isPublic} labels={labels} />
                  </p>
                  <p className="font-medium">{u.title}</p>
                  {u.body ? <Markdown>{u.body}</Markdown> : null}
                  {canEdit ? (
                    <Disclosure summary={t("updates.edit")}>
                      <UpdateForm
                        action={saveUpdateAction}
                        {...common}
                        {...updateChoices}
                        value={{
                          id: u.id,
                          kind: u.kind,
                          caseId: u.caseId,
                          title: u.title,
                          body: u.body,
                          postedLocal: instantToZonedLocal(u.postedAt, zone),
                          isPublic: u.isPublic,
                        }}
                      />
                    </Disclosure>
                  ) : null}
                  {canEdit ? (
                    <ConfirmDeleteForm
                      id={`delete-update-${u.id}`}
                      action={deleteUpdateAction}
                      fields={{ ...common, updateId: u.id }}
                      label={t("updates.delete")}
                      title={t("updates.deleteTitle", { title: u.title })}
                      body={t("updates.deleteBody")}
                      confirmLabel={t("updates.deleteConfirm")}
                      cancelLabel={t("updates.keep")}
                    />
                  ) : null}
                </li>
              ))}
            </ul>
          </Card>
          {canEdit ? (
            <Card>
              <h2 className="mb-3 text-lg font-semibold">{t("updates.add")}</h2>
              <UpdateForm action={saveUpdateAction} {...common} {...updateChoices} />
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}
