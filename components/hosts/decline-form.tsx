"use client";
import { useTranslations } from "next-intl";
import { FormOutcome } from "@/components/dashboard/form-outcome";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { TextAreaField } from "@/components/ui/field";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { useForm } from "@/components/ui/use-form";
import type { FormAction } from "@/lib/forms";

/** Declines a proposal with a note, which the host gets by email; asks first (the host's details are erased). */
export function DeclineProposalForm({
  action,
  org,
  campaign,
  proposalId,
  title,
}: {
  action: FormAction;
  org: string;
  campaign: string;
  proposalId: string;
  title: string;
}) {
  const t = useTranslations("hosts.dashboard");
  const { formAction, field, state } = useForm(action);
  const formId = `decline-${proposalId}`;
  return (
    <form id={formId} action={formAction} className="space-y-3" noValidate>
      <HiddenFields values={{ org, campaign, proposalId }} />
      <FormOutcome state={state} />
      <TextAreaField {...field("note")} rows={3} maxLength={1000} label={t("note")} hint={t("noteHint")} />
      <ConfirmButton
        formId={formId}
        label={t("decline")}
        title={t("declineConfirmTitle", { title })}
        body={t("noteHint")}
        confirmLabel={t("decline")}
        cancelLabel={t("keep")}
      />
    </form>
  );
}
