"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { useMessageText } from "@/components/ui/message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle, type FormAction } from "@/lib/forms";

export function AcceptInvitationForm({ action, token }: { action: FormAction; token: string }) {
  const t = useTranslations("invitations.accept");
  const msg = useMessageText();
  const [state, formAction] = useActionState(action, idle);
  return (
    <form action={formAction} className="space-y-4">
      {state.status === "error" && state.formError ? <Alert tone="error">{msg(state.formError)}</Alert> : null}
      <input type="hidden" name="token" value={token} />
      <SubmitButton pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
    </form>
  );
}
