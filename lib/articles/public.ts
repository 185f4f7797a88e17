import "server-only";
import { and, eq, exists, or, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { articleLinks, articles, campaigns, events } from "@/db/schema";
import { HEADLINE_OPTIONS } from "./highlight";
import type { ArticleFields } from "./types";

// Public reads: articles linked to campaigns that are not drafts, public fields only, as plain objects.

export interface PublicArticle extends ArticleFields {
  hasBody: boolean;
  updatedAt: Date;
}

const publicFields = {
  id: articles.id,
  url: articles.url,
  title: articles.title,
  publication: articles.publication,
  author: articles.author,
  publishedOn: articles.publishedOn,
  language: articles.language,
  excerpt: articles.excerpt,
  hasBody: sql<boolean>`${articles.body} <> ''`,
  updatedAt: articles.updatedAt,
};

// The organizer's order first; the rest newest first.
const readMoreOrder = [sql`${articleLinks.position} asc nulls last`, sql`${articles.publishedOn} desc nulls last`, sql`${articles.title} asc`];

/** "Read more" on a campaign's page. The caller has already found the campaign visible. */
export async function readMoreForCampaign(campaignId: string): Promise<PublicArticle[]> {
  const db = await getDb();
  return db
    .select(publicFields)
    .from(articleLinks)
    .innerJoin(articles, eq(articles.id, articleLinks.articleId))
    .where(eq(articleLinks.campaignId, campaignId))
    .orderBy(...readMoreOrder);
}

/** "Read more" on an event's page. The caller has already found the event visible. */
export async function readMoreForEvent(eventId: string): Promise<PublicArticle[]> {
  const db = await getDb();
  return db
    .select(publicFields)
    .from(articleLinks)
    .innerJoin(articles, eq(articles.id, articleLinks.articleId))
    .where(eq(articleLinks.eventId, eventId))
    .orderBy(...readMoreOrder);
}

/** Articles of a campaign and of its events, for the timeline and the feed. */
export async function articlesOfCampaign(campaignId: string): Promise<(PublicArticle & { eventId: string | null })[]> {
  const db = await getDb();
  const rows = await db
    .select({ ...publicFields, eventId: articleLinks.eventId })
    .from(articleLinks)
    .innerJoin(articles, eq(articles.id, articleLinks.articleId))
    .leftJoin(events, eq(events.id, articleLinks.eventId))
    .where(or(eq(articleLinks.campaignId, campaignId), eq(events.campaignId, campaignId)))
    .orderBy(sql`${articles.publishedOn} desc nulls last`);
  const seen = new Set<string>();
  return rows.filter((r) => (seen.has(r.id) ? false : (seen.add(r.id), true)));
}

/** Linked to a published campaign, directly or through one of its events. */
function linkedToPublished(status: "published" | "visible") {
  const campaignOk = status === "published" ? eq(campaigns.status, "published") : sql`${campaigns.status} <> 'draft'`;
  return (conn: Awaited<ReturnType<typeof getDb>>) =>
    exists(
      conn
        .select({ one: sql`1` })
        .from(articleLinks)
        .leftJoin(events, eq(events.id, articleLinks.eventId))
        .innerJoin(campaigns, or(eq(campaigns.id, articleLinks.campaignId), eq(campaigns.id, events.campaignId)))
        .where(and(eq(articleLinks.articleId, articles.id), campaignOk)),
    );
}

export interface PublicSearchResult extends PublicArticle {
  titleHeadline: string;
  textHeadline: string;
}

/** The public search: ranked matches among articles of published campaigns, matched words marked. */
export async function searchPublicArticles(query: string, limit = 30): Promise<PublicSearchResult[]> {
  const q = query.trim();
  if (!q) return [];
  const db = await getDb();
  const tsq = sql`websearch_to_tsquery('simple', ${q})`;
  return db
    .select({
      ...publicFields,
      titleHeadline: sql<string>`ts_headline('simple', ${articles.title}, ${tsq}, ${"HighlightAll=true, " + HEADLINE_OPTIONS})`,
      textHeadline: sql<string>`ts_headline('simple', ${articles.excerpt} || ' ' || ${articles.body}, ${tsq}, ${HEADLINE_OPTIONS})`,
    })
    .from(articles)
    .where(and(sql`${articles.searchVector} @@ ${tsq}`, linkedToPublished("published")(db)))
    .orderBy(sql`ts_rank(${articles.searchVector}, ${tsq}) desc`, sql`${articles.publishedOn} desc nulls last`)
    .limit(limit);
}

/** One article with its in-house text, if it is linked to a campaign that is not a draft. */
export async function getPublicArticle(id: string): Promise<(PublicArticle & { body: string }) | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const db = await getDb();
  const [row] = await db
    .select({ ...publicFields, body: articles.body })
    .from(articles)
    .where(and(eq(articles.id, id), linkedToPublished("visible")(db)));
  return row ?? null;
}
