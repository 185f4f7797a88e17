"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormOutcome } from "@/components/dashboard/form-outcome";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle, type FormAction } from "@/lib/forms";

/** Queues a ping to the webhook; the answer says where to see it. */
export function TestWebhookForm({ action, org, webhookId }: { action: FormAction; org: string; webhookId: string }) {
  const t = useTranslations("webhooks.test");
  const [state, formAction] = useActionState(action, idle);
  return (
    <form action={formAction} className="space-y-2" data-testid="test-webhook-form">
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="webhookId" value={webhookId} />
      <FormOutcome state={state} />
      <SubmitButton variant="secondary" pendingLabel={t("sending")}>
        {t("button")}
      </SubmitButton>
    </form>
  );
}

/** Deletes the webhook after asking. */
export function DeleteWebhookForm({ action, org, webhookId, host }: { action: FormAction; org: string; webhookId: string; host: string }) {
  const t = useTranslations("webhooks.delete");
  const [state, formAction] = useActionState(action, idle);
  const formId = `delete-webhook-${webhookId}`;
  return (
    <form id={formId} action={formAction} data-testid="delete-webhook-form">
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="webhookId" value={webhookId} />
      <FormOutcome state={state} />
      <ConfirmButton
        formId={formId}
        label={t("button")}
        title={t("title", { host })}
        body={<p>{t("body")}</p>}
        confirmLabel={t("confirm")}
        cancelLabel={t("keep")}
      />
    </form>
  );
}
