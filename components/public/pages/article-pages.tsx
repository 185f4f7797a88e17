import { useTranslations } from "next-intl";
import { Highlighted } from "@/components/articles/highlighted";
import { ArticleSearchForm } from "@/components/articles/search-form";
import { Markdown } from "@/components/public/markdown";
import { ArticleMeta } from "@/components/public/read-more";
import { ExternalLink } from "@/components/ui/icons";
import type { ArticlePageData, ArticlesPageData } from "@/lib/public/pages";
import { PageHead } from "./document";

export function ArticlesPage({ data: { q, results } }: { data: ArticlesPageData }) {
  const t = useTranslations("articleSearch");
  const tr = useTranslations("readMore");
  return (
    <div className="space-y-6">
      <PageHead title={t("title")} />
      <header>
        <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
        <p className="mt-2 text-stone-700">{t("lead")}</p>
      </header>
      <ArticleSearchForm action="/articles" query={q} label={t("label")} submitLabel={t("submit")} variant="primary" />
      {q ? (
        <p role="status" className="text-sm text-stone-700" data-testid="search-results">
          {t("results", { count: results.length, query: q })}
        </p>
      ) : (
        <p className="text-sm text-stone-600">{t("prompt")}</p>
      )}
      {results.length ? (
        <ul className="divide-y divide-stone-200">
          {results.map((a) => (
            <li key={a.id} className="py-3" data-testid="search-result">
              <a
                href={a.url}
                rel="nofollow noopener noreferrer"
                lang={a.language || undefined}
                className="font-medium text-brand-700 underline underline-offset-2"
              >
                <Highlighted headline={a.titleHeadline} />
              </a>
              <ArticleMeta article={a} />
              {a.textHeadline.trim() ? (
                <p className="mt-1 text-sm text-stone-700" lang={a.language || undefined}>
                  <Highlighted headline={a.textHeadline} />
                </p>
              ) : null}
              {a.hasBody ? (
                <a href={`/articles/${a.id}`} className="mt-1 inline-block text-sm text-brand-700 underline">
                  {tr("inHouse")}
                </a>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function ArticlePage({ data: { article } }: { data: ArticlePageData }) {
  const t = useTranslations("articleSearch");
  return (
    <article className="space-y-6" lang={article.language || undefined}>
      <PageHead title={article.title} description={article.excerpt || undefined} />
      <p className="text-sm">
        <a href="/articles" className="text-brand-700 underline">
          {t("back")}
        </a>
      </p>
      <header>
        <h1 className="text-3xl font-bold tracking-tight">{article.title}</h1>
        <ArticleMeta article={article} />
      </header>
      {article.excerpt ? <p className="text-lg text-stone-700">{article.excerpt}</p> : null}
      {article.body ? <Markdown>{article.body}</Markdown> : null}
      <a href={article.url} rel="nofollow noopener noreferrer" className="inline-flex items-center gap-1 text-brand-700 underline">
        <ExternalLink aria-hidden className="size-4" />
        {t("original")}
      </a>
    </article>
  );
}
