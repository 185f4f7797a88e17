"use client";
import { TriangleAlert } from "lucide-react";
import { useTranslations } from "next-intl";
import { eraseCampaignPersonalDataAction } from "@/app/dashboard/[org]/campaigns/[campaign]/erase-actions";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { useMessageText } from "@/components/ui/message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useForm } from "@/components/ui/use-form";

/**
 * Owners only: erase every attendee's personal data of the campaign now, for when a list is in danger (a raid, a
 * seized phone). Retyping the campaign's title is the confirmation; it works without JavaScript.
 */
export function EmergencyErase({ org, campaignId, title }: { org: string; campaignId: string; title: string }) {
  const t = useTranslations("retention.dashboard.emergency");
  const msg = useMessageText();
  const { state, formAction, field } = useForm(eraseCampaignPersonalDataAction);
  return (
    <Card className="border-red-200">
      <h2 className="flex items-center gap-2 text-lg font-semibold text-red-900">
        <TriangleAlert aria-hidden className="size-5 shrink-0" />
        {t("title")}
      </h2>
      <p className="mt-2 text-sm text-stone-700">{t("what")}</p>
      {state.status === "ok" ? (
        <div className="mt-3 space-y-2" data-testid="emergency-erased">
          <Alert tone="success">{t("done", { signups: Number(state.data?.signups ?? 0), events: Number(state.data?.events ?? 0) })}</Alert>
          <Alert tone="warning">{t("rotate")}</Alert>
        </div>
      ) : (
        <form action={formAction} className="mt-4 space-y-3" noValidate>
          {state.status === "error" && state.formError && state.formError !== "errors.checkFields" ? <Alert tone="error">{msg(state.formError)}</Alert> : null}
          <HiddenFields values={{ org, campaignId }} />
          <TextField {...field("confirmTitle")} required autoComplete="off" spellCheck={false} label={t("confirmLabel", { title })} hint={t("confirmHint")} />
          <SubmitButton variant="danger" pendingLabel={t("erasing")}>
            {t("submit")}
          </SubmitButton>
        </form>
      )}
    </Card>
  );
}
