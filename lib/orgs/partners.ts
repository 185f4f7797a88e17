import "server-only";
import { and, asc, eq, gt, inArray, isNull, ne, notInArray, sql } from "drizzle-orm";
import { getDb, type DbOrTx, type Tx } from "@/db/client";
import { campaignPartners, campaigns, events, memberships, organisations, partnerInvitations } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { audited } from "@/lib/audit";
import { NotFoundError, PublicError } from "@/lib/errors";
import { siteOrigin } from "@/lib/mail/origin";
import { queueEventCancelled } from "@/lib/mail/event-mail";
import { mailTranslator } from "@/lib/mail/render";
import { hashToken, newToken } from "@/lib/security/tokens";
import { getMembership, requireRole } from "./authz";

// A coalition: a campaign's organisation (its lead) invites other organisations to co-host it. A partner's
// organizers add and run their own events in the campaign, and only its members reach those events' people; the
// lead sees their counts, never their attendees. A partner that leaves takes its events with it: they are
// cancelled, and their sign-ups told as for any cancellation.

export const PARTNER_INVITATION_DAYS = 7;

/** Whether the organisation co-hosts the campaign as a partner. */
export async function isPartner(db: DbOrTx, campaignId: string, orgId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: campaignPartners.id })
    .from(campaignPartners)
    .where(and(eq(campaignPartners.campaignId, campaignId), eq(campaignPartners.orgId, orgId)));
  return row !== undefined;
}

/** The campaigns an organisation co-hosts as a partner. */
export async function partnerCampaignIds(db: DbOrTx, orgId: string): Promise<string[]> {
  const rows = await db.select({ id: campaignPartners.campaignId }).from(campaignPartners).where(eq(campaignPartners.orgId, orgId));
  return rows.map((r) => r.id);
}

/** The link for a partner invitation: made from the site's own address, never from a request's. */
export const partnerInvitationUrl = (token: string) => `${siteOrigin()}/partner/${token}`;

/** A one-use link that makes another organisation a partner of the campaign: the lead's owners only. */
export async function createPartnerInvitation(actor: Actor, campaignId: string, now = new Date()) {
  const db = await getDb();
  const [campaign] = await db.select().from(campaigns).where(eq(campaigns.id, campaignId));
  if (!campaign) throw new NotFoundError();
  const grant = await requireRole(actor, campaign.orgId, "owner", db);
  const token = newToken();
  const expiresAt = new Date(now.getTime() + PARTNER_INVITATION_DAYS * 86_400_000);
  return audited(db, actor, "partner.invite", async (tx) => {
    const [row] = await tx
      .insert(partnerInvitations)
      .values({ campaignId, tokenHash: hashToken(token), createdBy: grant.userId, createdAt: now, expiresAt })
      .returning({ id: partnerInvitations.id });
    return {
      result: { id: row!.id, url: partnerInvitationUrl(token), expiresAt },
      audit: { orgId: campaign.orgId, campaignId, details: { invitation: row!.id }, at: now },
    };
  });
}

async function openInvitation(db: DbOrTx, token: string, now: Date) {
  if (!token || token.length > 100) return null;
  const [row] = await db
    .select({ invitation: partnerInvitations, campaign: campaigns, leadName: organisations.name })
    .from(partnerInvitations)
    .innerJoin(campaigns, eq(campaigns.id, partnerInvitations.campaignId))
    .innerJoin(organisations, eq(organisations.id, campaigns.orgId))
    .where(
      and(
        eq(partnerInvitations.tokenHash, hashToken(token)),
        isNull(partnerInvitations.acceptedAt),
        isNull(partnerInvitations.revokedAt),
        gt(partnerInvitations.expiresAt, now),
      ),
    );
  return row ?? null;
}

export interface PartnerInvitationView {
  campaignTitle: string;
  leadName: string;
  /** The organisations the reader owns that may join (not the lead, not partners already). */
  organisations: { id: string; name: string }[];
}

/** What the link's reader sees: the campaign, who leads it, and which of their organisations may join. Null: no such link. */
export async function viewPartnerInvitation(actor: Actor, token: string, now = new Date()): Promise<PartnerInvitationView | null> {
  if (!actor) return null;
  const db = await getDb();
  const found = await openInvitation(db, token, now);
  if (!found) return null;
  const partners = await db.select({ orgId: campaignPartners.orgId }).from(campaignPartners).where(eq(campaignPartners.campaignId, found.campaign.id));
  const owned = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.orgId))
    .where(
      and(
        eq(memberships.userId, actor.userId),
        eq(memberships.role, "owner"),
        ne(organisations.id, found.campaign.orgId),
        partners.length
          ? notInArray(
              organisations.id,
              partners.map((p) => p.orgId),
            )
          : undefined,
      ),
    )
    .orderBy(asc(organisations.name));
  return { campaignTitle: found.campaign.title, leadName: found.leadName, organisations: owned };
}

/** An owner makes their organisation a partner of the campaign through the link; the link is then used up. */
export async function acceptPartnerInvitation(actor: Actor, token: string, orgId: string, now = new Date()) {
  const db = await getDb();
  const grant = await requireRole(actor, orgId, "owner", db);
  return audited(db, actor, "partner.join", async (tx) => {
    const found = await openInvitation(tx, token, now);
    if (!found) throw new PublicError("partners.linkInvalid");
    if (found.campaign.orgId === orgId) throw new PublicError("partners.ownCampaign", "orgId");
    const [claimed] = await tx
      .update(partnerInvitations)
      .set({ acceptedAt: now, acceptedOrgId: orgId })
      .where(and(eq(partnerInvitations.id, found.invitation.id), isNull(partnerInvitations.acceptedAt)))
      .returning({ id: partnerInvitations.id });
    if (!claimed) throw new PublicError("partners.linkInvalid");
    const [joined] = await tx
      .insert(campaignPartners)
      .values({ campaignId: found.campaign.id, orgId, joinedBy: grant.userId, createdAt: now })
      .onConflictDoNothing()
      .returning({ id: campaignPartners.id });
    if (!joined) throw new PublicError("partners.already", "orgId");
    const [org] = await tx.select({ slug: organisations.slug }).from(organisations).where(eq(organisations.id, orgId));
    return {
      result: { orgSlug: org!.slug, campaignSlug: found.campaign.slug },
      // On the lead's log: which organisation joined, by which link.
      audit: { orgId: found.campaign.orgId, campaignId: found.campaign.id, details: { partner: orgId, invitation: found.invitation.id }, at: now },
    };
  });
}

export interface PartnerView {
  orgId: string;
  name: string;
  /** Its events in the campaign, and how many people are confirmed and waitlisted at them. */
  events: number;
  confirmed: number;
  waitlisted: number;
}

/** The campaign's partners with their counts: for the lead's members, and for the partners themselves. */
export async function listPartners(actor: Actor, campaignId: string, viewerOrgId: string): Promise<PartnerView[]> {
  const db = await getDb();
  const [campaign] = await db.select().from(campaigns).where(eq(campaigns.id, campaignId));
  if (!campaign) throw new NotFoundError();
  if (viewerOrgId !== campaign.orgId && !(await isPartner(db, campaignId, viewerOrgId))) throw new NotFoundError();
  await requireRole(actor, viewerOrgId, "coordinator", db);
  const rows = await db
    .select({
      orgId: campaignPartners.orgId,
      name: organisations.name,
      events: sql<number>`count(${events.id})`,
      confirmed: sql<number>`coalesce(sum(${events.confirmedCount}), 0)`,
      waitlisted: sql<number>`coalesce(sum(${events.waitlistedCount}), 0)`,
    })
    .from(campaignPartners)
    .innerJoin(organisations, eq(organisations.id, campaignPartners.orgId))
    .leftJoin(events, and(eq(events.campaignId, campaignPartners.campaignId), eq(events.hostOrgId, campaignPartners.orgId)))
    // A partner sees its own row: the other partners' counts are the lead's to see.
    .where(and(eq(campaignPartners.campaignId, campaignId), viewerOrgId === campaign.orgId ? undefined : eq(campaignPartners.orgId, viewerOrgId)))
    .groupBy(campaignPartners.orgId, organisations.name)
    .orderBy(asc(organisations.name));
  return rows.map((r) => ({ ...r, events: Number(r.events), confirmed: Number(r.confirmed), waitlisted: Number(r.waitlisted) }));
}

/**
 * A partner leaves the campaign (its owner), or the lead's owner removes it: its events still to come are
 * cancelled with the reason, and their sign-ups told, in the same transaction.
 */
export async function removePartner(actor: Actor, campaignId: string, partnerOrgId: string, now = new Date()) {
  const db = await getDb();
  const [campaign] = await db.select().from(campaigns).where(eq(campaigns.id, campaignId));
  if (!campaign) throw new NotFoundError();
  // Either side's owner; anyone else learns nothing.
  const lead = await getMembership(actor, campaign.orgId, db);
  const actingOrg = lead?.role === "owner" ? campaign.orgId : partnerOrgId;
  await requireRole(actor, actingOrg, "owner", db);
  return audited(db, actor, "partner.leave", async (tx) => {
    const [gone] = await tx
      .delete(campaignPartners)
      .where(and(eq(campaignPartners.campaignId, campaignId), eq(campaignPartners.orgId, partnerOrgId)))
      .returning({ id: campaignPartners.id });
    if (!gone) throw new NotFoundError();
    const cancelled = await cancelPartnerEvents(tx, campaignId, partnerOrgId, now);
    return {
      result: { cancelled },
      audit: {
        orgId: actingOrg,
        campaignId,
        details: { partner: partnerOrgId, by: actingOrg === campaign.orgId ? "lead" : "partner" },
        rowCount: cancelled,
        at: now,
      },
    };
  });
}

/** The partner's events still to come, cancelled; each one's people told. Returns how many. */
async function cancelPartnerEvents(tx: Tx, campaignId: string, partnerOrgId: string, now: Date): Promise<number> {
  const open = await tx
    .select()
    .from(events)
    .where(and(eq(events.campaignId, campaignId), eq(events.hostOrgId, partnerOrgId), ne(events.status, "cancelled"), gt(events.endsAt, now)))
    .for("update");
  if (!open.length) return 0;
  const [org] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, partnerOrgId));
  const [campaign] = await tx.select({ language: campaigns.language }).from(campaigns).where(eq(campaigns.id, campaignId));
  // Shown on the event's page and in the messages, in the campaign's own language like the rest of its text.
  const reason = mailTranslator(campaign?.language ?? "en")("partnerLeft", { org: org?.name ?? "" });
  await tx
    .update(events)
    .set({ status: "cancelled", changeReason: reason, updatedAt: now, sequence: sql`${events.sequence} + 1` })
    .where(
      inArray(
        events.id,
        open.map((e) => e.id),
      ),
    );
  for (const e of open) await queueEventCancelled(tx, { ...e, status: "cancelled" }, reason);
  return open.length;
}
