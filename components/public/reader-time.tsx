"use client";
import { useEffect, useRef } from "react";
import { fillReaderTime } from "@/lib/public/browser";

/**
 * The reader's-time line. Public pages reach readers without React, and their own script fills it in; a page
 * reached by navigating inside the app (from the login page, say) runs no such script, so this fills it in then.
 */
export function ReaderTime({
  startsAt,
  endsAt,
  timeZone,
  locale,
  text,
  names,
  testId = "reader-time",
}: {
  startsAt: string;
  endsAt: string;
  timeZone: string;
  locale: string;
  text: string;
  /** Short month names (January first) and weekday names (Sunday first) in the page's language, from the server. */
  names: { months: string[]; weekdays: string[] };
  testId?: string;
}) {
  const line = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (line.current) fillReaderTime(line.current);
  }, [startsAt, endsAt, timeZone, locale, text, names]);
  return (
    <p
      ref={line}
      hidden
      className="mt-1 text-sm text-stone-600"
      data-testid={testId}
      data-local-time=""
      data-start={startsAt}
      data-end={endsAt}
      data-zone={timeZone}
      data-locale={locale}
      data-text={text}
      data-months={names.months.join("|")}
      data-weekdays={names.weekdays.join("|")}
    />
  );
}
