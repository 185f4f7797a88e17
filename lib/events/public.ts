import "server-only";
import { and, asc, desc, eq, gte, lt, ne, sql } from "drizzle-orm";
import { alias, type AnyPgColumn } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import { campaigns, events, organisations, type Campaign, type Event } from "@/db/schema";
import { signupAvailability, type SignupState } from "@/lib/signups/availability";
import { exactPlaceOf, placeDue, placeRevealAt, withPublicPlace, type ExactPlace } from "./place";

// Public reads: published (or archived) campaigns only, public fields only, as plain objects.

export interface PublicEvent {
  id: string;
  slug: string;
  title: string;
  kind: Event["kind"];
  description: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  /** Empty, like address, the coordinates and the online link, when the place is hidden (lib/events/place.ts). */
  venue: string;
  address: string;
  city: string;
  country: string;
  latitude: number | null;
  longitude: number | null;
  onlineUrl: string | null;
  placeHidden: boolean;
  /** What the public may know of a hidden place ("near the central station"); empty when the place is shown. */
  gatheringArea: string;
  /** When a hidden place is sent to the confirmed attendees; null when the place is shown. */
  placeRevealAt: Date | null;
  capacity: number | null;
  placesLeft: number | null;
  signupDeadline: Date | null;
  waitlist: boolean;
  status: Event["status"];
  roles: string[];
  /** What its sign-up asks for, and whether each sign-up waits for approval. */
  signupMode: Event["signupMode"];
  approval: boolean;
  /** How many of a role are needed, for the roles that say. */
  roleNeeds: Record<string, number>;
  /** The organisation that runs it: the campaign's, or a partner co-hosting it. */
  hostName: string;
  /** Run by a partner co-hosting the campaign, not by the campaign's own organisation. */
  coHosted: boolean;
  previousStartsAt: Date | null;
  previousEndsAt: Date | null;
  changeReason: string | null;
  signupState: SignupState;
  /** iCalendar SEQUENCE: raised by every organizer's change. */
  sequence: number;
  updatedAt: Date;
  /** The language its own title and description are written in. */
  language: string;
}

export interface PublicCampaign {
  id: string;
  slug: string;
  title: string;
  kind: Campaign["kind"];
  summary: string;
  body: string;
  appealUrl: string | null;
  status: Campaign["status"];
  orgName: string;
  retentionDays: number;
  /** Supporters may propose events of their own (/c/{slug}/host). */
  acceptsProposals: boolean;
  /** Followable from the fediverse now (published, and not switched off): its actor is /ap/campaigns/{slug}. */
  federated: boolean;
  updatedAt: Date;
  /** The language its own text is written in. */
  language: string;
  /** Its hosts, the campaign's organisation first, on the campaign page (the others when partners run events). */
  hosts?: string[];
}

/** An event row as the public may see it: the one mapping every public reading (pages, feeds, webhooks) goes through. */
export function toPublicEvent(row: Event, campaignStatus: string, now: Date, hostName: string, campaignOrgId: string): PublicEvent {
  const { state, placesLeft } = signupAvailability(row, campaignStatus, now);
  // The exact place never leaves this module on a public reading.
  const e = withPublicPlace(row);
  return {
    id: e.id,
    slug: e.slug,
    title: e.title,
    kind: e.kind,
    description: e.description,
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    timeZone: e.timeZone,
    venue: e.venue,
    address: e.address,
    city: e.city,
    country: e.country,
    latitude: e.latitude,
    longitude: e.longitude,
    onlineUrl: e.onlineUrl,
    placeHidden: e.placeHidden,
    gatheringArea: e.gatheringArea,
    placeRevealAt: e.placeHidden ? placeRevealAt(e) : null,
    capacity: e.capacity,
    placesLeft,
    signupDeadline: e.signupDeadline,
    waitlist: e.waitlist,
    status: e.status,
    roles: e.roles,
    signupMode: e.signupMode,
    approval: e.approval,
    roleNeeds: e.roleNeeds,
    hostName,
    coHosted: row.hostOrgId !== campaignOrgId,
    previousStartsAt: e.previousStartsAt,
    previousEndsAt: e.previousEndsAt,
    changeReason: e.changeReason,
    signupState: state,
    sequence: e.sequence,
    updatedAt: e.updatedAt,
    language: e.language,
  };
}

function toPublicCampaign(c: Campaign, orgName: string): PublicCampaign {
  return {
    id: c.id,
    slug: c.slug,
    title: c.title,
    kind: c.kind,
    summary: c.summary,
    body: c.body,
    appealUrl: c.appealUrl,
    status: c.status,
    orgName,
    retentionDays: c.retentionDays,
    acceptsProposals: c.acceptsProposals && c.status === "published",
    federated: c.federated && c.status === "published",
    updatedAt: c.updatedAt,
    language: c.language,
  };
}

const hostOrg = alias(organisations, "host_org");

async function visibleCampaign(slug: string) {
  const db = await getDb();
  const [row] = await db
    .select({ campaign: campaigns, orgName: organisations.name })
    .from(campaigns)
    .innerJoin(organisations, eq(organisations.id, campaigns.orgId))
    .where(and(eq(campaigns.slug, slug), ne(campaigns.status, "draft")));
  return row;
}

export async function getPublicCampaign(slug: string, now = new Date()): Promise<{ campaign: PublicCampaign; events: PublicEvent[] } | null> {
  const row = await visibleCampaign(slug);
  if (!row) return null;
  const db = await getDb();
  const rows = await db
    .select({ event: events, hostName: organisations.name })
    .from(events)
    .innerJoin(organisations, eq(organisations.id, events.hostOrgId))
    .where(eq(events.campaignId, row.campaign.id))
    .orderBy(asc(events.startsAt), asc(events.country), asc(events.city));
  const campaign = toPublicCampaign(row.campaign, row.orgName);
  // Its hosts: the campaign's organisation first, then each partner that runs an event of it.
  const partners = new Map(rows.filter((r) => r.event.hostOrgId !== row.campaign.orgId).map((r) => [r.event.hostOrgId, r.hostName]));
  const hosts = [row.orgName, ...partners.values()];
  return { campaign: { ...campaign, hosts }, events: rows.map((r) => toPublicEvent(r.event, row.campaign.status, now, r.hostName, row.campaign.orgId)) };
}

/** A campaign that is not a draft, without its events; null for a draft or none. */
export async function findPublicCampaign(slug: string): Promise<PublicCampaign | null> {
  const row = await visibleCampaign(slug);
  return row ? toPublicCampaign(row.campaign, row.orgName) : null;
}

export async function getPublicEvent(
  campaignSlug: string,
  eventSlug: string,
  now = new Date(),
): Promise<{ campaign: PublicCampaign; event: PublicEvent } | null> {
  const row = await visibleCampaign(campaignSlug);
  if (!row) return null;
  const db = await getDb();
  const [e] = await db
    .select({ event: events, hostName: organisations.name })
    .from(events)
    .innerJoin(organisations, eq(organisations.id, events.hostOrgId))
    .where(and(eq(events.campaignId, row.campaign.id), eq(events.slug, eventSlug)));
  if (!e) return null;
  return { campaign: toPublicCampaign(row.campaign, row.orgName), event: toPublicEvent(e.event, row.campaign.status, now, e.hostName, row.campaign.orgId) };
}

/** The public event behind a sign-up's event id (for the private page). */
export async function getPublicEventById(eventId: string, now = new Date()) {
  const db = await getDb();
  const [row] = await db
    .select({ event: events, campaign: campaigns, orgName: organisations.name, hostName: hostOrg.name })
    .from(events)
    .innerJoin(campaigns, eq(campaigns.id, events.campaignId))
    .innerJoin(organisations, eq(organisations.id, campaigns.orgId))
    .innerJoin(hostOrg, eq(hostOrg.id, events.hostOrgId))
    .where(eq(events.id, eventId));
  if (!row) return null;
  return { campaign: toPublicCampaign(row.campaign, row.orgName), event: toPublicEvent(row.event, row.campaign.status, now, row.hostName, row.campaign.orgId) };
}

/** Upcoming events of published campaigns, soonest first. */
export async function listUpcomingPublicEvents(now = new Date(), limit = 60) {
  const db = await getDb();
  const rows = await db
    .select({ event: events, campaignSlug: campaigns.slug, campaignTitle: campaigns.title, campaignOrgId: campaigns.orgId, hostName: organisations.name })
    .from(events)
    .innerJoin(campaigns, eq(campaigns.id, events.campaignId))
    .innerJoin(organisations, eq(organisations.id, events.hostOrgId))
    .where(and(eq(campaigns.status, "published"), gte(events.endsAt, now)))
    .orderBy(asc(events.startsAt), asc(events.city))
    .limit(limit);
  return rows.map((r) => ({
    ...toPublicEvent(r.event, "published", now, r.hostName, r.campaignOrgId),
    campaignSlug: r.campaignSlug,
    campaignTitle: r.campaignTitle,
  }));
}

/** The id of a visible event by its address: the one query a sign-up needs before its own transaction. */
/** A sign-up's target: the event (of a campaign that is not a draft) and the other sites its campaign lets send sign-ups. */
export async function findVisibleEvent(
  campaignSlug: string,
  eventSlug: string,
): Promise<{ id: string; signupOrigins: string[]; signupMode: Event["signupMode"] } | null> {
  const db = await getDb();
  const [row] = await db
    .select({ id: events.id, signupOrigins: campaigns.signupOrigins, signupMode: events.signupMode })
    .from(events)
    .innerJoin(campaigns, eq(campaigns.id, events.campaignId))
    .where(and(eq(campaigns.slug, campaignSlug), ne(campaigns.status, "draft"), eq(events.slug, eventSlug)));
  return row ?? null;
}

/**
 * A hidden place, for one of its confirmed attendees once its time has come (their private page); null before,
 * for anyone else, or when the place was never hidden (the public event has it all).
 */
export async function revealedPlaceFor(eventId: string, status: string, now = new Date()): Promise<ExactPlace | null> {
  if (status !== "confirmed") return null;
  const db = await getDb();
  const [row] = await db
    .select({ event: events })
    .from(events)
    .innerJoin(campaigns, eq(campaigns.id, events.campaignId))
    .where(and(eq(events.id, eventId), ne(campaigns.status, "draft"), ne(events.status, "cancelled")));
  if (!row?.event.placeHidden || !placeDue(row.event, now)) return null;
  return exactPlaceOf(row.event);
}

/** Where a page of a list starts: after the row with this sort instant (in UTC, to the microsecond) and id. */
export interface PageKey {
  at: string;
  id: string;
}

// The sort instant as the database has it, microseconds included, so that the next page starts exactly after it.
const keyOf = (column: AnyPgColumn) => sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
const afterKey = (instant: AnyPgColumn, id: AnyPgColumn, key: PageKey, before = false) =>
  sql`(${instant}, ${id}) ${sql.raw(before ? "<" : ">")} (${key.at}::timestamptz, ${key.id}::uuid)`;

/**
 * Published campaigns a page at a time, oldest first, each with its hosts (its organisation first, then the partners
 * running its events) and its numbers of upcoming and past events: one query.
 */
export async function listPublicCampaignsPage({ after, limit, now = new Date() }: { after: PageKey | null; limit: number; now?: Date }) {
  const db = await getDb();
  const at = sql`${now.toISOString()}::timestamptz`;
  const rows = await db
    .select({
      campaign: campaigns,
      orgName: organisations.name,
      key: keyOf(campaigns.createdAt),
      upcoming: sql<number>`count(${events.id}) filter (where ${events.endsAt} >= ${at})`.mapWith(Number),
      past: sql<number>`count(${events.id}) filter (where ${events.endsAt} < ${at})`.mapWith(Number),
      partners: sql<string[]>`coalesce(array_agg(distinct ${hostOrg.name}) filter (where ${events.hostOrgId} <> ${campaigns.orgId}), '{}')`,
    })
    .from(campaigns)
    .innerJoin(organisations, eq(organisations.id, campaigns.orgId))
    .leftJoin(events, eq(events.campaignId, campaigns.id))
    .leftJoin(hostOrg, eq(hostOrg.id, events.hostOrgId))
    .where(and(eq(campaigns.status, "published"), after ? afterKey(campaigns.createdAt, campaigns.id, after) : undefined))
    .groupBy(campaigns.id, organisations.id)
    .orderBy(asc(campaigns.createdAt), asc(campaigns.id))
    .limit(limit + 1);
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  return {
    campaigns: shown.map((r) => ({
      ...toPublicCampaign(r.campaign, r.orgName),
      hosts: [r.orgName, ...r.partners],
      counts: { upcomingEvents: r.upcoming, pastEvents: r.past },
    })),
    next: rows.length > limit && last ? { at: last.key, id: last.campaign.id } : null,
  };
}

export type EventsWhen = "upcoming" | "past" | "all";

/**
 * A page of a visible campaign's events: upcoming (not yet ended) and all in start order, past ones latest first;
 * null for a campaign that is a draft or none. Two queries: the campaign, then the page.
 */
export async function listPublicEventsPage(
  campaignSlug: string,
  { when, after, limit, now = new Date() }: { when: EventsWhen; after: PageKey | null; limit: number; now?: Date },
): Promise<{ campaign: PublicCampaign; events: PublicEvent[]; next: PageKey | null } | null> {
  const row = await visibleCampaign(campaignSlug);
  if (!row) return null;
  const db = await getDb();
  const past = when === "past";
  const rows = await db
    .select({ event: events, hostName: organisations.name, key: keyOf(events.startsAt) })
    .from(events)
    .innerJoin(organisations, eq(organisations.id, events.hostOrgId))
    .where(
      and(
        eq(events.campaignId, row.campaign.id),
        when === "upcoming" ? gte(events.endsAt, now) : past ? lt(events.endsAt, now) : undefined,
        after ? afterKey(events.startsAt, events.id, after, past) : undefined,
      ),
    )
    .orderBy(...(past ? [desc(events.startsAt), desc(events.id)] : [asc(events.startsAt), asc(events.id)]))
    .limit(limit + 1);
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  return {
    campaign: toPublicCampaign(row.campaign, row.orgName),
    events: shown.map((r) => toPublicEvent(r.event, row.campaign.status, now, r.hostName, row.campaign.orgId)),
    next: rows.length > limit && last ? { at: last.key, id: last.event.id } : null,
  };
}
