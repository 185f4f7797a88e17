"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormOutcome } from "@/components/dashboard/form-outcome";
import { useFormKey } from "@/components/dashboard/use-form-key";
import { CheckboxField } from "@/components/events/checkbox-field";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { useMessageText } from "@/components/ui/message";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldError, idle, keptValue, type FormAction } from "@/lib/forms";
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
  const msg = useMessageText();
  const [state, formAction] = useActionState(action, idle);
  const formKey = useFormKey(state);
  const p = value ? `def-${value.id}-` : `def-new-${caseId}-`;
  const v = (name: "name" | "status" | "sentence" | "notes") => keptValue(state, name) ?? value?.[name] ?? "";
  const field = (name: "name" | "status" | "sentence" | "notes") => ({ name: `${p}${name}`, defaultValue: v(name), error: msg(fieldError(state, name)) });
  const isPublic = state.status === "error" ? state.values.isPublic === "on" : (value?.isPublic ?? false);
  return (
    <form key={formKey} action={formAction} className="space-y-4" noValidate data-testid="defendant-form">
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="campaign" value={campaign} />
      <input type="hidden" name="prefix" value={p} />
      <input type="hidden" name={`${p}caseId`} value={caseId} />
      {value ? <input type="hidden" name="defendantId" value={value.id} /> : null}
      <FormOutcome state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField {...field("name")} required maxLength={120} label={t("name")} hint={t("nameHint")} />
        <SelectField {...field("status")} required defaultValue={v("status") || "on_trial"} label={t("status")}>
          {DEFENDANT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {ts(s)}
            </option>
          ))}
        </SelectField>
      </div>
      <TextField {...field("sentence")} maxLength={300} label={t("sentence")} />
      <TextAreaField {...field("notes")} rows={2} maxLength={2000} label={t("notes")} hint={t("notesHint")} />
      <CheckboxField name={`${p}isPublic`} id={`${p}isPublic`} value="on" defaultChecked={isPublic} label={t("isPublic")} hint={t("isPublicHint")} />
      <SubmitButton variant="secondary" pendingLabel={value ? t("saving") : t("creating")}>
        {value ? t("save") : t("create")}
      </SubmitButton>
    </form>
  );
}
