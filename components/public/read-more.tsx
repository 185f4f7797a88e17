import { ExternalLink } from "@/components/ui/icons";
import { useLocale, useTranslations } from "next-intl";
import type { PublicArticle } from "@/lib/articles/public";
import { formatCalendarDate } from "@/lib/time/format";

/** The facts under an article's title: publication, date, language. */
export function ArticleMeta({ article }: { article: PublicArticle }) {
  const locale = useLocale();
  const t = useTranslations("readMore");
  const language = article.language ? (new Intl.DisplayNames([locale], { type: "language" }).of(article.language) ?? article.language) : "";
  return (
    <p className="text-sm text-stone-600">
      {[
        article.publication,
        article.author,
        article.publishedOn ? formatCalendarDate(locale, article.publishedOn) : "",
        language ? t("language", { language }) : "",
      ]
        .filter(Boolean)
        .join(" · ")}
    </p>
  );
}

/** "Read more": the articles linked to a campaign or an event, in the organizer's order. */
export function ReadMore({ articles }: { articles: PublicArticle[] }) {
  const t = useTranslations("readMore");
  if (!articles.length) return null;
  return (
    <section aria-labelledby="read-more" data-testid="read-more">
      <h2 id="read-more" className="text-xl font-semibold">
        {t("title")}
      </h2>
      <ul className="mt-2 divide-y divide-stone-200">
        {articles.map((a) => (
          <li key={a.id} className="py-3">
            <a
              href={a.url}
              rel="nofollow noopener noreferrer"
              lang={a.language || undefined}
              className="inline-flex items-start gap-1 font-medium text-brand-700 underline underline-offset-2"
            >
              {a.title}
              <ExternalLink aria-hidden className="mt-1 size-4 shrink-0" />
            </a>
            <ArticleMeta article={a} />
            {a.excerpt ? (
              <p className="mt-1 text-sm text-stone-700" lang={a.language || undefined}>
                {a.excerpt}
              </p>
            ) : null}
            {a.hasBody ? (
              <a href={`/articles/${a.id}`} className="mt-1 inline-block text-sm text-brand-700 underline">
                {t("inHouse")}
              </a>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
