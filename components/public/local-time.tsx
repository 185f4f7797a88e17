import { useTranslations } from "next-intl";
import { calendarNames } from "@/lib/time/calendar-names";
import { ReaderTime } from "./reader-time";

/**
 * With JavaScript: the event's time in the reader's own zone, when that differs from the event's. The
 * server cannot know the reader's zone, so it renders the data and the browser fills the line in (the
 * page's script, lib/public/browser.ts, or after an in-app navigation the client component).
 */
export function LocalTime({
  startsAt,
  endsAt,
  timeZone,
  locale,
  testId = "reader-time",
}: {
  startsAt: string;
  endsAt: string;
  timeZone: string;
  locale: string;
  testId?: string;
}) {
  const t = useTranslations("public.event");
  return (
    <ReaderTime
      startsAt={startsAt}
      endsAt={endsAt}
      timeZone={timeZone}
      locale={locale}
      text={t("yourTime", { when: "{when}" })}
      names={calendarNames(locale)}
      testId={testId}
    />
  );
}
