import { getTranslations } from "next-intl/server";

/**
 * With JavaScript: the event's time in the reader's own zone, when that differs from the event's. The
 * server cannot know the reader's zone, so it renders the data and the page's script (lib/public/browser.ts)
 * fills the line in.
 */
export async function LocalTime({ startsAt, endsAt, timeZone, locale, testId = "reader-time" }: { startsAt: string; endsAt: string; timeZone: string; locale: string; testId?: string }) {
  const t = await getTranslations("public.event");
  return (
    <p
      hidden
      className="mt-1 text-sm text-stone-600"
      data-testid={testId}
      data-local-time=""
      data-start={startsAt}
      data-end={endsAt}
      data-zone={timeZone}
      data-locale={locale}
      data-text={t("yourTime", { when: "{when}" })}
    />
  );
}
