import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, eq, gt, inArray, isNotNull, lt, or, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { campaigns, eventProposals, events, organisations, type EventProposal } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { getAuthSecret } from "@/lib/auth/secret";
import { audited, recordAccess } from "@/lib/audit";
import { NotFoundError, PublicError } from "@/lib/errors";
import { insertEvent } from "@/lib/events/events";
import type { EventInput } from "@/lib/events/schemas";
import { enqueue } from "@/lib/mail/outbox";
import { siteOrigin } from "@/lib/mail/origin";
import { requireRole } from "@/lib/orgs/authz";
import * as rateLimit from "@/lib/rate-limit";
import { hashToken, keyedHash } from "@/lib/security/tokens";
import { openHost, sealHost } from "./host";
import { proposalApprovedMessage, proposalConfirmMessage, proposalDeclinedMessage } from "./mail";
import type { ProposalInput } from "./schemas";

// A supporter proposes an event under a campaign that accepts proposals; confirms it from the link sent to their
// address; an organizer of the campaign's organisation approves it (the event is made, any field edited first) or
// declines it with a note. The public answer to a proposal is always the same: it never says whether the address
// proposed before, whether a message went out, or whether it was a bot's.

/** How long an unconfirmed proposal waits for its host before it is erased. */
export const CONFIRM_HOURS = 24;
const CLIENT_LIMIT = { limit: 10, seconds: 3600 };
const CAMPAIGN_LIMIT = { limit: 200, seconds: 3600 };
// Confirmation messages to one address: more would make Picket a way to flood someone's inbox.
const ADDRESS_LIMIT = { limit: 3, seconds: 86_400 };

/** The campaign a public proposal is for: published, and accepting proposals. */
async function openCampaign(db: DbOrTx, slug: string) {
  const [row] = await db
    .select({ id: campaigns.id, slug: campaigns.slug, title: campaigns.title, orgId: campaigns.orgId, orgName: organisations.name })
    .from(campaigns)
    .innerJoin(organisations, eq(organisations.id, campaigns.orgId))
    .where(and(eq(campaigns.slug, slug), eq(campaigns.status, "published"), eq(campaigns.acceptsProposals, true)));
  return row ?? null;
}

/** Whether a campaign's page offers the form (and the form's page exists). */
export async function campaignTakingProposals(slug: string) {
  return openCampaign(await getDb(), slug);
}

/**
 * A proposal from the public form. Stored unconfirmed with its host sealed, and a message with the host's link
 * queued, in one transaction. A bot's (its honeypot filled) or a fourth in a day to one address is answered the
 * same and leaves nothing behind.
 */
export async function proposeEvent(campaignSlug: string, input: ProposalInput, ctx: { client: string; locale: string }, now = new Date()): Promise<void> {
  const db = await getDb();
  const campaign = await openCampaign(db, campaignSlug);
  if (!campaign) throw new NotFoundError();
  const [perClient, perCampaign] = await Promise.all([
    rateLimit.take(`proposal:client:${ctx.client}`, CLIENT_LIMIT, now, db),
    rateLimit.take(`proposal:campaign:${campaign.id}`, CAMPAIGN_LIMIT, now, db),
  ]);
  if (!perClient.allowed || !perCampaign.allowed) throw new PublicError("hosts.rateLimited");
  if (input.website) return;
  const perAddress = await rateLimit.take(`proposal:address:${keyedHash(`${getAuthSecret()}:proposal-address`, input.email)}`, ADDRESS_LIMIT, now, db);
  if (!perAddress.allowed) return;
  await db.transaction(async (tx) => {
    const id = randomUUID();
    const host = { name: input.name, email: input.email };
    const [row] = await tx
      .insert(eventProposals)
      .values({
        id,
        campaignId: campaign.id,
        title: input.title,
        kind: input.kind,
        description: input.description,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        timeZone: input.timeZone,
        venue: input.venue,
        address: input.address,
        city: input.city,
        country: input.country,
        host: await sealHost(tx, campaign.orgId, id, host),
        locale: ctx.locale,
        createdAt: now,
      })
      .returning();
    await enqueue(tx, [proposalConfirmMessage({ orgId: campaign.orgId, orgName: campaign.orgName, campaign, proposal: row! }, host)], now);
  });
}

/** The proposal a host's link names, with its campaign; null for a link that leads nowhere (any more). */
export async function proposalByToken(db: DbOrTx, token: string, now = new Date()) {
  if (!token || token.length > 100) return null;
  const [row] = await db
    .select({ proposal: eventProposals, campaign: { id: campaigns.id, slug: campaigns.slug, title: campaigns.title, orgId: campaigns.orgId } })
    .from(eventProposals)
    .innerJoin(campaigns, eq(campaigns.id, eventProposals.campaignId))
    .where(eq(eventProposals.hostTokenHash, hashToken(token)));
  if (!row || row.proposal.host === null) return null;
  if (row.proposal.status === "unconfirmed" && row.proposal.createdAt.getTime() < now.getTime() - CONFIRM_HOURS * 3_600_000) return null;
  if (row.proposal.status === "declined") return null;
  return row;
}

/** The host follows their link and presses "Confirm": the organizers see the proposal from now on. */
export async function confirmProposal(token: string, now = new Date()): Promise<void> {
  const db = await getDb();
  const found = await proposalByToken(db, token, now);
  if (!found) throw new NotFoundError();
  if (found.proposal.status !== "unconfirmed") return;
  await db
    .update(eventProposals)
    .set({ status: "pending", confirmedAt: now })
    .where(and(eq(eventProposals.id, found.proposal.id), eq(eventProposals.status, "unconfirmed")));
}

export type ProposalSummary = Pick<
  EventProposal,
  "id" | "title" | "kind" | "startsAt" | "endsAt" | "timeZone" | "city" | "country" | "createdAt" | "confirmedAt" | "status"
>;

/** Confirmed proposals waiting for a decision, soonest first: organizers of the campaign's organisation. */
export async function listProposals(actor: Actor, campaignId: string): Promise<ProposalSummary[]> {
  const db = await getDb();
  const campaign = await campaignFor(db, actor, campaignId);
  return db
    .select({
      id: eventProposals.id,
      title: eventProposals.title,
      kind: eventProposals.kind,
      startsAt: eventProposals.startsAt,
      endsAt: eventProposals.endsAt,
      timeZone: eventProposals.timeZone,
      city: eventProposals.city,
      country: eventProposals.country,
      createdAt: eventProposals.createdAt,
      confirmedAt: eventProposals.confirmedAt,
      status: eventProposals.status,
    })
    .from(eventProposals)
    .where(and(eq(eventProposals.campaignId, campaign.id), eq(eventProposals.status, "pending"), gt(eventProposals.startsAt, new Date())))
    .orderBy(asc(eventProposals.startsAt));
}

async function campaignFor(db: DbOrTx, actor: Actor, campaignId: string) {
  const [campaign] = await db.select().from(campaigns).where(eq(campaigns.id, campaignId));
  if (!campaign) throw new NotFoundError();
  await requireRole(actor, campaign.orgId, "organizer", db);
  return campaign;
}

/** One confirmed proposal with its host's name and address, for an organizer deciding it: a look at personal data, recorded. */
export async function getProposal(actor: Actor, campaignId: string, proposalId: string) {
  const db = await getDb();
  const campaign = await campaignFor(db, actor, campaignId);
  const [proposal] = await db
    .select()
    .from(eventProposals)
    .where(and(eq(eventProposals.id, proposalId), eq(eventProposals.campaignId, campaign.id), eq(eventProposals.status, "pending")));
  if (!proposal) throw new NotFoundError();
  const host = await openHost(db, proposal);
  await recordAccess(db, actor, { orgId: campaign.orgId, kind: "list", campaignId: campaign.id, pageKey: `proposal:${proposal.id}`, rowCount: 1 });
  return { proposal, host };
}

/** The proposal under its row lock, with its campaign and organisation, once the actor is an organizer there. */
async function lockedProposal(tx: DbOrTx, actor: Actor, proposalId: string) {
  const [row] = await tx
    .select({ proposal: eventProposals, campaign: campaigns, orgName: organisations.name })
    .from(eventProposals)
    .innerJoin(campaigns, eq(campaigns.id, eventProposals.campaignId))
    .innerJoin(organisations, eq(organisations.id, campaigns.orgId))
    .where(eq(eventProposals.id, proposalId))
    .for("update", { of: eventProposals });
  if (!row) throw new NotFoundError();
  await requireRole(actor, row.campaign.orgId, "organizer", tx);
  if (row.proposal.status === "unconfirmed") throw new NotFoundError();
  if (row.proposal.status !== "pending") throw new PublicError("hosts.alreadyDecided");
  return row;
}

/**
 * Approves a proposal as the organizer edited it (the whole event form): the event is made and public at once, and
 * the host is sent the private link to run it. One transaction, on the owners' log.
 */
export async function approveProposal(actor: Actor, proposalId: string, input: EventInput, now = new Date()) {
  const db = await getDb();
  return audited(db, actor, "proposal.approve", async (tx) => {
    const { proposal, campaign, orgName } = await lockedProposal(tx, actor, proposalId);
    const event = await insertEvent(tx, campaign, input, campaign.orgId);
    await tx
      .update(eventProposals)
      // The proposal keeps the time as approved: its host may move the event only so far from it.
      .set({ status: "approved", eventId: event.id, decidedBy: actor?.userId ?? null, decidedAt: now, startsAt: input.startsAt, endsAt: input.endsAt })
      .where(eq(eventProposals.id, proposal.id));
    const host = await openHost(tx, proposal);
    if (host) await enqueue(tx, [proposalApprovedMessage({ orgId: campaign.orgId, orgName, campaign, proposal }, host, siteOrigin(), event)], now);
    return { result: event, audit: { orgId: campaign.orgId, campaignId: campaign.id, eventId: event.id, details: { proposal: proposal.id } } };
  });
}

/** Declines a proposal with a note for the host, who is told by email; their name and address are erased at once. */
export async function declineProposal(actor: Actor, proposalId: string, note: string, now = new Date()): Promise<void> {
  const db = await getDb();
  await audited(db, actor, "proposal.decline", async (tx) => {
    const { proposal, campaign, orgName } = await lockedProposal(tx, actor, proposalId);
    const host = await openHost(tx, proposal);
    if (host) await enqueue(tx, [proposalDeclinedMessage({ orgId: campaign.orgId, orgName, campaign, proposal }, host, note)], now);
    await tx
      .update(eventProposals)
      .set({ status: "declined", decisionNote: note || null, decidedBy: actor?.userId ?? null, decidedAt: now, host: null, hostTokenHash: null })
      .where(eq(eventProposals.id, proposal.id));
    return { result: undefined, audit: { orgId: campaign.orgId, campaignId: campaign.id, details: { proposal: proposal.id } } };
  });
}

/** How long a decided proposal's record stays (its host long erased). */
const DECIDED_RECORD_DAYS = 30;

/**
 * What the schedule forgets: unconfirmed proposals after a day and undecided ones once their date has passed
 * (rows and all); the host of an approved one once its event has ended or is gone (the link with it); declined
 * ones' records after 30 days.
 */
export async function purgeProposals(now = new Date(), db?: DbOrTx): Promise<{ deleted: number; hostsErased: number }> {
  const conn = db ?? (await getDb());
  const stale = new Date(now.getTime() - CONFIRM_HOURS * 3_600_000);
  const old = new Date(now.getTime() - DECIDED_RECORD_DAYS * 86_400_000);
  const deleted = await conn
    .delete(eventProposals)
    .where(
      or(
        and(eq(eventProposals.status, "unconfirmed"), lt(eventProposals.createdAt, stale)),
        and(eq(eventProposals.status, "pending"), lt(eventProposals.startsAt, now)),
        and(eq(eventProposals.status, "declined"), lt(eventProposals.decidedAt, old)),
      ),
    )
    .returning({ id: eventProposals.id });
  const running = conn
    .select({ id: events.id })
    .from(events)
    .where(sql`${events.endsAt} > ${now.toISOString()}::timestamptz`);
  const erased = await conn
    .update(eventProposals)
    .set({ host: null, hostTokenHash: null })
    .where(
      and(
        eq(eventProposals.status, "approved"),
        isNotNull(eventProposals.host),
        or(sql`${eventProposals.eventId} is null`, sql`${eventProposals.eventId} not in (${running})`),
      ),
    )
    .returning({ id: eventProposals.id });
  return { deleted: deleted.length, hostsErased: erased.length };
}

/** Counts of confirmed proposals waiting, per campaign: for the dashboard's campaign page. */
export async function waitingProposals(db: DbOrTx, campaignIds: string[]): Promise<Map<string, number>> {
  if (campaignIds.length === 0) return new Map();
  const rows = await db
    .select({ campaignId: eventProposals.campaignId, n: sql<number>`count(*)::int` })
    .from(eventProposals)
    .where(and(inArray(eventProposals.campaignId, campaignIds), eq(eventProposals.status, "pending"), gt(eventProposals.startsAt, new Date())))
    .groupBy(eventProposals.campaignId);
  return new Map(rows.map((r) => [r.campaignId, Number(r.n)]));
}

/** The zone of the event a host's link runs (its times are typed in it); UTC for a link that leads nowhere. */
export async function hostedEventZone(token: string): Promise<string> {
  const db = await getDb();
  const found = await proposalByToken(db, token);
  if (!found?.proposal.eventId) return "UTC";
  const [event] = await db.select({ timeZone: events.timeZone }).from(events).where(eq(events.id, found.proposal.eventId));
  return event?.timeZone ?? "UTC";
}
