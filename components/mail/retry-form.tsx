"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormOutcome } from "@/components/dashboard/form-outcome";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle, type FormAction } from "@/lib/forms";

/** Puts a failed message back in line. */
export function RetryMessageForm({ action, org, messageId }: { action: FormAction; org: string; messageId: string }) {
  const t = useTranslations("mailbox.retry");
  const [state, formAction] = useActionState(action, idle);
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="messageId" value={messageId} />
      <FormOutcome state={state} />
      {state.status === "ok" ? null : <SubmitButton pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>}
    </form>
  );
}
