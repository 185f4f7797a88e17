"use client";
import { useTranslations } from "next-intl";
import { FormOutcome } from "@/components/dashboard/form-outcome";
import { TextAreaField } from "@/components/ui/field";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { SubmitButton } from "@/components/ui/submit-button";
import { useForm } from "@/components/ui/use-form";
import type { FormAction } from "@/lib/forms";

/** Declines a proposal with a note, which the host gets by email. */
export function DeclineProposalForm({ action, org, campaign, proposalId }: { action: FormAction; org: string; campaign: string; proposalId: string }) {
  const t = useTranslations("hosts.dashboard");
  const { state, formAction, field } = useForm(action);
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <HiddenFields values={{ org, campaign, proposalId }} />
      <FormOutcome state={state} />
      <TextAreaField {...field("note")} rows={3} maxLength={1000} label={t("note")} hint={t("noteHint")} />
      <SubmitButton variant="danger" pendingLabel={t("declining")}>
        {t("decline")}
      </SubmitButton>
    </form>
  );
}
