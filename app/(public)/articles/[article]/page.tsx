import { ExternalLink } from "@/components/ui/icons";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Markdown } from "@/components/public/markdown";
import { ArticleMeta } from "@/components/public/read-more";
import { getPublicArticle } from "@/lib/articles/public";

type Params = { params: Promise<{ article: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const article = await getPublicArticle((await params).article);
  return article ? { title: article.title, description: article.excerpt } : {};
}

export default async function PublicArticlePage({ params }: Params) {
  const article = await getPublicArticle((await params).article);
  if (!article) notFound();
  const t = await getTranslations("articleSearch");
  return (
    <article className="space-y-6" lang={article.language || undefined}>
      <p className="text-sm">
        <Link href="/articles" className="text-brand-700 underline">
          {t("back")}
        </Link>
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
