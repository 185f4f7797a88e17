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
import { UPDATE_KINDS } from "@/lib/trials/schemas";

/** Posts a dated update (news, a verdict), public or internal. */
export function UpdateForm({ action, org, campaign, campaignId, cases, timeZone, nowLocal }: { action: FormAction; org: string; campaign: string; campaignId: string; cases: { id: string; name: string }[]; timeZone: string; nowLocal: string }) {
  const t = useTranslations("trialsUI.updates");
  const tk = useTranslations("trialsUI.updateKinds");
  const msg = useMessageText();
  const [state, formAction] = useActionState(action, idle);
  const formKey = useFormKey(state);
  const p = "update-";
  const v = (name: string, fallback = "") => keptValue(state, name) ?? fallback;
  const err = (name: string) => msg(fieldError(state, name));
  const isPublic = state.status === "error" ? state.values.isPublic === "on" : true;
  return (
    <form key={formKey} action={formAction} className="space-y-4" noValidate data-testid="update-form">
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="campaign" value={campaign} />
      <input type="hidden" name="campaignId" value={campaignId} />
      <input type="hidden" name="prefix" value={p} />
      <input type="hidden" name={`${p}timeZone`} value={timeZone} />
      <FormOutcome state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField name={`${p}kind`} label={t("kind")} defaultValue={v("kind", "update")} error={err("kind")}>
          {UPDATE_KINDS.map((k) => (
            <option key={k} value={k}>
              {tk(k)}
            </option>
          ))}
        </SelectField>
        <SelectField name={`${p}caseId`} label={t("case")} defaultValue={v("caseId", cases.length === 1 ? cases[0]!.id : "")} error={err("caseId")}>
          <option value="">{t("noCase")}</option>
          {cases.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
      </div>
      <TextField name={`${p}title`} required maxLength={200} label={t("titleField")} hint={t("titleHint")} defaultValue={v("title")} error={err("title")} />
      <TextAreaField name={`${p}body`} rows={5} label={t("body")} hint={t("bodyHint")} defaultValue={v("body")} error={err("body")} />
      <div className="max-w-xs">
        <TextField name={`${p}postedLocal`} type="datetime-local" required label={t("postedLocal")} hint={t("postedHint", { zone: timeZone })} defaultValue={v("postedLocal", nowLocal)} error={err("postedLocal")} />
      </div>
      <CheckboxField name={`${p}isPublic`} id={`${p}isPublic`} value="on" defaultChecked={isPublic} label={t("isPublic")} hint={t("isPublicHint")} />
      <SubmitButton pendingLabel={t("creating")}>{t("create")}</SubmitButton>
    </form>
  );
}
