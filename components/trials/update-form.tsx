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
  const msg = useMessageText();
  const [state, formAction] = useActionState(action, idle);
  const formKey = useFormKey(state);
  // Each form's fields have their own ids: the page holds one form per update besides the new one.
  const p = value ? `update-${value.id}-` : "update-";
  const v = (name: string, fallback = "") => keptValue(state, name) ?? fallback;
  const err = (name: string) => msg(fieldError(state, name));
  const isPublic = state.status === "error" ? state.values.isPublic === "on" : (value?.isPublic ?? true);
  return (
    <form key={formKey} action={formAction} className="space-y-4" noValidate data-testid={value ? "update-edit-form" : "update-form"}>
      {value ? <input type="hidden" name="updateId" value={value.id} /> : null}
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="campaign" value={campaign} />
      <input type="hidden" name="campaignId" value={campaignId} />
      <input type="hidden" name="prefix" value={p} />
      <input type="hidden" name={`${p}timeZone`} value={timeZone} />
      <FormOutcome state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField name={`${p}kind`} required label={t("kind")} defaultValue={v("kind", value?.kind ?? "update")} error={err("kind")}>
          {UPDATE_KINDS.map((k) => (
            <option key={k} value={k}>
              {tk(k)}
            </option>
          ))}
        </SelectField>
        <SelectField
          name={`${p}caseId`}
          label={t("case")}
          defaultValue={v("caseId", value ? (value.caseId ?? "") : cases.length === 1 ? cases[0]!.id : "")}
          error={err("caseId")}
        >
          <option value="">{t("noCase")}</option>
          {cases.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
      </div>
      <TextField
        name={`${p}title`}
        required
        maxLength={200}
        label={t("titleField")}
        hint={t("titleHint")}
        defaultValue={v("title", value?.title)}
        error={err("title")}
      />
      <TextAreaField name={`${p}body`} rows={5} label={t("body")} hint={t("bodyHint")} defaultValue={v("body", value?.body)} error={err("body")} />
      <div className="max-w-xs">
        <TextField
          name={`${p}postedLocal`}
          type="datetime-local"
          required
          label={t("postedLocal")}
          hint={t("postedHint", { zone: timeZone })}
          defaultValue={v("postedLocal", value?.postedLocal ?? nowLocal)}
          error={err("postedLocal")}
        />
      </div>
      <CheckboxField name={`${p}isPublic`} id={`${p}isPublic`} value="on" defaultChecked={isPublic} label={t("isPublic")} hint={t("isPublicHint")} />
      <SubmitButton pendingLabel={value ? t("saving") : t("creating")}>{value ? t("save") : t("create")}</SubmitButton>
    </form>
  );
}
