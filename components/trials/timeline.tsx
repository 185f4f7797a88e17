import { Gavel, Newspaper, Scale, ScrollText } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { Markdown } from "@/components/public/markdown";
import { ArticleMeta } from "@/components/public/read-more";
import { formatCalendarDate, formatInstant } from "@/lib/time/format";
import type { PublicCase, TimelineItem } from "@/lib/trials/public";

const FILTER = "rounded-full border px-3 py-1";
const FILTER_CURRENT = "border-brand-700 bg-brand-700 text-white";
const FILTER_OTHER = "border-stone-300 bg-white text-stone-800 hover:bg-stone-100";
const STATUS_BADGE = "ml-2 rounded-full px-2 py-0.5 text-xs font-semibold";

/** The cases a trial watch follows, with the defendants the organizers made public. */
export function PublicCases({ cases }: { cases: PublicCase[] }) {
  const t = useTranslations("trials.public");
  const ts = useTranslations("trials.dashboard.defendantStatus");
  if (!cases.length) return null;
  return (
    <section aria-labelledby="cases" className="space-y-4">
      <h2 id="cases" className="text-xl font-semibold">
        {t("cases")}
      </h2>
      {cases.map((c) => (
        <div key={c.id} className="rounded-lg border border-stone-200 bg-white p-4" data-testid="public-case">
          <h3 className="text-lg font-semibold">{c.name}</h3>
          <p className="text-sm text-stone-600">
            {[c.court ? t("court", { court: c.court }) : "", c.caseNumber ? t("caseNumber", { number: c.caseNumber }) : ""].filter(Boolean).join(" · ")}
          </p>
          {c.charges ? <p className="mt-1 text-sm">{t("charges", { charges: c.charges })}</p> : null}
          {c.summary ? <p className="mt-2 text-stone-700">{c.summary}</p> : null}
          {c.defendants.length ? (
            <>
              <h4 className="mt-3 text-sm font-semibold uppercase tracking-wide text-stone-600">{t("defendants")}</h4>
              <ul className="mt-1 space-y-1">
                {c.defendants.map((d, i) => (
                  <li key={`${d.name}-${i}`} data-testid="public-defendant">
                    <span className="font-medium">{d.name}</span> — {ts(d.status)}
                    {d.sentence ? `; ${t("sentence", { sentence: d.sentence })}` : ""}
                    {d.notes ? <span className="block text-sm text-stone-600">{d.notes}</span> : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ))}
    </section>
  );
}

const icons = { hearing: Scale, update: ScrollText, verdict: Gavel, article: Newspaper };

/** Hearings, postponements, verdicts, updates and articles, newest first; a case filter when there are several. */
export function Timeline({
  items,
  cases,
  campaignSlug,
  activeCase,
  zone,
}: {
  items: TimelineItem[];
  cases: { id: string; name: string }[];
  campaignSlug: string;
  activeCase: string | null;
  zone: string;
}) {
  const t = useTranslations("trials.public");
  const locale = useLocale();
  return (
    <section aria-labelledby="timeline" className="space-y-3">
      <h2 id="timeline" className="text-xl font-semibold">
        {t("timeline")}
      </h2>
      {cases.length > 1 ? (
        <nav aria-label={t("filterLabel")} className="flex flex-wrap gap-2 text-sm">
          {[{ id: null as string | null, name: t("allCases") }, ...cases].map((c) => {
            const current = c.id === activeCase;
            return (
              <a
                key={c.id ?? "all"}
                href={c.id ? `/c/${campaignSlug}?case=${c.id}#timeline` : `/c/${campaignSlug}#timeline`}
                aria-current={current ? "true" : undefined}
                className={`${FILTER} ${current ? FILTER_CURRENT : FILTER_OTHER}`}
              >
                {c.name}
              </a>
            );
          })}
        </nav>
      ) : null}
      {items.length === 0 ? <p className="text-stone-600">{t("empty")}</p> : null}
      <ol className="relative space-y-4 border-l-2 border-stone-200 pl-5">
        {items.map((item) => {
          const Icon = item.type === "update" ? icons[item.kind] : icons[item.type];
          return (
            <li key={item.key} id={item.type === "update" ? `update-${item.id}` : undefined} className="relative" data-testid={`timeline-${item.type}`}>
              <span aria-hidden className="absolute -left-[31px] top-0.5 flex size-5 items-center justify-center rounded-full bg-white ring-2 ring-stone-200">
                <Icon className="size-3.5 text-stone-700" />
              </span>
              {item.type === "hearing" ? (
                <div>
                  <p className="text-sm text-stone-600">
                    <span className="font-semibold uppercase tracking-wide">{t("hearing")}</span> ·{" "}
                    <time dateTime={item.date.toISOString()}>{formatInstant(locale, item.date, item.timeZone)}</time>
                    {item.status !== "scheduled" ? (
                      <span className={`${STATUS_BADGE} ${item.status === "cancelled" ? "bg-red-100 text-red-900" : "bg-amber-100 text-amber-900"}`}>
                        {t(item.status)}
                      </span>
                    ) : null}
                  </p>
                  <a href={`/c/${campaignSlug}/${item.slug}`} className="font-medium text-brand-700 underline underline-offset-2">
                    {item.title}
                  </a>
                  {item.previousStartsAt ? (
                    <p className="text-sm text-stone-700">
                      <s>{t("previously", { when: formatInstant(locale, item.previousStartsAt, item.timeZone) })}</s>
                    </p>
                  ) : null}
                  {item.changeReason && item.status !== "scheduled" ? (
                    <p className="text-sm text-stone-700">{t("reason", { reason: item.changeReason })}</p>
                  ) : null}
                </div>
              ) : item.type === "update" ? (
                <div>
                  <p className="text-sm text-stone-600">
                    <span className="font-semibold uppercase tracking-wide">{t(item.kind)}</span> ·{" "}
                    <time dateTime={item.date.toISOString()}>{formatInstant(locale, item.date, zone)}</time>
                  </p>
                  <p className="font-medium">{item.title}</p>
                  {item.body ? <Markdown>{item.body}</Markdown> : null}
                </div>
              ) : (
                <div>
                  <p className="text-sm text-stone-600">
                    <span className="font-semibold uppercase tracking-wide">{t("article")}</span> ·{" "}
                    <time dateTime={item.article.publishedOn ?? undefined}>
                      {item.article.publishedOn ? formatCalendarDate(locale, item.article.publishedOn) : ""}
                    </time>
                  </p>
                  <a
                    href={item.article.url}
                    rel="nofollow noopener noreferrer"
                    lang={item.article.language || undefined}
                    className="font-medium text-brand-700 underline underline-offset-2"
                  >
                    {item.article.title}
                  </a>
                  <ArticleMeta article={item.article} />
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
