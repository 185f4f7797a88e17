import { ExternalLink } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ArticleForm } from "@/components/articles/article-form";
import { LinkArticleForm, LinkRow, type TargetGroup } from "@/components/articles/article-links";
import { DeleteArticleForm } from "@/components/articles/delete-article-form";
import { Breadcrumbs } from "@/components/dashboard/breadcrumbs";
import { Alert } from "@/components/ui/alert";
import { Card, PageTitle } from "@/components/ui/card";
import { getArticle, listLinkTargets } from "@/lib/articles/articles";
import type { Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { loadOrganisationPage } from "@/lib/orgs/page-guard";
import { formatDay } from "@/lib/time/format";
import { deleteArticleAction, linkArticleAction, setLinkPositionAction, unlinkArticleAction, updateArticleAction } from "../actions";

type Params = Promise<{ org: string; article: string }>;

async function load(actor: Actor, orgId: string, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  try {
    return await getArticle(actor, orgId, id);
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    throw e;
  }
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { org: slug, article } = await params;
  const { actor, org } = await loadOrganisationPage(slug, "organizer", `/dashboard/${slug}/articles/${article}`);
  return { title: (await load(actor, org.id, article)).article.title };
}

export default async function ArticlePage({ params, searchParams }: { params: Params; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { org: slug, article: id } = await params;
  const sp = await searchParams;
  const { actor, org } = await loadOrganisationPage(slug, "organizer", `/dashboard/${slug}/articles/${id}`);
  const [{ article, links }, targets] = await Promise.all([load(actor, org.id, id), listLinkTargets(actor, org.id)]);
  const t = await getTranslations("articles.dashboard");
  const locale = await getLocale();
  const linkLabel = (l: (typeof links)[number]) =>
    l.eventTitle ? `${t("links.event", { campaign: l.campaignTitle })}: ${l.eventTitle}` : `${t("links.campaign")}: ${l.campaignTitle}`;
  const groups: TargetGroup[] = targets.map((c) => ({
    label: c.campaignTitle,
    options: [
      { value: `campaign:${c.campaignId}`, label: t("links.campaignOption", { title: c.campaignTitle }) },
      ...c.events.map((e) => ({
        value: `event:${e.id}`,
        label: t("links.eventOption", { title: e.title, city: e.city || "—", date: formatDay(locale, e.startsAt, e.timeZone) }),
      })),
    ],
  }));
  const notice = sp.created ? t("form.created") : sp.saved ? t("form.saved") : sp.existing ? t("form.existing") : sp.unlinked ? t("links.unlinked") : null;
  return (
    <>
      <Breadcrumbs items={[{ href: `/dashboard/${org.slug}/articles`, label: t("nav") }, { label: article.title }]} />
      <PageTitle
        lead={
          <a href={article.url} rel="nofollow noopener noreferrer" className="inline-flex items-center gap-1 break-all text-sm text-brand-700 underline">
            <ExternalLink aria-hidden className="size-4 shrink-0" />
            {article.url}
          </a>
        }
      >
        {article.title}
      </PageTitle>
      {notice ? (
        <div className="mb-6">
          <Alert tone={sp.existing ? "info" : "success"}>{notice}</Alert>
        </div>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-5">
        <div className="space-y-6 lg:col-span-3">
          <Card>
            <h2 className="mb-4 text-lg font-semibold">{t("form.editTitle")}</h2>
            <ArticleForm key={article.updatedAt.toISOString()} action={updateArticleAction} org={org.slug} article={article} />
          </Card>
        </div>
        <div className="space-y-6 lg:col-span-2">
          <Card title={t("links.title")}>
            {links.length ? (
              <ul className="mt-2 divide-y divide-stone-200">
                {links.map((l) => (
                  <LinkRow
                    key={`${l.id}-${l.position}`}
                    positionAction={setLinkPositionAction}
                    unlinkAction={unlinkArticleAction}
                    org={org.slug}
                    link={l}
                    label={linkLabel(l)}
                  />
                ))}
              </ul>
            ) : (
              <p className="mt-2 text-sm text-stone-700">{t("links.none")}</p>
            )}
            <div className="mt-4 border-t border-stone-200 pt-4">
              <LinkArticleForm action={linkArticleAction} org={org.slug} articleId={article.id} groups={groups} />
            </div>
          </Card>
          <Card>
            <h2 className="mb-3 text-lg font-semibold">{t("delete.title")}</h2>
            <DeleteArticleForm action={deleteArticleAction} org={org.slug} articleId={article.id} title={article.title} linkedAt={links.map(linkLabel)} />
          </Card>
        </div>
      </div>
    </>
  );
}
