"use client";
import { useTranslations } from "next-intl";
import { FormOutcome } from "@/components/dashboard/form-outcome";
import { useFormKey } from "@/components/dashboard/use-form-key";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { TextAreaField } from "@/components/ui/field";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { useForm } from "@/components/ui/use-form";
import type { FormAction } from "@/lib/forms";

export const CANCEL_PREFIX = "cancel-";

/** Cancels the event after asking; the reason is shown on the public page. */
export function CancelEventForm({
  action,
  org,
  campaign,
  eventId,
  eventTitle,
  signups,
}: {
  action: FormAction;
  org: string;
  campaign: string;
  eventId: string;
  eventTitle: string;
  signups: number;
}) {
  const t = useTranslations("editor.cancel");
  const { state, formAction, field } = useForm(action, { prefix: CANCEL_PREFIX });
  const formKey = useFormKey(state);
  const formId = `cancel-event-${eventId}`;
  return (
    <form key={formKey} id={formId} action={formAction} className="space-y-4" noValidate data-testid="cancel-form">
      <HiddenFields values={{ org, campaign, eventId }} />
      <FormOutcome state={state} />
      <TextAreaField {...field("reason")} rows={3} maxLength={500} label={t("reason")} hint={t("reasonHint")} />
      <ConfirmButton
        formId={formId}
        label={t("submit")}
        title={t("confirmTitle", { title: eventTitle })}
        body={t("confirmBody", { count: signups })}
        confirmLabel={t("confirm")}
        cancelLabel={t("keep")}
      />
    </form>
  );
}
