"use client";
import { useTranslations } from "next-intl";
import { FormOutcome } from "@/components/dashboard/form-outcome";
import { useFormKey } from "@/components/dashboard/use-form-key";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { SubmitButton } from "@/components/ui/submit-button";
import { useForm } from "@/components/ui/use-form";
import type { FormAction } from "@/lib/forms";

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
  const p = `${id}-`;
  const { state, formAction, field } = useForm<TranslationValues>(action, { prefix: p, values: existing ?? {} });
  const formKey = useFormKey(state);
  return (
    <form key={formKey} action={formAction} className="space-y-4" noValidate>
      <HiddenFields values={{ ...hidden, prefix: p }} />
      <FormOutcome state={state} />
      {existing ? (
        <input type="hidden" name={`${p}locale`} value={existing.locale} />
      ) : (
        <SelectField {...field("locale")} required label={t("language")}>
          {languages.map((l) => (
            <option key={l.code} value={l.code} lang={l.code}>
              {l.name}
            </option>
          ))}
        </SelectField>
      )}
      <TextField {...field("title")} required maxLength={160} label={t("titleField")} />
      {kind === "campaign" ? (
        <>
          <TextAreaField {...field("summary")} rows={2} maxLength={500} label={t("summary")} hint={t("emptyHint")} />
          <TextAreaField {...field("body")} rows={8} label={t("body")} hint={`${t("markdownHint")} ${t("emptyHint")}`} />
        </>
      ) : (
        <TextAreaField {...field("description")} rows={6} label={t("description")} hint={`${t("markdownHint")} ${t("emptyHint")}`} />
      )}
      <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
    </form>
  );
}
