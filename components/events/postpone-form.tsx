"use client";
import { useTranslations } from "next-intl";
import { FormOutcome } from "@/components/dashboard/form-outcome";
import { useFormKey } from "@/components/dashboard/use-form-key";
import { TextAreaField, TextField } from "@/components/ui/field";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { SubmitButton } from "@/components/ui/submit-button";
import { useForm } from "@/components/ui/use-form";
import type { FormAction } from "@/lib/forms";
import { ErasureConfirm } from "./erasure-confirm";
import { LocalTimeNote } from "./place-fields";

// Field names carry a prefix so their ids differ from the edit form's on the same page; the action strips it.
export const POSTPONE_PREFIX = "postpone-";

/** A new date at the same place (and zone); the old date and the reason stay visible to supporters. */
export function PostponeForm({
  action,
  org,
  campaign,
  eventId,
  timeZone,
  startsLocal,
  endsLocal,
}: {
  action: FormAction;
  org: string;
  campaign: string;
  eventId: string;
  timeZone: string;
  startsLocal: string;
  endsLocal: string;
}) {
  const t = useTranslations("editor.postpone");
  const { state, formAction, field, value } = useForm(action, { prefix: POSTPONE_PREFIX });
  const formKey = useFormKey(state);
  const p = POSTPONE_PREFIX;
  return (
    <form key={formKey} action={formAction} className="space-y-4" noValidate data-testid="postpone-form">
      <HiddenFields values={{ org, campaign, eventId, [`${p}timeZone`]: timeZone }} />
      <FormOutcome state={state} />
      <LocalTimeNote zone={timeZone} />
      <TextField {...field("startsLocal")} type="datetime-local" required label={t("startsLocal")} defaultValue={value("startsLocal") ?? startsLocal} />
      <TextField {...field("endsLocal")} type="datetime-local" required label={t("endsLocal")} defaultValue={value("endsLocal") ?? endsLocal} />
      <TextAreaField {...field("reason")} rows={3} maxLength={500} label={t("reason")} hint={t("reasonHint")} />
      <ErasureConfirm state={state} name={`${p}confirmEarlierErasure`} />
      <SubmitButton variant="secondary" pendingLabel={t("submitting")}>
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
