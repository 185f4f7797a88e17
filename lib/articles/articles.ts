import "server-only";
import { and, asc, count, desc, eq, or, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { articleLinks, articles, campaigns, events, type Article } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { NotFoundError, PublicError } from "@/lib/errors";
import { requireRole } from "@/lib/orgs/authz";
import { fetchPageMetadata, type FetchOptions } from "./fetch-metadata";
import { HEADLINE_OPTIONS } from "./highlight";
import type { ArticleInput, LinkInput } from "./schemas";

// The article library is the organizers' tool: coordinators see attendee lists, not this.
const MANAGE = "organizer" as const;

export interface ArticleSummary {
  id: string;
  url: string;
  title: string;
  publication: string;
  publishedOn: string | null;
  language: string;
  linkCount: number;
  /** With a search: the title and text with the matched words marked (see highlight.ts). */
  titleHeadline?: string;
  textHeadline?: string;
}

export interface ArticleLinkView {
  id: string;
  position: number | null;
  campaignId: string;
  campaignSlug: string;
  campaignTitle: string;
  eventId: string | null;
  eventSlug: string | null;
  eventTitle: string | null;
}

async function articleOf(actor: Actor, articleId: string, db: DbOrTx): Promise<Article> {
  const [row] = await db.select().from(articles).where(eq(articles.id, articleId));
  if (!row) throw new NotFoundError();
  await requireRole(actor, row.orgId, MANAGE, db);
  return row;
}

/** Adds an article; a URL the library already holds gives back that article instead. */
export async function createArticle(actor: Actor, orgId: string, input: ArticleInput): Promise<{ id: string; existing: boolean }> {
  const db = await getDb();
  await requireRole(actor, orgId, MANAGE, db);
  const [row] = await db
    .insert(articles)
    .values({ orgId, ...input })
    .onConflictDoNothing({ target: [articles.orgId, articles.url] })
    .returning({ id: articles.id });
  if (row) return { id: row.id, existing: false };
  const [known] = await db
    .select({ id: articles.id })
    .from(articles)
    .where(and(eq(articles.orgId, orgId), eq(articles.url, input.url)));
  return { id: known!.id, existing: true };
}

/**
 * "Fill in from the URL": the library's own article at this address when it has one (nothing is fetched), else
 * the page's metadata, fetched through the request-forgery guard (lib/articles/fetch-metadata.ts), with only the
 * fields the page gave. Organizers and owners only, checked before anything is read or fetched.
 */
export async function fillArticleFromUrl(
  actor: Actor,
  orgId: string,
  url: string,
  opts: FetchOptions = {},
): Promise<{ existing: string } | { found: Record<string, string> }> {
  const db = await getDb();
  await requireRole(actor, orgId, MANAGE, db);
  const [known] = await db
    .select({ id: articles.id })
    .from(articles)
    .where(and(eq(articles.orgId, orgId), eq(articles.url, url)));
  if (known) return { existing: known.id };
  const meta = await fetchPageMetadata(url, opts);
  return { found: Object.fromEntries(Object.entries({ ...meta, url }).filter(([, v]) => v !== "")) };
}

export async function updateArticle(actor: Actor, articleId: string, input: ArticleInput) {
  const db = await getDb();
  const article = await articleOf(actor, articleId, db);
  if (input.url !== article.url) {
    const [clash] = await db
      .select({ id: articles.id })
      .from(articles)
      .where(and(eq(articles.orgId, article.orgId), eq(articles.url, input.url)));
    if (clash) throw new PublicError("articles.urlTaken", "url");
  }
  await db
    .update(articles)
    .set({ ...input, updatedAt: new Date() })
    .where(eq(articles.id, articleId));
  return { id: articleId };
}

/** Deletes the article and so every link to it. */
export async function deleteArticle(actor: Actor, articleId: string) {
  const db = await getDb();
  const article = await articleOf(actor, articleId, db);
  await db.delete(articles).where(eq(articles.id, articleId));
  return { id: article.id, title: article.title };
}

export async function getArticle(actor: Actor, orgId: string, articleId: string): Promise<{ article: Article; links: ArticleLinkView[] }> {
  const db = await getDb();
  await requireRole(actor, orgId, MANAGE, db);
  const [article] = await db
    .select()
    .from(articles)
    .where(and(eq(articles.id, articleId), eq(articles.orgId, orgId)));
  if (!article) throw new NotFoundError();
  return { article, links: await linksOf(db, articleId) };
}

async function linksOf(db: DbOrTx, articleId: string): Promise<ArticleLinkView[]> {
  const rows = await db
    .select({
      id: articleLinks.id,
      position: articleLinks.position,
      campaignId: campaigns.id,
      campaignSlug: campaigns.slug,
      campaignTitle: campaigns.title,
      eventId: events.id,
      eventSlug: events.slug,
      eventTitle: events.title,
    })
    .from(articleLinks)
    .leftJoin(events, eq(events.id, articleLinks.eventId))
    .innerJoin(campaigns, or(eq(campaigns.id, articleLinks.campaignId), eq(campaigns.id, events.campaignId)))
    .where(eq(articleLinks.articleId, articleId))
    .orderBy(asc(campaigns.title), asc(events.startsAt));
  return rows;
}

/** The library, newest first; with a query, ranked full-text matches with the words marked. */
export async function listArticles(actor: Actor, orgId: string, query = ""): Promise<ArticleSummary[]> {
  const db = await getDb();
  await requireRole(actor, orgId, MANAGE, db);
  const q = query.trim();
  const tsq = sql`websearch_to_tsquery('simple', ${q})`;
  const base = {
    id: articles.id,
    url: articles.url,
    title: articles.title,
    publication: articles.publication,
    publishedOn: articles.publishedOn,
    language: articles.language,
    linkCount: count(articleLinks.id),
  };
  if (!q) {
    const rows = await db
      .select(base)
      .from(articles)
      .leftJoin(articleLinks, eq(articleLinks.articleId, articles.id))
      .where(eq(articles.orgId, orgId))
      .groupBy(articles.id)
      .orderBy(sql`${articles.publishedOn} desc nulls last`, desc(articles.createdAt));
    return rows.map((r) => ({ ...r, linkCount: Number(r.linkCount) }));
  }
  const rows = await db
    .select({
      ...base,
      titleHeadline: sql<string>`ts_headline('simple', ${articles.title}, ${tsq}, ${"HighlightAll=true, " + HEADLINE_OPTIONS})`,
      textHeadline: sql<string>`ts_headline('simple', ${articles.excerpt} || ' ' || ${articles.body}, ${tsq}, ${HEADLINE_OPTIONS})`,
    })
    .from(articles)
    .leftJoin(articleLinks, eq(articleLinks.articleId, articles.id))
    .where(and(eq(articles.orgId, orgId), sql`${articles.searchVector} @@ ${tsq}`))
    .groupBy(articles.id)
    .orderBy(sql`ts_rank(${articles.searchVector}, ${tsq}) desc`, sql`${articles.publishedOn} desc nulls last`)
    .limit(50);
  return rows.map((r) => ({ ...r, linkCount: Number(r.linkCount) }));
}

export interface LinkTarget {
  campaignId: string;
  campaignTitle: string;
  events: { id: string; title: string; city: string; startsAt: Date; timeZone: string }[];
}

/** The organisation's campaigns and their events, for the "link to" choice. */
export async function listLinkTargets(actor: Actor, orgId: string): Promise<LinkTarget[]> {
  const db = await getDb();
  await requireRole(actor, orgId, MANAGE, db);
  const rows = await db
    .select({
      campaignId: campaigns.id,
      campaignTitle: campaigns.title,
      eventId: events.id,
      eventTitle: events.title,
      city: events.city,
      startsAt: events.startsAt,
      timeZone: events.timeZone,
    })
    .from(campaigns)
    .leftJoin(events, eq(events.campaignId, campaigns.id))
    .where(eq(campaigns.orgId, orgId))
    .orderBy(asc(campaigns.title), asc(events.startsAt));
  const out = new Map<string, LinkTarget>();
  for (const r of rows) {
    const target = out.get(r.campaignId) ?? { campaignId: r.campaignId, campaignTitle: r.campaignTitle, events: [] };
    if (r.eventId) target.events.push({ id: r.eventId, title: r.eventTitle!, city: r.city!, startsAt: r.startsAt!, timeZone: r.timeZone! });
    out.set(r.campaignId, target);
  }
  return [...out.values()];
}

/** Links the article to a campaign or an event of the same organisation; linking twice changes only the order. */
export async function linkArticle(actor: Actor, articleId: string, input: LinkInput) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const article = await articleOf(actor, articleId, tx);
    const [owner] =
      input.target.kind === "campaign"
        ? await tx.select({ orgId: campaigns.orgId }).from(campaigns).where(eq(campaigns.id, input.target.id))
        : await tx
            .select({ orgId: campaigns.orgId })
            .from(events)
            .innerJoin(campaigns, eq(campaigns.id, events.campaignId))
            .where(eq(events.id, input.target.id));
    // Another organisation's campaign looks like no campaign at all.
    if (!owner || owner.orgId !== article.orgId) throw new PublicError("articles.links.unknownTarget", "target");
    const campaignId = input.target.kind === "campaign" ? input.target.id : null;
    const eventId = input.target.kind === "event" ? input.target.id : null;
    const [existing] = await tx
      .select({ id: articleLinks.id })
      .from(articleLinks)
      .where(and(eq(articleLinks.articleId, articleId), campaignId ? eq(articleLinks.campaignId, campaignId) : eq(articleLinks.eventId, eventId!)));
    if (existing) {
      await tx.update(articleLinks).set({ position: input.position }).where(eq(articleLinks.id, existing.id));
      return { id: existing.id, created: false };
    }
    const [row] = await tx.insert(articleLinks).values({ articleId, campaignId, eventId, position: input.position }).returning({ id: articleLinks.id });
    return { id: row!.id, created: true };
  });
}

async function linkOf(actor: Actor, linkId: string, db: DbOrTx) {
  const [link] = await db.select().from(articleLinks).where(eq(articleLinks.id, linkId));
  if (!link) throw new NotFoundError();
  await articleOf(actor, link.articleId, db);
  return link;
}

export async function setLinkPosition(actor: Actor, linkId: string, position: number | null) {
  const db = await getDb();
  const link = await linkOf(actor, linkId, db);
  await db.update(articleLinks).set({ position }).where(eq(articleLinks.id, link.id));
  return { articleId: link.articleId };
}

export async function unlinkArticle(actor: Actor, linkId: string) {
  const db = await getDb();
  const link = await linkOf(actor, linkId, db);
  await db.delete(articleLinks).where(eq(articleLinks.id, link.id));
  return { articleId: link.articleId };
}
