import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ArticleForm } from "@/components/articles/article-form";
import { Breadcrumbs } from "@/components/dashboard/breadcrumbs";
import { Card, PageTitle } from "@/components/ui/card";
import { loadOrganisationPage } from "@/lib/orgs/page-guard";
import { createArticleAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("articles.dashboard.form"))("newTitle") };
}

export default async function NewArticlePage({ params }: { params: Promise<{ org: string }> }) {
  const { org: slug } = await params;
  const { org } = await loadOrganisationPage(slug, "organizer", `/dashboard/${slug}/articles/new`);
  const t = await getTranslations("articles.dashboard");
  return (
    <div className="max-w-2xl">
      <Breadcrumbs items={[{ href: `/dashboard/${org.slug}/articles`, label: t("nav") }, { label: t("form.newTitle") }]} />
      <PageTitle>{t("form.newTitle")}</PageTitle>
      <Card>
        <ArticleForm action={createArticleAction} org={org.slug} />
      </Card>
    </div>
  );
}
