"use client";
import { useTranslations } from "next-intl";
import { FormOutcome } from "@/components/dashboard/form-outcome";
import { useFormKey } from "@/components/dashboard/use-form-key";
import { TextAreaField, TextField } from "@/components/ui/field";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { SubmitButton } from "@/components/ui/submit-button";
import { useForm } from "@/components/ui/use-form";
import type { FormAction } from "@/lib/forms";
import type { CaseFields } from "@/lib/trials/schemas";

/** Adds a case to the campaign (no `value`) or edits one. Field names carry a prefix: one page holds many of these forms. */
export function CaseForm({
  action,
  org,
  campaign,
  campaignId,
  value,
}: {
  action: FormAction;
  org: string;
  campaign: string;
  campaignId: string;
  value?: CaseFields;
}) {
  const t = useTranslations("trials.dashboard.case");
  const p = value ? `case-${value.id}-` : "case-new-";
  const { state, formAction, field } = useForm<CaseFields>(action, { prefix: p, values: value ?? {} });
  const formKey = useFormKey(state);
  return (
    <form key={formKey} action={formAction} className="space-y-4" noValidate data-testid="case-form">
      <HiddenFields values={{ org, campaign, campaignId, prefix: p, caseId: value?.id }} />
      <FormOutcome state={state} />
      <TextField {...field("name")} required maxLength={200} label={t("name")} hint={t("nameHint")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField {...field("court")} maxLength={200} label={t("court")} />
        <TextField {...field("caseNumber")} maxLength={100} label={t("caseNumber")} />
      </div>
      <TextAreaField {...field("charges")} rows={2} maxLength={1000} label={t("charges")} />
      <TextAreaField {...field("summary")} rows={3} maxLength={5000} label={t("summary")} />
      <SubmitButton variant={value ? "secondary" : "primary"} pendingLabel={value ? t("saving") : t("creating")}>
        {value ? t("save") : t("create")}
      </SubmitButton>
    </form>
  );
}
