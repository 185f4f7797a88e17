"use client";
import { useLocale, useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormOutcome } from "@/components/dashboard/form-outcome";
import { useFormKey } from "@/components/dashboard/use-form-key";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { useMessageText } from "@/components/ui/message";
import { SubmitButton } from "@/components/ui/submit-button";
import { CAMPAIGN_KINDS } from "@/lib/campaigns/schemas";
import { fieldError, idle, keptValue, type FormAction } from "@/lib/forms";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/config";

export interface CampaignValues {
  id: string;
  slug: string;
  title: string;
  kind: string;
  summary: string;
  body: string;
  appealUrl: string | null;
  /** One origin a line. */
  signupOrigins: string;
  retentionDays: number;
  status: string;
  /** The language its text is written in. */
  language: string;
}

/** Creates a campaign (no `campaign`) or edits one. Works without JavaScript. */
export function CampaignForm({ action, org, campaign }: { action: FormAction; org: string; campaign?: CampaignValues }) {
  const t = useTranslations("editor.campaign");
  const tk = useTranslations("editor.campaignKinds");
  const msg = useMessageText();
  const [state, formAction] = useActionState(action, idle);
  const formKey = useFormKey(state);
  const value = (name: keyof CampaignValues & string, fallback = "") => keptValue(state, name) ?? String(campaign?.[name] ?? fallback);
  const error = (name: string) => msg(fieldError(state, name));
  const slugFixed = campaign !== undefined && campaign.status !== "draft";
  const locale = useLocale();
  return (
    <form key={formKey} action={formAction} className="space-y-5" noValidate data-testid="campaign-form">
      <input type="hidden" name="org" value={org} />
      {campaign ? <input type="hidden" name="campaignId" value={campaign.id} /> : null}
      <FormOutcome state={state} />
      <TextField name="title" required maxLength={160} label={t("title")} hint={t("titleHint")} defaultValue={value("title")} error={error("title")} />
      <SelectField name="kind" required label={t("kind")} hint={t("kindHint")} defaultValue={value("kind", "embassy_protest")} error={error("kind")}>
        {CAMPAIGN_KINDS.map((k) => (
          <option key={k} value={k}>
            {tk(k)}
          </option>
        ))}
      </SelectField>
      <SelectField name="language" required label={t("language")} hint={t("languageHint")} defaultValue={value("language", locale)} error={error("language")}>
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        name="summary"
        rows={3}
        maxLength={500}
        label={t("summary")}
        hint={t("summaryHint")}
        defaultValue={value("summary")}
        error={error("summary")}
      />
      <TextAreaField name="body" rows={10} label={t("body")} hint={t("bodyHint")} defaultValue={value("body")} error={error("body")} />
      <TextField
        name="appealUrl"
        type="url"
        inputMode="url"
        label={t("appealUrl")}
        hint={t("appealUrlHint")}
        placeholder="https://"
        defaultValue={value("appealUrl")}
        error={error("appealUrl")}
      />
      <TextAreaField
        name="signupOrigins"
        rows={2}
        autoCapitalize="none"
        spellCheck={false}
        label={t("signupOrigins")}
        hint={t("signupOriginsHint")}
        placeholder="https://partner.example.org"
        defaultValue={value("signupOrigins")}
        error={error("signupOrigins")}
      />
      <div className="max-w-md">
        <TextField
          name="retentionDays"
          inputMode="numeric"
          required
          label={t("retentionDays")}
          hint={t("retentionDaysHint")}
          defaultValue={value("retentionDays", "30")}
          error={error("retentionDays")}
        />
      </div>
      {slugFixed ? (
        <TextField
          name="slug"
          readOnly
          label={t("slugFixedLabel")}
          hint={t("slugFixed")}
          defaultValue={campaign.slug}
          className="mt-1 block w-full rounded-md border border-stone-200 bg-stone-100 px-3 py-2 font-mono text-sm text-stone-700"
        />
      ) : (
        <TextField
          name="slug"
          maxLength={60}
          autoCapitalize="none"
          spellCheck={false}
          label={t("slug")}
          hint={campaign ? t("slugHintDraft") : t("slugHint")}
          defaultValue={value("slug")}
          error={error("slug")}
        />
      )}
      <SubmitButton pendingLabel={campaign ? t("saving") : t("creating")}>{campaign ? t("save") : t("create")}</SubmitButton>
    </form>
  );
}
