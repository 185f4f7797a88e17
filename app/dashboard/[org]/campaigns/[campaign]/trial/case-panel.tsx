import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { CaseForm } from "@/components/trials/case-form";
import { ConfirmDeleteForm } from "@/components/trials/confirm-delete-form";
import { DefendantForm } from "@/components/trials/defendant-form";
import { Card } from "@/components/ui/card";
import { Disclosure } from "@/components/ui/disclosure";
import { formatInstant } from "@/lib/time/format";
import type { getTrialWatch } from "@/lib/trials/trials";
import { deleteCaseAction, removeDefendantAction, saveDefendantAction, updateCaseAction } from "../../trial-actions";

type TrialCase = Awaited<ReturnType<typeof getTrialWatch>>["cases"][number];

/** Whether a defendant or an update is on the public page. */
export function Visibility({ isPublic, labels }: { isPublic: boolean; labels: { public: string; internal: string } }) {
  return (
    <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${isPublic ? "bg-green-100 text-green-900" : "bg-stone-200 text-stone-800"}`}>
      {isPublic ? labels.public : labels.internal}
    </span>
  );
}

/** One case of the trial watch: its defendants, its hearings, and for organizers the forms that change them. */
export async function CasePanel({
  trialCase: c,
  canEdit,
  org,
  campaign,
  campaignId,
}: {
  trialCase: TrialCase;
  canEdit: boolean;
  org: string;
  campaign: string;
  campaignId: string;
}) {
  const t = await getTranslations("trials.dashboard");
  const locale = await getLocale();
  const base = `/dashboard/${org}/campaigns/${campaign}`;
  const labels = { public: t("public"), internal: t("internal") };
  return (
    <Card>
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
                  <Disclosure summary={t("defendants.edit")}>
                    <DefendantForm
                      action={saveDefendantAction}
                      org={org}
                      campaign={campaign}
                      caseId={c.id}
                      value={{ id: d.id, name: d.name, status: d.status, sentence: d.sentence, notes: d.notes, isPublic: d.isPublic }}
                    />
                    <ConfirmDeleteForm
                      id={`remove-defendant-${d.id}`}
                      action={removeDefendantAction}
                      fields={{ org, campaign, defendantId: d.id }}
                      label={t("defendants.remove")}
                      title={t("defendants.removeTitle", { name: d.name })}
                      body={t("defendants.removeBody")}
                      confirmLabel={t("defendants.removeConfirm")}
                      cancelLabel={t("case.keep")}
                    />
                  </Disclosure>
                ) : null}
              </li>
            ))}
          </ul>
          {canEdit ? (
            <Disclosure summary={t("defendants.add")} tone="box">
              <DefendantForm action={saveDefendantAction} org={org} campaign={campaign} caseId={c.id} />
            </Disclosure>
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
          <Disclosure summary={t("case.edit")} tone="box" className="">
            <CaseForm action={updateCaseAction} org={org} campaign={campaign} campaignId={campaignId} value={c} />
            <ConfirmDeleteForm
              id={`delete-case-${c.id}`}
              action={deleteCaseAction}
              fields={{ org, campaign, caseId: c.id }}
              label={t("case.delete")}
              title={t("case.deleteTitle", { name: c.name })}
              body={t("case.deleteBody")}
              confirmLabel={t("case.deleteConfirm")}
              cancelLabel={t("case.keep")}
            />
          </Disclosure>
        ) : null}
      </div>
    </Card>
  );
}
