import { useLocale, useTranslations } from "next-intl";
import { formatRange, zoneCity } from "@/lib/time/format";
import { LocalTime } from "./local-time";

/** "Fri 20 Jul 2012, 12:00 – 14:00 BST — London time", and the reader's own time with JavaScript. */
export function EventWhen({ startsAt, endsAt, timeZone, withReaderTime = true }: { startsAt: Date; endsAt: Date; timeZone: string; withReaderTime?: boolean }) {
  const locale = useLocale();
  const t = useTranslations("public.event");
  return (
    <>
      <p data-testid="event-time">
        <time dateTime={startsAt.toISOString()}>{formatRange(locale, startsAt, endsAt, timeZone)}</time>
        <span className="text-stone-600"> — {t("localTime", { city: zoneCity(timeZone) })}</span>
      </p>
      {withReaderTime ? <LocalTime startsAt={startsAt.toISOString()} endsAt={endsAt.toISOString()} timeZone={timeZone} locale={locale} /> : null}
    </>
  );
}
