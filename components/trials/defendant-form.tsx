"use client";
import { useTranslations } from "next-intl";
import { FormOutcome } from "@/components/dashboard/form-outcome";
import { useFormKey } from "@/components/dashboard/use-form-key";
import { CheckboxField } from "@/components/events/checkbox-field";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { Options } from "@/components/ui/options";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { SubmitButton } from "@/components/ui/submit-button";
import { useForm } from "@/components/ui/use-form";
import type { FormAction } from "@/lib/forms";
import { DEFENDANT_STATUSES } from "@/lib/trials/schemas";

export interface DefendantValues {
  id: string;
  name: string;
  status: string;
  sentence: string;
  notes: string;
  isPublic: boolean;
}

/** Adds a defendant to a case (no `value`) or edits one. */
export function DefendantForm({
  action,
  org,
  campaign,
  caseId,
  value,
}: {
  action: FormAction;
  org: string;
  campaign: string;
  caseId: string;
  value?: DefendantValues;
}) {
  const t = useTranslations("trials.dashboard.defendants");
  const ts = useTranslations("trials.dashboard.defendantStatus");
  const p = value ? `def-${value.id}-` : `def-new-${caseId}-`;
  const { state, formAction, field, value: shown, checked } = useForm<DefendantValues>(action, { prefix: p, values: value ?? {} });
  const formKey = useFormKey(state);
  return (
    <form key={formKey} action={formAction} className="space-y-4" noValidate data-testid="defendant-form">
      <HiddenFields values={{ org, campaign, prefix: p, [`${p}caseId`]: caseId, defendantId: value?.id }} />
      <FormOutcome state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField {...field("name")} required maxLength={120} label={t("name")} hint={t("nameHint")} />
        <SelectField {...field("status")} required defaultValue={shown("status") || "on_trial"} label={t("status")}>
          <Options values={DEFENDANT_STATUSES} label={(s) => ts(s)} />
        </SelectField>
      </div>
      <TextField {...field("sentence")} maxLength={300} label={t("sentence")} />
      <TextAreaField {...field("notes")} rows={2} maxLength={2000} label={t("notes")} hint={t("notesHint")} />
      <CheckboxField name={`${p}isPublic`} id={`${p}isPublic`} value="on" defaultChecked={checked("isPublic")} label={t("isPublic")} hint={t("isPublicHint")} />
      <SubmitButton variant="secondary" pendingLabel={value ? t("saving") : t("creating")}>
        {value ? t("save") : t("create")}
      </SubmitButton>
    </form>
  );
}
