"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormOutcome } from "@/components/dashboard/form-outcome";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle, type FormAction } from "@/lib/forms";

/** Puts a failed message back in line, or a held one once email is set up (`held`). */
export function RetryMessageForm({ action, org, messageId, held = false }: { action: FormAction; org: string; messageId: string; held?: boolean }) {
  const t = useTranslations("mailbox.retry");
  const [state, formAction] = useActionState(action, idle);
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="messageId" value={messageId} />
      <FormOutcome state={state} />
      {state.status === "ok" ? null : <SubmitButton pendingLabel={held ? t("sending") : t("submitting")}>{held ? t("send") : t("submit")}</SubmitButton>}
    </form>
  );
}
