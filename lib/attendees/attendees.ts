import "server-only";
import { and, asc, count, desc, eq, ilike, inArray, isNotNull, isNull, or, sql, type SQL } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { campaigns, events, organisations, signups, type Campaign, type Event } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { NotFoundError, PublicError } from "@/lib/errors";
import { requireRole, type Grant } from "@/lib/orgs/authz";
import type { AttendeeFilter, AttendeeListQuery, WalkInInput } from "./schemas";

/**
 * One event, or every event of a campaign: what a list, a check-in screen or an export covers.
 * `orgSlug`, when the request's address names an organisation, must be the owning one.
 */
export type AttendeeScopeRef = ({ eventId: string } | { campaignId: string }) & { orgSlug?: string };

export interface AttendeeScope {
  grant: Grant;
  campaign: Campaign;
  events: Event[];
  event: Event | null;
}

export interface AttendeeRow {
  id: string;
  eventId: string;
  eventTitle: string;
  eventCity: string;
  eventTimeZone: string;
  name: string;
  email: string | null;
  phone: string | null;
  role: string | null;
  status: "confirmed" | "waitlisted" | "cancelled";
  comment: string | null;
  createdAt: Date;
  checkedInAt: Date | null;
  walkIn: boolean;
}

/** Coordinators, organizers and owners of the owning organisation; anyone else: NotFoundError. */
export async function attendeeScope(actor: Actor, ref: AttendeeScopeRef, db?: DbOrTx): Promise<AttendeeScope> {
  const conn = db ?? (await getDb());
  let campaign: Campaign | undefined;
  let event: Event | null = null;
  if ("eventId" in ref) {
    const [row] = await conn.select({ event: events, campaign: campaigns }).from(events).innerJoin(campaigns, eq(campaigns.id, events.campaignId)).where(eq(events.id, ref.eventId));
    if (!row) throw new NotFoundError();
    campaign = row.campaign;
    event = row.event;
  } else {
    [campaign] = await conn.select().from(campaigns).where(eq(campaigns.id, ref.campaignId));
    if (!campaign) throw new NotFoundError();
  }
  const grant = await requireRole(actor, campaign.orgId, "coordinator", conn);
  if (ref.orgSlug !== undefined) {
    const [org] = await conn.select({ slug: organisations.slug }).from(organisations).where(eq(organisations.id, campaign.orgId));
    if (org?.slug !== ref.orgSlug) throw new NotFoundError();
  }
  const list = event ? [event] : await conn.select().from(events).where(eq(events.campaignId, campaign.id)).orderBy(asc(events.startsAt));
  return { grant, campaign, events: list, event };
}

/** The WHERE clause for a scope and its filters; erased sign-ups are never listed. */
export function attendeeWhere(scope: AttendeeScope, filter: AttendeeFilter): SQL {
  const ids = scope.events.map((e) => e.id);
  const parts: (SQL | undefined)[] = [
    ids.length === 1 ? eq(signups.eventId, ids[0]!) : ids.length ? inArray(signups.eventId, ids) : sql`false`,
    isNull(signups.erasedAt),
    isNotNull(signups.name),
    filter.status ? eq(signups.status, filter.status) : undefined,
    filter.role ? eq(signups.role, filter.role) : undefined,
    filter.checkedIn === "yes" ? isNotNull(signups.checkedInAt) : filter.checkedIn === "no" ? isNull(signups.checkedInAt) : undefined,
    filter.q ? or(ilike(signups.name, `%${escapeLike(filter.q)}%`), ilike(signups.email, `%${escapeLike(filter.q)}%`)) : undefined,
  ];
  return and(...parts)!;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export const attendeeColumns = {
  id: signups.id,
  eventId: signups.eventId,
  eventTitle: events.title,
  eventCity: events.city,
  eventTimeZone: events.timeZone,
  name: sql<string>`${signups.name}`,
  email: signups.email,
  phone: signups.phone,
  role: signups.role,
  status: signups.status,
  comment: signups.comment,
  createdAt: signups.createdAt,
  checkedInAt: signups.checkedInAt,
  walkIn: signups.walkIn,
};

const SORTS = {
  createdAt: signups.createdAt,
  name: sql`lower(${signups.name})`,
  status: signups.status,
  checkedInAt: signups.checkedInAt,
  role: signups.role,
} as const;

export async function listAttendees(actor: Actor, ref: AttendeeScopeRef, query: AttendeeListQuery): Promise<{ rows: AttendeeRow[]; total: number; scope: AttendeeScope }> {
  const db = await getDb();
  const scope = await attendeeScope(actor, ref, db);
  const where = attendeeWhere(scope, query);
  const order = query.dir === "desc" ? desc : asc;
  const [rows, [total]] = await Promise.all([
    db
      .select(attendeeColumns)
      .from(signups)
      .innerJoin(events, eq(events.id, signups.eventId))
      .where(where)
      .orderBy(order(SORTS[query.sort]), order(signups.createdAt), order(signups.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(signups).where(where),
  ]);
  return { rows, total: Number(total?.n ?? 0), scope };
}

export interface AttendeeCounts {
  confirmed: number;
  waitlisted: number;
  cancelled: number;
  checkedIn: number;
  capacity: number | null;
  roles: string[];
}

export async function attendeeCounts(actor: Actor, ref: AttendeeScopeRef): Promise<AttendeeCounts> {
  const db = await getDb();
  const scope = await attendeeScope(actor, ref, db);
  const ids = scope.events.map((e) => e.id);
  if (!ids.length) return { confirmed: 0, waitlisted: 0, cancelled: 0, checkedIn: 0, capacity: null, roles: [] };
  const rows = await db
    .select({ status: signups.status, checkedIn: sql<boolean>`${signups.checkedInAt} is not null`, n: count() })
    .from(signups)
    .where(inArray(signups.eventId, ids))
    .groupBy(signups.status, sql`${signups.checkedInAt} is not null`);
  const counts = { confirmed: 0, waitlisted: 0, cancelled: 0, checkedIn: 0 };
  for (const r of rows) {
    counts[r.status] += Number(r.n);
    if (r.checkedIn && r.status !== "cancelled") counts.checkedIn += Number(r.n);
  }
  const capacities = scope.events.map((e) => e.capacity);
  const capacity = capacities.some((c) => c === null) ? null : capacities.reduce<number>((a, c) => a + (c ?? 0), 0);
  const roles = [...new Set(scope.events.flatMap((e) => e.roles))];
  return { ...counts, capacity, roles };
}

/**
 * Checks a person in or undoes it. One row, one statement: two coordinators at the door
 * never overwrite each other's check-ins, and checking in twice keeps the first time.
 */
export async function setCheckedIn(actor: Actor, signupId: string, checkedIn: boolean, now = new Date(), orgSlug?: string) {
  const db = await getDb();
  const [row] = await db.select({ eventId: signups.eventId, status: signups.status, erasedAt: signups.erasedAt }).from(signups).where(eq(signups.id, signupId));
  if (!row || row.erasedAt) throw new NotFoundError();
  const scope = await attendeeScope(actor, { eventId: row.eventId, orgSlug }, db);
  if (row.status !== "confirmed") throw new PublicError("attendees.onlyConfirmed");
  const [updated] = await db
    .update(signups)
    .set(
      checkedIn
        ? { checkedInAt: sql`coalesce(${signups.checkedInAt}, ${now.toISOString()}::timestamptz)`, checkedInBy: sql`coalesce(${signups.checkedInBy}, ${scope.grant.userId}::uuid)` }
        : { checkedInAt: null, checkedInBy: null },
    )
    .where(eq(signups.id, signupId))
    .returning({ id: signups.id, checkedInAt: signups.checkedInAt });
  return updated!;
}

/** Someone who turns up without having signed up: added as confirmed and checked in, within the capacity. */
export async function addWalkIn(actor: Actor, eventId: string, input: WalkInInput, now = new Date(), orgSlug?: string) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const scope = await attendeeScope(actor, { eventId, orgSlug }, tx);
    const [event] = await tx.select().from(events).where(eq(events.id, eventId)).for("update");
    if (!event) throw new NotFoundError();
    if (scope.event?.personalDataErasedAt) throw new PublicError("attendees.erased");
    if (event.capacity !== null && event.confirmedCount >= event.capacity) throw new PublicError("attendees.walkInFull");
    const [row] = await tx
      .insert(signups)
      .values({ eventId, name: input.name, email: input.email ?? null, status: "confirmed", walkIn: true, checkedInAt: now, checkedInBy: scope.grant.userId, createdAt: now, updatedAt: now })
      .onConflictDoNothing()
      .returning({ id: signups.id });
    if (!row) throw new PublicError("attendees.walkInKnown", "email");
    await tx.update(events).set({ confirmedCount: sql`${events.confirmedCount} + 1` }).where(eq(events.id, eventId));
    return row;
  });
}
