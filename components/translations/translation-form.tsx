"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormOutcome } from "@/components/dashboard/form-outcome";
import { useFormKey } from "@/components/dashboard/use-form-key";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { useMessageText } from "@/components/ui/message";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldError, idle, keptValue, type FormAction } from "@/lib/forms";

export interface TranslationValues {
  locale: string;
  title: string;
  summary?: string;
  body?: string;
  description?: string;
}

/** Adds or edits one translation of a campaign (title, summary, text) or an event (title, description). */
export function TranslationForm({
  action,
  kind,
  hidden,
  languages,
  existing,
  id,
}: {
  action: FormAction;
  kind: "campaign" | "event";
  hidden: Record<string, string>;
  languages: { code: string; name: string }[];
  existing?: TranslationValues;
  id: string;
}) {
  const t = useTranslations("translations.dashboard");
  const msg = useMessageText();
  const [state, formAction] = useActionState(action, idle);
  const formKey = useFormKey(state);
  const p = `${id}-`;
  const v = (name: keyof TranslationValues) => keptValue(state, name) ?? existing?.[name] ?? "";
  const err = (name: string) => msg(fieldError(state, name));
  return (
    <form key={formKey} action={formAction} className="space-y-4" noValidate>
      {Object.entries(hidden).map(([k, value]) => (
        <input key={k} type="hidden" name={k} value={value} />
      ))}
      <input type="hidden" name="prefix" value={p} />
      <FormOutcome state={state} />
      {existing ? (
        <input type="hidden" name={`${p}locale`} value={existing.locale} />
      ) : (
        <SelectField name={`${p}locale`} required label={t("language")} defaultValue={v("locale")} error={err("locale")}>
          {languages.map((l) => (
            <option key={l.code} value={l.code} lang={l.code}>
              {l.name}
            </option>
          ))}
        </SelectField>
      )}
      <TextField name={`${p}title`} required maxLength={160} label={t("titleField")} defaultValue={v("title")} error={err("title")} />
      {kind === "campaign" ? (
        <>
          <TextAreaField
            name={`${p}summary`}
            rows={2}
            maxLength={500}
            label={t("summary")}
            hint={t("emptyHint")}
            defaultValue={v("summary")}
            error={err("summary")}
          />
          <TextAreaField
            name={`${p}body`}
            rows={8}
            label={t("body")}
            hint={`${t("markdownHint")} ${t("emptyHint")}`}
            defaultValue={v("body")}
            error={err("body")}
          />
        </>
      ) : (
        <TextAreaField
          name={`${p}description`}
          rows={6}
          label={t("description")}
          hint={`${t("markdownHint")} ${t("emptyHint")}`}
          defaultValue={v("description")}
          error={err("description")}
        />
      )}
      <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
    </form>
  );
}
