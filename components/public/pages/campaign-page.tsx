import { useLocale, useTranslations } from "next-intl";
import { EventListItem } from "@/components/public/event-list-item";
import { EventMap, type MapMarker } from "@/components/public/event-map";
import { Markdown } from "@/components/public/markdown";
import { ReadMore } from "@/components/public/read-more";
import { TranslationNote } from "@/components/public/translation-note";
import { PublicCases, Timeline } from "@/components/trials/timeline";
import { Alert } from "@/components/ui/alert";
import { CalendarPlus, HandCoins, Rss } from "@/components/ui/icons";
import type { PublicEvent } from "@/lib/events/public";
import { countryName } from "@/lib/geo/countries";
import type { CampaignPageData } from "@/lib/public/pages";
import { formatRange } from "@/lib/time/format";
import { PageHead } from "./document";

/** Upcoming events by country, then city; each group in date order. */
function groupByPlace<E extends PublicEvent>(events: E[], locale: string) {
  const countries = new Map<string, Map<string, E[]>>();
  for (const e of events) {
    const country = countryName(e.country, locale);
    const cities = countries.get(country) ?? new Map<string, E[]>();
    const list = cities.get(e.city || "—") ?? [];
    list.push(e);
    cities.set(e.city || "—", list);
    countries.set(country, cities);
  }
  return [...countries.entries()]
    .sort(([a], [b]) => a.localeCompare(b, locale))
    .map(([country, cities]) => ({
      country,
      cities: [...cities.entries()].sort(([a], [b]) => a.localeCompare(b, locale)),
    }));
}

export function CampaignPage({ data }: { data: CampaignPageData }) {
  const { campaign, events, articles, cases, activeCase, timeline, original, map, now } = data;
  const locale = useLocale();
  const tt = useTranslations("trials.public");
  const t = useTranslations("public.campaign");
  const th = useTranslations("hosts.public");
  const tk = useTranslations("kinds.campaign");
  const tm = useTranslations("public.map");
  const trialWatch = campaign.kind === "trial_watch";
  const courtZone = events.find((e) => e.kind === "hearing")?.timeZone ?? "UTC";
  const upcoming = events.filter((e) => e.endsAt >= now);
  const past = events.filter((e) => e.endsAt < now).reverse();
  const markers: MapMarker[] = upcoming
    .filter((e) => e.latitude !== null && e.longitude !== null && e.status !== "cancelled")
    .map((e) => ({
      href: `/c/${campaign.slug}/${e.slug}`,
      title: e.title,
      when: formatRange(locale, e.startsAt, e.endsAt, e.timeZone),
      // With several hosts, the map names who runs each one too.
      place: [e.city, countryName(e.country, locale)].filter(Boolean).join(", ") + (campaign.hosts && campaign.hosts.length > 1 ? ` · ${e.hostName}` : ""),
      lat: e.latitude!,
      lng: e.longitude!,
    }));
  return (
    <article className="space-y-8">
      <PageHead title={campaign.title} description={campaign.summary || undefined} />
      <link rel="alternate" type="application/atom+xml" href={`/c/${campaign.slug}/feed.xml`} title={campaign.title} />
      <link rel="alternate" type="text/calendar" href={`/c/${campaign.slug}/calendar.ics`} title={campaign.title} />
      {campaign.federated ? <link rel="alternate" type="application/activity+json" href={`/ap/campaigns/${campaign.slug}`} title={campaign.title} /> : null}
      {campaign.status === "archived" ? <Alert tone="info">{t("archived")}</Alert> : null}
      <header>
        <p className="text-sm text-stone-600">
          {tk(campaign.kind)} · {campaign.hosts && campaign.hosts.length > 1 ? t("hosts", { hosts: campaign.hosts.join(", ") }) : campaign.orgName}
        </p>
        <div lang={campaign.translated ?? undefined}>
          <h1 className="mt-1 text-3xl font-bold tracking-tight">{campaign.title}</h1>
          {campaign.summary ? <p className="mt-3 text-lg text-stone-700">{campaign.summary}</p> : null}
        </div>
        <div className="mt-2">
          <TranslationNote translated={campaign.translated} original={original} path={`/c/${campaign.slug}`} />
        </div>
        {campaign.appealUrl ? (
          <a
            href={campaign.appealUrl}
            rel="nofollow noopener noreferrer"
            className="mt-4 inline-flex min-h-11 items-center gap-2 rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
          >
            <HandCoins aria-hidden className="size-5" />
            {t("appeal")}
          </a>
        ) : null}
        {campaign.acceptsProposals ? (
          <p className="mt-4">
            <a href={`/c/${campaign.slug}/host`} className="font-semibold text-brand-700 underline" data-testid="host-link">
              {th("cta")}
            </a>
          </p>
        ) : null}
      </header>
      {campaign.body ? (
        <div lang={campaign.translated ?? undefined}>
          <Markdown>{campaign.body}</Markdown>
        </div>
      ) : null}
      {trialWatch ? (
        <>
          <PublicCases cases={cases} />
          <Timeline items={timeline} cases={cases} campaignSlug={campaign.slug} activeCase={activeCase} zone={courtZone} />
        </>
      ) : null}
      <section aria-labelledby="upcoming">
        <h2 id="upcoming" className="text-xl font-semibold">
          {t("upcoming")}
        </h2>
        {map ? (
          <div className="mt-3">
            <EventMap
              markers={markers}
              tileUrl={map.tileUrl}
              attribution={map.attribution}
              labels={{ show: tm("show"), note: tm("note", { host: map.host }), region: tm("region"), loading: tm("loading"), failed: tm("failed") }}
            />
          </div>
        ) : null}
        {upcoming.length === 0 ? (
          <p className="mt-2 text-stone-600">{t("noUpcoming")}</p>
        ) : (
          groupByPlace(upcoming, locale).map(({ country, cities }) => (
            <section key={country} className="mt-4" aria-label={country}>
              <h3 className="text-lg font-semibold">{country}</h3>
              {cities.map(([city, list]) => (
                <div key={city} className="mt-2">
                  <h4 className="text-sm font-semibold uppercase tracking-wide text-stone-600">{city}</h4>
                  <ul className="divide-y divide-stone-200">
                    {list.map((e) => (
                      <EventListItem
                        key={e.id}
                        event={e}
                        campaignSlug={campaign.slug}
                        host={campaign.hosts && campaign.hosts.length > 1 ? e.hostName : undefined}
                      />
                    ))}
                  </ul>
                </div>
              ))}
            </section>
          ))
        )}
      </section>
      {past.length ? (
        <details className="rounded-lg border border-stone-200 bg-white p-4">
          <summary className="cursor-pointer font-semibold">{t("past", { count: past.length })}</summary>
          <ul className="mt-2 divide-y divide-stone-200">
            {past.map((e) => (
              <EventListItem key={e.id} event={e} campaignSlug={campaign.slug} host={campaign.hosts && campaign.hosts.length > 1 ? e.hostName : undefined} />
            ))}
          </ul>
        </details>
      ) : null}
      <ReadMore articles={articles} />
      <p className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
        <a href={`/c/${campaign.slug}/calendar.ics`} className="inline-flex items-center gap-1 text-brand-700 underline">
          <CalendarPlus aria-hidden className="size-4" />
          {t("calendar")}
        </a>
        <a href={`/c/${campaign.slug}/feed.xml`} className="inline-flex items-center gap-1 text-brand-700 underline">
          <Rss aria-hidden className="size-4" />
          {tt("feedLink")}
        </a>
      </p>
    </article>
  );
}
