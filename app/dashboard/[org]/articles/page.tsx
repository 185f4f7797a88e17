import { Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Highlighted } from "@/components/articles/highlighted";
import { ArticleSearchForm } from "@/components/articles/search-form";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Card, PageTitle } from "@/components/ui/card";
import { listArticles } from "@/lib/articles/articles";
import { loadOrganisationPage } from "@/lib/orgs/page-guard";
import { formatCalendarDate } from "@/lib/time/format";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("articles.dashboard.list"))("title") };
}

export default async function ArticleLibraryPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { org: slug } = await params;
  const sp = await searchParams;
  const q = typeof sp.q === "string" ? sp.q.slice(0, 200) : "";
  const { actor, org } = await loadOrganisationPage(slug, "organizer", `/dashboard/${slug}/articles`);
  const articles = await listArticles(actor, org.id, q);
  const t = await getTranslations("articles.dashboard");
  const locale = await getLocale();
  const base = `/dashboard/${org.slug}/articles`;
  return (
    <>
      <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
        <PageTitle lead={t("list.lead")}>{t("list.title")}</PageTitle>
        <Link href={`${base}/new`} className={buttonClass("primary")}>
          <Plus aria-hidden className="size-4" />
          {t("list.add")}
        </Link>
      </div>
      {sp.deleted ? (
        <div className="mb-6">
          <Alert tone="success">{t("delete.deleted")}</Alert>
        </div>
      ) : null}
      <div className="mb-6">
        <ArticleSearchForm action={base} query={q} label={t("list.searchLabel")} hint={t("list.searchHint")} submitLabel={t("list.search")} variant="secondary">
          {q ? (
            <Link href={base} className="mb-9 text-sm text-brand-700 underline">
              {t("list.clear")}
            </Link>
          ) : null}
        </ArticleSearchForm>
      </div>
      {q ? (
        <p className="mb-3 text-sm text-stone-700" role="status" data-testid="library-results">
          {t("list.results", { count: articles.length, query: q })}
        </p>
      ) : null}
      {!q && articles.length === 0 ? (
        <Card className="text-center" title={t("list.emptyTitle")}>
          <p className="mx-auto mt-2 max-w-prose text-sm text-stone-700">{t("list.empty")}</p>
        </Card>
      ) : articles.length ? (
        <Card>
          <ul className="divide-y divide-stone-200">
            {articles.map((a) => (
              <li key={a.id} className="py-3" data-testid="article-row">
                <Link href={`${base}/${a.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                  {a.titleHeadline ? <Highlighted headline={a.titleHeadline} /> : a.title}
                </Link>
                <p className="text-sm text-stone-600">
                  {[
                    a.publication,
                    a.publishedOn ? formatCalendarDate(locale, a.publishedOn) : t("list.undated"),
                    a.language.toUpperCase(),
                    t("list.links", { count: a.linkCount }),
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </p>
                {a.textHeadline ? (
                  <p className="mt-1 text-sm text-stone-700">
                    <Highlighted headline={a.textHeadline} />
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </>
  );
}
