import { Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Breadcrumbs } from "@/components/dashboard/breadcrumbs";
import { Markdown } from "@/components/public/markdown";
import { CaseForm } from "@/components/trials/case-form";
import { ConfirmDeleteForm } from "@/components/trials/confirm-delete-form";
import { DefendantForm } from "@/components/trials/defendant-form";
import { UpdateForm } from "@/components/trials/update-form";
import { Card, PageTitle } from "@/components/ui/card";
import { formatInstant } from "@/lib/time/format";
import { instantToZonedLocal } from "@/lib/time/zones";
import { getTrialWatch } from "@/lib/trials/trials";
import { loadCampaignPage } from "@/lib/orgs/page-guard";
import {
  createCaseAction,
  deleteCaseAction,
  deleteUpdateAction,
  removeDefendantAction,
  saveDefendantAction,
  saveUpdateAction,
  updateCaseAction,
} from "../../trial-actions";

type Params = Promise<{ org: string; campaign: string }>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("trials.dashboard"))("nav") };
}

function Visibility({ isPublic, labels }: { isPublic: boolean; labels: { public: string; internal: string } }) {
  return (
    <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${isPublic ? "bg-green-100 text-green-900" : "bg-stone-200 text-stone-800"}`}>
      {isPublic ? labels.public : labels.internal}
    </span>
  );
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
            <Card key={c.id}>
              <div data-testid="case" className="space-y-4">
                <header>
                  <h2 className="text-xl font-semibold">{c.name}</h2>
                  <p className="text-sm text-stone-600">{[c.court, c.caseNumber].filter(Boolean).join(" · ")}</p>
                  {c.charges ? <p className="mt-1 text-sm">{c.charges}</p> : null}
                </header>
                <section>
                  <h3 className="font-semibold">{t("defendants.title")}</h3>
                  {c.defendants.length === 0 ? <p className="text-sm text-stone-600">{t("defendants.none")}</p> : null}
                  <ul className="divide-y divide-stone-200">
                    {c.defendants.map((d) => (
                      <li key={d.id} className="py-2" data-testid="defendant">
                        <p className="flex flex-wrap items-center gap-2">
                          <span className="font-medium">{d.name}</span>
                          <span className="text-sm text-stone-600">{t(`defendantStatus.${d.status}`)}</span>
                          {d.sentence ? <span className="text-sm text-stone-600">· {d.sentence}</span> : null}
                          <Visibility isPublic={d.isPublic} labels={labels} />
                        </p>
                        {canEdit ? (
                          <details className="mt-2">
                            <summary className="cursor-pointer text-sm text-brand-700 underline">{t("defendants.edit")}</summary>
                            <div className="mt-2 space-y-3">
                              <DefendantForm
                                action={saveDefendantAction}
                                {...common}
                                caseId={c.id}
                                value={{ id: d.id, name: d.name, status: d.status, sentence: d.sentence, notes: d.notes, isPublic: d.isPublic }}
                              />
                              <ConfirmDeleteForm
                                id={`remove-defendant-${d.id}`}
                                action={removeDefendantAction}
                                fields={{ ...common, defendantId: d.id }}
                                label={t("defendants.remove")}
                                title={t("defendants.removeTitle", { name: d.name })}
                                body={t("defendants.removeBody")}
                                confirmLabel={t("defendants.removeConfirm")}
                                cancelLabel={t("case.keep")}
                              />
                            </div>
                          </details>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                  {canEdit ? (
                    <details className="mt-2 rounded-md border border-stone-200 p-3">
                      <summary className="cursor-pointer text-sm font-semibold">{t("defendants.add")}</summary>
                      <div className="mt-3">
                        <DefendantForm action={saveDefendantAction} {...common} caseId={c.id} />
                      </div>
                    </details>
                  ) : null}
                </section>
                <section>
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <h3 className="font-semibold">{t("hearings.title")}</h3>
                    {canEdit ? (
                      <Link href={`${base}/events/new`} className="text-sm text-brand-700 underline">
                        {t("hearings.add")}
                      </Link>
                    ) : null}
                  </div>
                  {c.hearings.length === 0 ? <p className="text-sm text-stone-600">{t("hearings.none")}</p> : null}
                  <ul className="divide-y divide-stone-200">
                    {c.hearings.map((h) => (
                      <li key={h.id} className="py-2 text-sm">
                        <Link href={`${base}/events/${h.slug}`} className="font-medium text-brand-700 underline">
                          {h.title}
                        </Link>{" "}
                        · {formatInstant(locale, h.startsAt, h.timeZone)}
                        {h.previousStartsAt ? (
                          <span className="text-stone-600"> ({t("hearings.movedFrom", { when: formatInstant(locale, h.previousStartsAt, h.timeZone) })})</span>
                        ) : null}
                        {canEdit ? (
                          <>
                            {" · "}
                            <Link href={`${base}/events/${h.slug}#postpone`} className="text-brand-700 underline">
                              {t("hearings.postpone")}
                            </Link>
                          </>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                </section>
                {canEdit ? (
                  <details className="rounded-md border border-stone-200 p-3">
                    <summary className="cursor-pointer text-sm font-semibold">{t("case.edit")}</summary>
                    <div className="mt-3 space-y-3">
                      <CaseForm action={updateCaseAction} {...common} campaignId={campaign.id} value={c} />
                      <ConfirmDeleteForm
                        id={`delete-case-${c.id}`}
                        action={deleteCaseAction}
                        fields={{ ...common, caseId: c.id }}
                        label={t("case.delete")}
                        title={t("case.deleteTitle", { name: c.name })}
                        body={t("case.deleteBody")}
                        confirmLabel={t("case.deleteConfirm")}
                        cancelLabel={t("case.keep")}
                      />
                    </div>
                  </details>
                ) : null}
              </div>
            </Card>
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
          <Card>
            <h2 className="text-lg font-semibold">{t("updates.title")}</h2>
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
                    <details className="mt-2">
                      <summary className="cursor-pointer text-sm text-brand-700 underline">{t("updates.edit")}</summary>
                      <div className="mt-2">
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
                      </div>
                    </details>
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
