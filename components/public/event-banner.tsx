import { useLocale, useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import type { PublicEvent } from "@/lib/events/public";
import { formatRange } from "@/lib/time/format";

/** Cancelled, moved or over: said first, before anything else about the event. */
export function EventBanner({ event }: { event: PublicEvent }) {
  const t = useTranslations("public.event");
  const locale = useLocale();
  if (event.status === "cancelled") {
    return (
      <Alert tone="error" title={t("cancelled")}>
        {event.changeReason ? <p>{event.changeReason}</p> : null}
      </Alert>
    );
  }
  const moved =
    event.status === "postponed" && event.previousStartsAt && event.previousEndsAt ? (
      <Alert tone="warning" title={t("postponed")}>
        <p>
          {t("previously")} <del data-testid="previous-time">{formatRange(locale, event.previousStartsAt, event.previousEndsAt, event.timeZone)}</del>
        </p>
        {event.changeReason ? <p className="mt-1">{event.changeReason}</p> : null}
      </Alert>
    ) : null;
  return (
    <>
      {moved}
      {event.signupState === "past" ? <Alert tone="info">{t("past")}</Alert> : null}
    </>
  );
}
