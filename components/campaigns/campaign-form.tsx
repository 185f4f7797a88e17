"use client";
import { useLocale, useTranslations } from "next-intl";
import { FormOutcome } from "@/components/dashboard/form-outcome";
import { CheckboxField } from "@/components/events/checkbox-field";
import { useFormKey } from "@/components/dashboard/use-form-key";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { LanguageSelect } from "@/components/ui/language-select";
import { Options } from "@/components/ui/options";
import { SlugField } from "@/components/ui/slug-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useForm } from "@/components/ui/use-form";
import { CAMPAIGN_KINDS } from "@/lib/campaigns/schemas";
import type { FormAction } from "@/lib/forms";

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
  /** Supporters may propose events of their own. */
  acceptsProposals: boolean;
  /** Followable from the fediverse. */
  federated: boolean;
  status: string;
  /** The language its text is written in. */
  language: string;
}

/** Creates a campaign (no `campaign`) or edits one. Works without JavaScript. */
/** `fediverseHost`: the site's host, for the handle followers find the campaign by (@slug@host). */
export function CampaignForm({ action, org, campaign, fediverseHost }: { action: FormAction; org: string; campaign?: CampaignValues; fediverseHost: string }) {
  const t = useTranslations("editor.campaign");
  const tk = useTranslations("editor.campaignKinds");
  const locale = useLocale();
  const { state, formAction, field, checked } = useForm<CampaignValues>(action, {
    values: campaign ?? { kind: "embassy_protest", language: locale, retentionDays: 30, federated: true },
  });
  const formKey = useFormKey(state);
  const slugFixed = campaign !== undefined && campaign.status !== "draft";
  return (
    <form key={formKey} action={formAction} className="space-y-5" noValidate data-testid="campaign-form">
      <HiddenFields values={{ org, campaignId: campaign?.id }} />
      <FormOutcome state={state} />
      <TextField {...field("title")} required maxLength={160} label={t("title")} hint={t("titleHint")} />
      <SelectField {...field("kind")} required label={t("kind")} hint={t("kindHint")}>
        <Options values={CAMPAIGN_KINDS} label={(k) => tk(k)} />
      </SelectField>
      <LanguageSelect {...field("language")} label={t("language")} hint={t("languageHint")} />
      <TextAreaField {...field("summary")} rows={3} maxLength={500} label={t("summary")} hint={t("summaryHint")} />
      <TextAreaField {...field("body")} rows={10} label={t("body")} hint={t("bodyHint")} />
      <TextField {...field("appealUrl")} type="url" inputMode="url" label={t("appealUrl")} hint={t("appealUrlHint")} placeholder="https://" />
      <TextAreaField
        {...field("signupOrigins")}
        rows={2}
        autoCapitalize="none"
        spellCheck={false}
        label={t("signupOrigins")}
        hint={t("signupOriginsHint")}
        placeholder="https://partner.example.org"
      />
      <CheckboxField
        name="acceptsProposals"
        value="on"
        defaultChecked={checked("acceptsProposals")}
        label={t("acceptsProposals")}
        hint={t("acceptsProposalsHint")}
      />
      {/* Unchecked, the box sends nothing: this says "off" first, and the box's "on" comes after it. */}
      <input type="hidden" name="federated" value="off" />
      <CheckboxField
        name="federated"
        value="on"
        defaultChecked={checked("federated")}
        label={t("federated")}
        hint={t("federatedHint", { handle: `@${campaign?.slug ?? "…"}@${fediverseHost}` })}
      />
      <div className="max-w-md">
        <TextField {...field("retentionDays")} inputMode="numeric" required label={t("retentionDays")} hint={t("retentionDaysHint")} />
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
        <SlugField {...field("slug")} label={t("slug")} hint={campaign ? t("slugHintDraft") : t("slugHint")} />
      )}
      <SubmitButton pendingLabel={campaign ? t("saving") : t("creating")}>{campaign ? t("save") : t("create")}</SubmitButton>
    </form>
  );
}
