import { useLocale, useTranslations } from "next-intl";
import { EventBanner } from "@/components/public/event-banner";
import { EventPlace } from "@/components/public/event-place";
import { EventWhen } from "@/components/public/event-when";
import { Places } from "@/components/public/places";
import type { EventPageData } from "@/lib/public/pages";
import { PageHead } from "./document";
import { EventSignup, type SignupBox } from "./event-page";

/**
 * An event's sign-up for a frame on a partner's site (/embed/c/{campaign}/{event}): what the event page says
 * first (when, with its zone, where as the public may know it, places left, whether it is cancelled or moved),
 * and the same sign-up box. Lean: no site header, no map, no script. Its form posts to the embed's own address,
 * which answers without cookies (pages/api/public/[[...path]].tsx); links to the full page open a new tab.
 */
export function EmbedPage({ data, signup }: { data: EventPageData; signup: SignupBox }) {
  const { campaign, event } = data;
  const t = useTranslations("public.event");
  const te = useTranslations("public.embed");
  const locale = useLocale();
  const full = `/${locale}/c/${campaign.slug}/${event.slug}`;
  return (
    <article className="space-y-4" data-testid="embed">
      <PageHead title={`${event.title} — ${campaign.title}`} />
      <EventBanner event={event} />
      <header>
        <p className="text-sm text-stone-600">{campaign.title}</p>
        <h1 lang={event.translated ?? undefined} className="mt-1 text-xl font-bold tracking-tight">
          {event.title}
        </h1>
      </header>
      <dl className="space-y-3 text-sm">
        <div>
          <dt className="font-semibold uppercase tracking-wide text-stone-600">{t("when")}</dt>
          <dd>
            <EventWhen startsAt={event.startsAt} endsAt={event.endsAt} timeZone={event.timeZone} withReaderTime={false} />
          </dd>
        </div>
        <div>
          <dt className="font-semibold uppercase tracking-wide text-stone-600">{t("where")}</dt>
          <dd>
            <EventPlace event={event} mapLinks={false} />
          </dd>
        </div>
      </dl>
      {event.capacity !== null && event.status !== "cancelled" ? (
        <p data-testid="places" className="text-sm">
          <Places event={event} />
        </p>
      ) : null}
      <EventSignup data={data} signup={signup} action={`/${locale}/embed/c/${campaign.slug}/${event.slug}`} embedded />
      <p className="text-xs text-stone-600">
        <a href={full} target="_blank" rel="noopener" className="underline underline-offset-2" data-testid="powered-by">
          {te("poweredBy")}
        </a>
      </p>
    </article>
  );
}
