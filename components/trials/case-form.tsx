"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormOutcome } from "@/components/dashboard/form-outcome";
import { useFormKey } from "@/components/dashboard/use-form-key";
import { TextAreaField, TextField } from "@/components/ui/field";
import { useMessageText } from "@/components/ui/message";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldError, idle, keptValue, type FormAction } from "@/lib/forms";

export interface CaseValues {
  id: string;
  name: string;
  court: string;
  caseNumber: string;
  charges: string;
  summary: string;
}

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
  value?: CaseValues;
}) {
  const t = useTranslations("trials.dashboard.case");
  const msg = useMessageText();
  const [state, formAction] = useActionState(action, idle);
  const formKey = useFormKey(state);
  const p = value ? `case-${value.id}-` : "case-new-";
  const v = (name: keyof CaseValues) => keptValue(state, name) ?? value?.[name] ?? "";
  const field = (name: keyof CaseValues) => ({ name: `${p}${name}`, defaultValue: v(name), error: msg(fieldError(state, name)) });
  return (
    <form key={formKey} action={formAction} className="space-y-4" noValidate data-testid="case-form">
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="campaign" value={campaign} />
      <input type="hidden" name="campaignId" value={campaignId} />
      <input type="hidden" name="prefix" value={p} />
      {value ? <input type="hidden" name="caseId" value={value.id} /> : null}
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
