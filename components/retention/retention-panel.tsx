"use client";
import { ShieldCheck } from "lucide-react";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { eraseEventPersonalDataAction } from "@/app/dashboard/[org]/campaigns/[campaign]/events/[event]/retention-actions";
import { EventTime } from "@/components/dashboard/event-time";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { useMessageText } from "@/components/ui/message";
import { idle } from "@/lib/forms";

// The same rule as erasureDate in lib/retention: whole days of 24 hours after the event ends.
const DAY_MS = 86_400_000;

/** When this event's sign-ups lose their personal data, or when they did; organizers and owners can erase early. */
export function RetentionPanel({
  org,
  campaign,
  eventId,
  title,
  endsAt,
  timeZone,
  retentionDays,
  erasedAt,
  canErase,
}: {
  org: string;
  campaign: string;
  eventId: string;
  title: string;
  endsAt: Date;
  timeZone: string;
  retentionDays: number;
  erasedAt: Date | null;
  canErase: boolean;
}) {
  const t = useTranslations("retention.dashboard");
  const msg = useMessageText();
  const [state, formAction] = useActionState(eraseEventPersonalDataAction, idle);
  const erasesAt = new Date(new Date(endsAt).getTime() + retentionDays * DAY_MS);
  const erasedEarly = erasedAt !== null && new Date(erasedAt) < erasesAt;
  const when = (at: Date) =>
    function When() {
      return <EventTime at={at} timeZone={timeZone} className="font-medium text-stone-900" />;
    };
  const formId = `erase-signups-${eventId}`;
  return (
    <Card>
      <h2 className="flex items-center gap-2 text-lg font-semibold">
        <ShieldCheck aria-hidden className="size-5 shrink-0 text-stone-600" />
        {t("title")}
      </h2>
      <div className="mt-2 space-y-2 text-sm text-stone-700" data-testid="retention-state">
        {erasedAt ? (
          <>
            <p>{t.rich("erased", { when: when(erasedAt) })}</p>
            {erasedEarly ? <p>{t.rich("laterSignups", { when: when(erasesAt) })}</p> : null}
          </>
        ) : (
          <p>{t.rich("scheduled", { when: when(erasesAt), days: retentionDays })}</p>
        )}
        <p>{t("what")}</p>
      </div>
      {state.status === "ok" ? (
        <div className="mt-3">
          <Alert tone="success">{t("erasedNow", { count: Number(state.data?.count ?? 0) })}</Alert>
        </div>
      ) : state.status === "error" ? (
        <div className="mt-3">
          <Alert tone="error">{msg(state.formError ?? "errors.generic")}</Alert>
        </div>
      ) : null}
      {canErase ? (
        <form id={formId} action={formAction} className="mt-4">
          <input type="hidden" name="org" value={org} />
          <input type="hidden" name="campaign" value={campaign} />
          <input type="hidden" name="eventId" value={eventId} />
          <ConfirmButton
            formId={formId}
            label={t("eraseNow")}
            title={t("confirmTitle", { title })}
            body={t("confirmBody")}
            confirmLabel={t("confirm")}
            cancelLabel={t("keep")}
          />
        </form>
      ) : null}
    </Card>
  );
}
