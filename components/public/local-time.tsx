"use client";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { offsetAt } from "@/lib/time/zones";

/** With JavaScript: the event's time in the reader's own zone, when that differs from the event's. */
export function LocalTime({ startsAt, endsAt, timeZone, locale }: { startsAt: string; endsAt: string; timeZone: string; locale: string }) {
  const t = useTranslations("public.event");
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    const reader = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const start = new Date(startsAt);
    if (!reader || offsetAt(start.getTime(), reader) === offsetAt(start.getTime(), timeZone)) return;
    const fmt = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : locale, {
      weekday: "short",
      day: "numeric",
      month: "short",
      hour: "2-digit",
      minute: "2-digit",
      timeZoneName: "short",
    });
    setText(fmt.formatRange(start, new Date(endsAt)));
  }, [startsAt, endsAt, timeZone, locale]);
  if (!text) return null;
  return (
    <p className="mt-1 text-sm text-stone-600" data-testid="reader-time">
      {t("yourTime", { when: text })}
    </p>
  );
}
