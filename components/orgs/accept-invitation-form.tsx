"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle, type FormAction } from "@/lib/forms";
import { FormError } from "@/components/ui/form-error";

export function AcceptInvitationForm({ action, token }: { action: FormAction; token: string }) {
  const t = useTranslations("invitations.accept");
  const [state, formAction] = useActionState(action, idle);
  return (
    <form action={formAction} className="space-y-4">
      <FormError state={state} />
      <input type="hidden" name="token" value={token} />
      <SubmitButton pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
    </form>
  );
}
