"use client";
import { useTranslations } from "next-intl";
import { FormOutcome } from "@/components/dashboard/form-outcome";
import { useFormKey } from "@/components/dashboard/use-form-key";
import { CheckboxField } from "@/components/events/checkbox-field";
import { Alert } from "@/components/ui/alert";
import { CopyButton } from "@/components/ui/copy-button";
import { SelectField, TextField } from "@/components/ui/field";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { SubmitButton } from "@/components/ui/submit-button";
import { useForm } from "@/components/ui/use-form";
import type { FormAction } from "@/lib/forms";

interface WebhookValues {
  url: string;
  campaign: string;
  secret: string;
  personal: boolean;
}

/** The secret Picket made, shown this once, with a way to copy it. */
function SecretShownOnce({ secret }: { secret: string }) {
  const t = useTranslations("webhooks.created");
  return (
    <div className="mb-5 space-y-3 rounded-md border border-green-300 bg-green-50 p-4" role="status" data-testid="webhook-secret-once">
      <p className="font-semibold text-green-900">{t("title")}</p>
      <p className="text-sm text-green-900">{t("body")}</p>
      <label htmlFor="webhook-secret" className="block text-sm font-medium text-stone-800">
        {t("secret")}
      </label>
      <input
        id="webhook-secret"
        readOnly
        value={secret}
        className="block w-full rounded-md border border-stone-300 bg-white px-3 py-2 font-mono text-sm"
        data-testid="webhook-secret"
        onFocus={(e) => e.currentTarget.select()}
      />
      <CopyButton value={secret} label={t("copy")} copiedLabel={t("copied")} targetId="webhook-secret" />
    </div>
  );
}

/** Registers a webhook. Works without JavaScript; the address is checked on the server, its message shown beside it. */
export function WebhookForm({ action, org, campaigns }: { action: FormAction; org: string; campaigns: { id: string; title: string }[] }) {
  const t = useTranslations("webhooks");
  const { state, formAction, field, checked } = useForm<WebhookValues>(action, { values: {} });
  const formKey = useFormKey(state);
  const secret = state.status === "ok" ? state.data?.secret : undefined;
  return (
    <>
      {state.status === "ok" ? secret ? <SecretShownOnce secret={secret} /> : <Alert tone="success">{t("created.own")}</Alert> : null}
      <form key={formKey} action={formAction} className="mt-4 space-y-5" noValidate data-testid="webhook-form">
        <HiddenFields values={{ org }} />
        {state.status === "error" ? <FormOutcome state={state} /> : null}
        <TextField
          {...field("url")}
          type="url"
          inputMode="url"
          autoCapitalize="none"
          spellCheck={false}
          required
          maxLength={2000}
          label={t("form.url")}
          hint={t("form.urlHint")}
          placeholder="https://"
        />
        <SelectField {...field("campaign")} label={t("form.campaign")} hint={t("form.campaignHint")}>
          <option value="">{t("list.allCampaigns")}</option>
          {campaigns.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
            </option>
          ))}
        </SelectField>
        <TextField
          {...field("secret")}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={200}
          label={t("form.secret")}
          hint={t("form.secretHint")}
        />
        <div className="rounded-md border border-amber-300 bg-amber-50 p-3">
          <CheckboxField name="personal" label={t("form.personal")} hint={t("form.personalWarning")} defaultChecked={checked("personal")} />
        </div>
        <SubmitButton pendingLabel={t("form.submitting")}>{t("form.submit")}</SubmitButton>
      </form>
    </>
  );
}
