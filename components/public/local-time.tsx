"use client";
import { useTexts } from "@/components/public/texts";
import { useSyncExternalStore } from "react";
import { offsetAt } from "@/lib/time/zones";

const subscribe = () => () => {};
const readerZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
const onServer = () => null;

/** With JavaScript: the event's time in the reader's own zone, when that differs from the event's. */
export function LocalTime({ startsAt, endsAt, timeZone, locale }: { startsAt: string; endsAt: string; timeZone: string; locale: string }) {
  const t = useTexts("public.event");
  // Known only in the browser: the server renders nothing here, so hydration matches.
  const reader = useSyncExternalStore(subscribe, readerZone, onServer);
  const start = new Date(startsAt);
  if (!reader || offsetAt(start.getTime(), reader) === offsetAt(start.getTime(), timeZone)) return null;
  const text = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : locale, {
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    timeZoneName: "short",
  }).formatRange(start, new Date(endsAt));
  return (
    <p className="mt-1 text-sm text-stone-600" data-testid="reader-time">
      {t("yourTime", { when: text })}
    </p>
  );
}
