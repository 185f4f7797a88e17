import "server-only";
import { and, asc, count, desc, eq, gte, inArray, like, ne, or, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { campaigns, events, organisations, signups, type Campaign, type CampaignStatus } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { NotFoundError, PublicError } from "@/lib/errors";
import { requireRole } from "@/lib/orgs/authz";
import { isPartner, partnerCampaignIds } from "@/lib/orgs/partners";
import { audited } from "@/lib/audit";
import type { Role } from "@/lib/orgs/roles";
import { firstFreeSlug, slugify } from "@/lib/slug";
import type { CampaignInput } from "./schemas";

export interface CampaignSummary {
  id: string;
  slug: string;
  title: string;
  kind: Campaign["kind"];
  status: CampaignStatus;
  summary: string;
  updatedAt: Date;
  eventCount: number;
  /** Co-hosted as a partner of the organisation that leads it. */
  partner: boolean;
}

/** The fields the campaign form writes, as created and as edited. */
const editableFields = (input: CampaignInput) => ({
  title: input.title,
  kind: input.kind,
  summary: input.summary,
  body: input.body,
  appealUrl: input.appealUrl,
  signupOrigins: input.signupOrigins,
  acceptsProposals: input.acceptsProposals,
  retentionDays: input.retentionDays,
  ...(input.federated === undefined ? {} : { federated: input.federated }),
});

export async function createCampaign(actor: Actor, orgId: string, input: CampaignInput) {
  const grant = await requireRole(actor, orgId, "organizer");
  const db = await getDb();
  const base = input.slug ?? slugify(input.title);
  if (!base) throw new PublicError("validation.slug", "slug");
  return db.transaction(async (tx) => {
    let slug = base;
    if (!input.slug) {
      const taken = await tx
        .select({ slug: campaigns.slug })
        .from(campaigns)
        .where(like(campaigns.slug, `${base}%`));
      slug = firstFreeSlug(
        base,
        taken.map((t) => t.slug),
      );
    }
    const [row] = await tx
      .insert(campaigns)
      .values({
        orgId,
        slug,
        ...editableFields(input),
        createdBy: grant.userId,
        language: input.language ?? "en",
      })
      .onConflictDoNothing({ target: campaigns.slug })
      .returning({ id: campaigns.id, slug: campaigns.slug });
    if (!row) throw new PublicError("campaigns.slugTaken", "slug");
    return row;
  });
}

/** The campaign with the actor's grant, or NotFoundError/ForbiddenError. */
export async function campaignForActor(actor: Actor, campaignId: string, needed: Role) {
  const db = await getDb();
  const [row] = await db.select().from(campaigns).where(eq(campaigns.id, campaignId));
  if (!row) throw new NotFoundError();
  const grant = await requireRole(actor, row.orgId, needed);
  return { campaign: row, role: grant.role };
}

/**
 * A campaign of the organisation by its address, or one it co-hosts as a partner (published or archived: a lead's
 * draft stays the lead's). `lead` says which: a partner adds and runs its own events, and changes nothing else.
 */
export async function getCampaignBySlug(actor: Actor, orgId: string, slug: string, needed: Role = "coordinator") {
  await requireRole(actor, orgId, needed);
  const db = await getDb();
  const [row] = await db.select().from(campaigns).where(eq(campaigns.slug, slug));
  if (!row) throw new NotFoundError();
  if (row.orgId === orgId) return { ...row, lead: true, ledBy: null };
  if (row.status === "draft" || !(await isPartner(db, row.id, orgId))) throw new NotFoundError();
  const [lead] = await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, row.orgId));
  return { ...row, lead: false, ledBy: lead?.name ?? "" };
}

export async function updateCampaign(actor: Actor, campaignId: string, input: CampaignInput) {
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      // Locked and checked in the transaction that writes: a campaign published meanwhile keeps its address.
      const campaign = await lockedCampaign(tx, actor, campaignId, "organizer");
      // The address is public once published: it stays fixed from then on.
      const slug = campaign.status === "draft" && input.slug ? input.slug : campaign.slug;
      const clash = slug !== campaign.slug ? await tx.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.slug, slug)) : [];
      if (clash.length) throw new PublicError("campaigns.slugTaken", "slug");
      const [row] = await tx
        .update(campaigns)
        .set({
          slug,
          ...editableFields(input),
          language: input.language ?? campaign.language,
          updatedAt: new Date(),
        })
        .where(eq(campaigns.id, campaignId))
        .returning({ id: campaigns.id, slug: campaigns.slug });
      return row!;
    });
  } catch (e) {
    // Another campaign took the address between the check and the write: the unique index refused it.
    if (violates(e, "campaigns_slug_key")) throw new PublicError("campaigns.slugTaken", "slug");
    throw e;
  }
}

/** The campaign's row, locked for this transaction, once the actor's role in its organisation allows `needed`. */
async function lockedCampaign(tx: DbOrTx, actor: Actor, campaignId: string, needed: Role) {
  const [campaign] = await tx.select().from(campaigns).where(eq(campaigns.id, campaignId)).for("update");
  if (!campaign) throw new NotFoundError();
  await requireRole(actor, campaign.orgId, needed, tx);
  return campaign;
}

/** True when the database refused a write for this unique index (node-postgres's error, or Drizzle's around it). */
function violates(e: unknown, constraint: string): boolean {
  for (
    let err = e as { code?: unknown; constraint?: unknown; cause?: unknown } | undefined, depth = 0;
    err && depth < 3;
    err = err.cause as typeof err, depth++
  ) {
    if (err.code === "23505" && err.constraint === constraint) return true;
  }
  return false;
}

/**
 * Deletes a campaign made by mistake: only a draft, and only while none of its events has a sign-up
 * (of any status, erased ones included). Its events, translations and links go with it; audited in the same transaction.
 */
export async function deleteCampaign(actor: Actor, campaignId: string) {
  const db = await getDb();
  return audited(db, actor, "campaign.delete", async (tx) => {
    // Locked: publishing it in the meantime waits for this to end.
    const campaign = await lockedCampaign(tx, actor, campaignId, "organizer");
    if (campaign.status !== "draft") throw new PublicError("campaigns.deleteNotDraft");
    const [taken] = await tx.select({ n: count() }).from(signups).innerJoin(events, eq(events.id, signups.eventId)).where(eq(events.campaignId, campaignId));
    if (Number(taken?.n ?? 0) > 0) throw new PublicError("campaigns.deleteHasSignups");
    const [held] = await tx.select({ n: count() }).from(events).where(eq(events.campaignId, campaignId));
    await tx.delete(campaigns).where(eq(campaigns.id, campaignId));
    // The row names no campaign: it is gone; the title and address say which it was.
    const details = { title: campaign.title, slug: campaign.slug, events: Number(held?.n ?? 0) };
    return { result: { slug: campaign.slug }, audit: { orgId: campaign.orgId, details } };
  });
}

export async function setCampaignStatus(actor: Actor, campaignId: string, status: CampaignStatus) {
  const db = await getDb();
  const now = new Date();
  return audited(db, actor, "campaign.status", async (tx) => {
    // Read, checked and written in one transaction: the audit's "from" is the status this change replaced.
    const campaign = await lockedCampaign(tx, actor, campaignId, "organizer");
    await tx
      .update(campaigns)
      .set({ status, updatedAt: now, publishedAt: status === "published" ? (campaign.publishedAt ?? now) : campaign.publishedAt })
      .where(eq(campaigns.id, campaignId));
    return { result: { slug: campaign.slug, status }, audit: { orgId: campaign.orgId, campaignId, details: { from: campaign.status, to: status }, at: now } };
  });
}

export async function listCampaigns(actor: Actor, orgId: string): Promise<CampaignSummary[]> {
  await requireRole(actor, orgId, "coordinator");
  const db = await getDb();
  const partnerOf = await partnerCampaignIds(db, orgId);
  const rows = await db
    .select({
      id: campaigns.id,
      slug: campaigns.slug,
      title: campaigns.title,
      kind: campaigns.kind,
      status: campaigns.status,
      summary: campaigns.summary,
      updatedAt: campaigns.updatedAt,
      eventCount: count(events.id),
      partner: sql<boolean>`${campaigns.orgId} <> ${orgId}`,
    })
    .from(campaigns)
    // A campaign it co-hosts counts this organisation's own events.
    .leftJoin(events, and(eq(events.campaignId, campaigns.id), or(eq(campaigns.orgId, orgId), eq(events.hostOrgId, orgId))))
    .where(or(eq(campaigns.orgId, orgId), partnerOf.length ? and(inArray(campaigns.id, partnerOf), ne(campaigns.status, "draft")) : sql`false`))
    .groupBy(campaigns.id)
    .orderBy(sql`case ${campaigns.status} when 'published' then 0 when 'draft' then 1 else 2 end`, desc(campaigns.updatedAt));
  return rows.map((r) => ({ ...r, eventCount: Number(r.eventCount) }));
}

/** For the public start page: published campaigns with their next event first. */
export async function listPublishedCampaigns(now = new Date()) {
  const db = await getDb();
  const rows = await db
    .select({ slug: campaigns.slug, title: campaigns.title, kind: campaigns.kind, summary: campaigns.summary, upcoming: count(events.id) })
    .from(campaigns)
    .leftJoin(events, and(eq(events.campaignId, campaigns.id), gte(events.endsAt, now)))
    .where(eq(campaigns.status, "published"))
    .groupBy(campaigns.id)
    .orderBy(asc(campaigns.title));
  return rows.map((r) => ({ ...r, upcoming: Number(r.upcoming) }));
}
