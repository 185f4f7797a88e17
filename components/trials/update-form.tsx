"use client";
import { useTranslations } from "next-intl";
import { FormOutcome } from "@/components/dashboard/form-outcome";
import { useFormKey } from "@/components/dashboard/use-form-key";
import { CheckboxField } from "@/components/events/checkbox-field";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { Options } from "@/components/ui/options";
import { SubmitButton } from "@/components/ui/submit-button";
import { useForm } from "@/components/ui/use-form";
import type { FormAction } from "@/lib/forms";
import { UPDATE_KINDS } from "@/lib/trials/schemas";
import { CaseOptions, soleCaseId } from "./case-options";

export interface UpdateValue {
  id: string;
  kind: string;
  caseId: string | null;
  title: string;
  body: string;
  /** The time it was posted, as the court's wall clock shows it ("2026-12-20T10:00"). */
  postedLocal: string;
  isPublic: boolean;
}

/** Posts a dated update (news, a verdict), public or internal; with `value`, edits that update. */
export function UpdateForm({
  action,
  org,
  campaign,
  campaignId,
  cases,
  timeZone,
  nowLocal,
  value,
}: {
  action: FormAction;
  org: string;
  campaign: string;
  campaignId: string;
  cases: { id: string; name: string }[];
  timeZone: string;
  nowLocal: string;
  value?: UpdateValue;
}) {
  const t = useTranslations("trials.dashboard.updates");
  const tk = useTranslations("trials.dashboard.updateKinds");
  // Each form's fields have their own ids: the page holds one form per update besides the new one.
  const p = value ? `update-${value.id}-` : "update-";
  const { state, formAction, field, checked } = useForm(action, {
    prefix: p,
    values: {
      kind: value?.kind ?? "update",
      caseId: value ? value.caseId : soleCaseId(cases),
      title: value?.title,
      body: value?.body,
      postedLocal: value?.postedLocal ?? nowLocal,
      isPublic: value?.isPublic ?? true,
    },
  });
  const formKey = useFormKey(state);
  return (
    <form key={formKey} action={formAction} className="space-y-4" noValidate data-testid={value ? "update-edit-form" : "update-form"}>
      <HiddenFields values={{ updateId: value?.id, org, campaign, campaignId, prefix: p, [`${p}timeZone`]: timeZone }} />
      <FormOutcome state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField {...field("kind")} required label={t("kind")}>
          <Options values={UPDATE_KINDS} label={(k) => tk(k)} />
        </SelectField>
        <SelectField {...field("caseId")} label={t("case")}>
          <CaseOptions cases={cases} none={t("noCase")} />
        </SelectField>
      </div>
      <TextField {...field("title")} required maxLength={200} label={t("titleField")} hint={t("titleHint")} />
      <TextAreaField {...field("body")} rows={5} label={t("body")} hint={t("bodyHint")} />
      <div className="max-w-xs">
        <TextField {...field("postedLocal")} type="datetime-local" required label={t("postedLocal")} hint={t("postedHint", { zone: timeZone })} />
      </div>
      <CheckboxField name={`${p}isPublic`} id={`${p}isPublic`} value="on" defaultChecked={checked("isPublic")} label={t("isPublic")} hint={t("isPublicHint")} />
      <SubmitButton pendingLabel={value ? t("saving") : t("creating")}>{value ? t("save") : t("create")}</SubmitButton>
    </form>
  );
}
