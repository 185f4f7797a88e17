import { useTranslations } from "next-intl";
import { EventListItem } from "@/components/public/event-list-item";
import type { HomePageData } from "@/lib/public/pages";
import { PageHead } from "./document";

export function HomePage({ data: { events, campaigns } }: { data: HomePageData }) {
  const t = useTranslations("home");
  const tk = useTranslations("kinds.campaign");
  return (
    <div className="space-y-10">
      <PageHead />
      <header>
        <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
        <p className="mt-3 text-lg text-stone-700">{t("lead")}</p>
      </header>
      <section aria-labelledby="upcoming">
        <h2 id="upcoming" className="text-xl font-semibold">
          {t("upcoming")}
        </h2>
        {events.length === 0 ? (
          <p className="mt-2 text-stone-600">{t("noEvents")}</p>
        ) : (
          <ul className="mt-2 divide-y divide-stone-200">
            {events.map((e) => (
              <EventListItem key={e.id} event={e} campaignSlug={e.campaignSlug} campaignTitle={e.campaignTitle} />
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="campaigns">
        <h2 id="campaigns" className="text-xl font-semibold">
          {t("campaigns")}
        </h2>
        {campaigns.length === 0 ? (
          <p className="mt-2 text-stone-600">{t("noCampaigns")}</p>
        ) : (
          <ul className="mt-2 grid gap-3 sm:grid-cols-2">
            {campaigns.map((c) => (
              <li key={c.slug} className="rounded-lg border border-stone-200 bg-white p-4">
                <a href={`/c/${c.slug}`} className="font-semibold text-brand-700 hover:underline">
                  {c.title}
                </a>
                <p className="text-sm text-stone-600">
                  {tk(c.kind)} · {t("upcomingCount", { count: c.upcoming })}
                </p>
                {c.summary ? <p className="mt-1 text-sm text-stone-700">{c.summary}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      <p className="text-sm text-stone-600">
        {t("organisers")}{" "}
        <a href="/login" className="text-brand-700 underline">
          {t("logIn")}
        </a>{" "}
        ·{" "}
        <a href="/register" className="text-brand-700 underline">
          {t("startOrganising")}
        </a>
      </p>
    </div>
  );
}
