"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormOutcome } from "@/components/dashboard/form-outcome";
import { useInvalidateOnSuccess } from "@/components/dashboard/use-org-dashboard";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle, type FormAction } from "@/lib/forms";

/**
 * Publish, archive, or take back to draft. Publishing is one click; taking a public page
 * down (archive, back to draft) asks first.
 */
export function CampaignStatusForm({ action, org, campaignId, status }: { action: FormAction; org: string; campaignId: string; status: string }) {
  const t = useTranslations("editor.status");
  const [state, formAction] = useActionState(action, idle);
  useInvalidateOnSuccess(state, org);
  const targets = status === "draft" ? ["published", "archived"] : status === "published" ? ["archived", "draft"] : ["published", "draft"];
  return (
    <div className="space-y-3">
      <FormOutcome state={state} />
      <p className="text-sm text-stone-700">{t(`lead.${status as "draft" | "published" | "archived"}`)}</p>
      <div className="flex flex-wrap gap-2">
        {targets.map((target) => {
          const formId = `status-${target}`;
          return (
            <form key={target} id={formId} action={formAction}>
              <input type="hidden" name="org" value={org} />
              <input type="hidden" name="campaignId" value={campaignId} />
              <input type="hidden" name="status" value={target} />
              {target === "published" ? (
                <SubmitButton pendingLabel={t("publishing")}>{status === "archived" ? t("republish") : t("publish")}</SubmitButton>
              ) : status === "published" ? (
                <ConfirmButton
                  formId={formId}
                  label={t(`to.${target as "archived" | "draft"}`)}
                  title={t(`confirm.${target as "archived" | "draft"}.title`)}
                  body={t(`confirm.${target as "archived" | "draft"}.body`)}
                  confirmLabel={t(`confirm.${target as "archived" | "draft"}.confirm`)}
                  cancelLabel={t("keep")}
                />
              ) : (
                <SubmitButton variant="secondary" pendingLabel={t("saving")}>
                  {t(`to.${target as "archived" | "draft"}`)}
                </SubmitButton>
              )}
            </form>
          );
        })}
      </div>
    </div>
  );
}
