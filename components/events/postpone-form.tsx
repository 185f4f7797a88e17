"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormOutcome } from "@/components/dashboard/form-outcome";
import { useFormKey } from "@/components/dashboard/use-form-key";
import { TextAreaField, TextField } from "@/components/ui/field";
import { useMessageText } from "@/components/ui/message";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldError, idle, keptValue, type FormAction } from "@/lib/forms";
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
  const msg = useMessageText();
  const [state, formAction] = useActionState(action, idle);
  const formKey = useFormKey(state);
  const p = POSTPONE_PREFIX;
  return (
    <form key={formKey} action={formAction} className="space-y-4" noValidate data-testid="postpone-form">
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="campaign" value={campaign} />
      <input type="hidden" name="eventId" value={eventId} />
      <input type="hidden" name={`${p}timeZone`} value={timeZone} />
      <FormOutcome state={state} />
      <LocalTimeNote zone={timeZone} />
      <TextField
        name={`${p}startsLocal`}
        type="datetime-local"
        required
        label={t("startsLocal")}
        defaultValue={keptValue(state, "startsLocal") ?? startsLocal}
        error={msg(fieldError(state, "startsLocal"))}
      />
      <TextField
        name={`${p}endsLocal`}
        type="datetime-local"
        required
        label={t("endsLocal")}
        defaultValue={keptValue(state, "endsLocal") ?? endsLocal}
        error={msg(fieldError(state, "endsLocal"))}
      />
      <TextAreaField
        name={`${p}reason`}
        rows={3}
        maxLength={500}
        label={t("reason")}
        hint={t("reasonHint")}
        defaultValue={keptValue(state, "reason")}
        error={msg(fieldError(state, "reason"))}
      />
      <ErasureConfirm state={state} name={`${p}confirmEarlierErasure`} />
      <SubmitButton variant="secondary" pendingLabel={t("submitting")}>
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
