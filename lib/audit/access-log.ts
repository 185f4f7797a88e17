import "server-only";
import { and, asc, count, desc, eq, gte, inArray, isNull, lte, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { accessRecords, campaigns, events, memberships, signups, users, type AccessKind } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireRole } from "@/lib/orgs/authz";
import { pageNumber, pageOf, pageOffset } from "@/lib/paging";
import { campaignOf, placeNames, withPlaces } from "./places";

export const ACCESS_PAGE_SIZE = 25;
export const ACCESS_SORTS = ["when", "rows"] as const;
export type AccessSort = (typeof ACCESS_SORTS)[number];

export interface AccessQuery {
  member?: string;
  event?: string;
  sort?: AccessSort;
  dir?: "asc" | "desc";
  page?: number;
}

export interface AccessEntry {
  id: string;
  kind: AccessKind;
  createdAt: Date;
  lastAt: Date;
  times: number;
  rowCount: number;
  actorId: string | null;
  actorName: string | null;
  campaignTitle: string | null;
  eventId: string | null;
  eventTitle: string | null;
}

const isId = (s: string | undefined): s is string => !!s && /^[0-9a-f-]{36}$/i.test(s);

/** Who looked at which attendees, when, how many rows: owners only. Filtered to one member or one event, paged, sorted. */
export async function listAccess(actor: Actor, orgId: string, query: AccessQuery = {}) {
  const db = await getDb();
  await requireRole(actor, orgId, "owner", db);
  const page = pageNumber(query.page);
  const dir = query.dir === "asc" ? asc : desc;
  const where: SQL = and(
    eq(accessRecords.orgId, orgId),
    isId(query.member) ? eq(accessRecords.actorId, query.member) : undefined,
    isId(query.event) ? eq(accessRecords.eventId, query.event) : undefined,
  )!;
  const order = query.sort === "rows" ? [dir(accessRecords.rowCount), desc(accessRecords.createdAt)] : [dir(accessRecords.createdAt)];
  const select = db
    .select({
      id: accessRecords.id,
      kind: accessRecords.kind,
      createdAt: accessRecords.createdAt,
      lastAt: accessRecords.lastAt,
      times: accessRecords.times,
      rowCount: accessRecords.rowCount,
      actorId: accessRecords.actorId,
      eventId: accessRecords.eventId,
      ...placeNames,
    })
    .from(accessRecords)
    .$dynamic();
  const [rows, [total]] = await Promise.all([
    withPlaces(select, accessRecords)
      .where(where)
      .orderBy(...order, desc(accessRecords.id))
      .limit(ACCESS_PAGE_SIZE)
      .offset(pageOffset(page, ACCESS_PAGE_SIZE)),
    db.select({ n: count() }).from(accessRecords).where(where),
  ]);
  const entries: AccessEntry[] = rows.map(campaignOf);
  return pageOf(entries, total?.n, page, ACCESS_PAGE_SIZE);
}

/** The members and events the log can be filtered by. */
export async function accessFilters(actor: Actor, orgId: string) {
  const db = await getDb();
  await requireRole(actor, orgId, "owner", db);
  const [members, eventList] = await Promise.all([
    db
      .select({ id: users.id, name: users.name })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.orgId, orgId))
      .orderBy(asc(users.name)),
    db
      .select({ id: events.id, title: events.title, campaignTitle: campaigns.title })
      .from(events)
      .innerJoin(campaigns, eq(campaigns.id, events.campaignId))
      .where(eq(campaigns.orgId, orgId))
      .orderBy(asc(campaigns.title), asc(events.startsAt)),
  ]);
  return { members, events: eventList };
}

export interface HeavyReader {
  userId: string;
  name: string;
  rows: number;
  signups: number;
}

/**
 * Members who read more attendee rows in the last 24 hours than the organisation has sign-ups at all (each person
 * once): reading every list once never trips it; copying them over and over does. Owners only.
 */
export async function heavyReaders(actor: Actor, orgId: string, now = new Date()): Promise<HeavyReader[]> {
  const db = await getDb();
  await requireRole(actor, orgId, "owner", db);
  const since = new Date(now.getTime() - 24 * 3_600_000);
  const [[people], readers] = await Promise.all([
    db
      .select({ n: count() })
      .from(signups)
      .innerJoin(events, eq(events.id, signups.eventId))
      .innerJoin(campaigns, eq(campaigns.id, events.campaignId))
      .where(and(eq(campaigns.orgId, orgId), isNull(signups.erasedAt), inArray(signups.status, ["confirmed", "waitlisted"]))),
    db
      .select({ userId: accessRecords.actorId, name: users.name, rows: sql<number>`sum(${accessRecords.rowCount})::int` })
      .from(accessRecords)
      .innerJoin(users, eq(users.id, accessRecords.actorId))
      .where(and(eq(accessRecords.orgId, orgId), gte(accessRecords.lastAt, since), lte(accessRecords.createdAt, now)))
      .groupBy(accessRecords.actorId, users.name),
  ]);
  const total = Number(people?.n ?? 0);
  return readers
    .filter((r) => r.userId && Number(r.rows) > Math.max(total, 1))
    .map((r) => ({ userId: r.userId!, name: r.name, rows: Number(r.rows), signups: total }))
    .sort((a, b) => b.rows - a.rows);
}
