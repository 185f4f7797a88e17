"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormOutcome } from "@/components/dashboard/form-outcome";
import { SelectField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { SubmitButton } from "@/components/ui/submit-button";
import { useForm } from "@/components/ui/use-form";
import { idle, type FormAction } from "@/lib/forms";

/** The owner chooses which of their organisations co-hosts the campaign. */
export function AcceptPartnerForm({ action, token, organisations }: { action: FormAction; token: string; organisations: { id: string; name: string }[] }) {
  const t = useTranslations("partners.accept");
  const { state, formAction, field } = useForm(action, { values: { orgId: organisations[0]?.id ?? "" } });
  return (
    <form action={formAction} className="space-y-4">
      <FormError state={state} />
      <HiddenFields values={{ token }} />
      <SelectField {...field("orgId")} required label={t("organisation")} hint={t("organisationHint")}>
        {organisations.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </SelectField>
      <SubmitButton pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
    </form>
  );
}

/** Makes a one-use link for another organisation's owner; the link is shown once, here, to be sent by hand. */
export function PartnerInviteForm({ action, org, campaignId }: { action: FormAction; org: string; campaignId: string }) {
  const t = useTranslations("partners");
  const [state, formAction] = useActionState(action, idle);
  const url = state.status === "ok" ? state.data?.url : undefined;
  return (
    <form action={formAction} className="space-y-3" data-testid="partner-invite">
      <HiddenFields values={{ org, campaignId }} />
      <FormOutcome state={state.status === "ok" ? idle : state} />
      {url ? (
        <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
          <p className="font-medium">{t("linkMade")}</p>
          <p className="mt-2 break-all rounded bg-white p-2 font-mono ring-1 ring-stone-300" data-testid="partner-link">
            {url}
          </p>
        </div>
      ) : null}
      <SubmitButton variant="secondary" pendingLabel={t("making")}>
        {t("makeLink")}
      </SubmitButton>
    </form>
  );
}
