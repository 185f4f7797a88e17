import "server-only";
import { and, asc, count, eq, like, sql } from "drizzle-orm";
import { getDb, type DbOrTx, type Tx } from "@/db/client";
import { campaigns, events, signups, type Campaign, type Event } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { NotFoundError, PublicError } from "@/lib/errors";
import { audited } from "@/lib/audit";
import { requireRole } from "@/lib/orgs/authz";
import type { Role } from "@/lib/orgs/roles";
import { queueEventCancelled, queueEventChanged } from "@/lib/mail/event-mail";
import { queuePromotions } from "@/lib/mail/signup-mail";
import { lockEvent, promoteFromWaitlist } from "@/lib/signups/waitlist";
import { moveShifts, shiftsOf } from "@/lib/shifts/places";
import { firstFreeSlug, slugify } from "@/lib/slug";
import { instantToZonedLocal, zonedLocalToInstant } from "@/lib/time/zones";
import { caseInCampaign } from "@/lib/trials/trials";
import { isPartner } from "@/lib/orgs/partners";
import type { DuplicateInput, EventInput, PostponeInput } from "./schemas";

export interface EventSummary {
  id: string;
  slug: string;
  title: string;
  kind: Event["kind"];
  status: Event["status"];
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  city: string;
  country: string;
  capacity: number | null;
  confirmedCount: number;
  waitlistedCount: number;
  waitlist: boolean;
}

/**
 * The event, its campaign and the actor's grant on the organisation that runs it (the campaign's, or a partner
 * co-hosting it): only its members change the event or reach its people. Anyone else: NotFoundError.
 */
export async function eventForActor(actor: Actor, eventId: string, needed: Role, db?: DbOrTx) {
  const conn = db ?? (await getDb());
  const [row] = await conn
    .select({ event: events, campaign: campaigns })
    .from(events)
    .innerJoin(campaigns, eq(campaigns.id, events.campaignId))
    .where(eq(events.id, eventId));
  if (!row) throw new NotFoundError();
  const grant = await requireRole(actor, row.event.hostOrgId, needed, conn);
  return { ...row, role: grant.role };
}

/** The campaign, for a member of its organisation or (`hostOrgId`) of a partner co-hosting it. */
async function campaignOf(actor: Actor, campaignId: string, needed: Role, db: DbOrTx, hostOrgId?: string) {
  const [campaign] = await db.select().from(campaigns).where(eq(campaigns.id, campaignId));
  if (!campaign) throw new NotFoundError();
  const orgId = hostOrgId ?? campaign.orgId;
  if (orgId !== campaign.orgId && !(await isPartner(db, campaign.id, orgId))) throw new NotFoundError();
  await requireRole(actor, orgId, needed, db);
  return campaign;
}

async function freeSlug(db: DbOrTx, campaignId: string, base: string) {
  const taken = await db
    .select({ slug: events.slug })
    .from(events)
    .where(and(eq(events.campaignId, campaignId), like(events.slug, `${base}%`)));
  return firstFreeSlug(
    base,
    taken.map((t) => t.slug),
  );
}

function columns(input: EventInput) {
  const { slug: _slug, confirmEarlierErasure: _confirm, ...rest } = input;
  return rest;
}

const DAY_MS = 86_400_000;

/**
 * A new end that brings the automatic erasure of the event's sign-ups earlier is most often a typo in a date (the
 * year, the month): it goes through only once the organizer has seen the new erasure date and confirmed it. An hour
 * or so (another zone, a shorter meeting) asks nothing, unless the erasure would then be due at once.
 * (The erasure date is the one of lib/retention: whole days after the end.)
 */
function guardEarlierErasure(current: Event, retentionDays: number, newEndsAt: Date, confirmed: boolean | undefined, now = new Date()) {
  if (confirmed || current.personalDataErasedAt || newEndsAt >= current.endsAt) return;
  const before = new Date(current.endsAt.getTime() + retentionDays * DAY_MS);
  const after = new Date(newEndsAt.getTime() + retentionDays * DAY_MS);
  const dueAtOnce = after <= now && before > now;
  if (before.getTime() - after.getTime() <= DAY_MS && !dueAtOnce) return;
  throw new PublicError("events.erasureEarlier", "confirmEarlierErasure", { date: after.toISOString() });
}

/** A new event of the campaign, run by `hostOrgId` (the campaign's organisation unless a partner adds it). */
export async function createEvent(actor: Actor, campaignId: string, input: EventInput, hostOrgId?: string) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const campaign = await campaignOf(actor, campaignId, "organizer", tx, hostOrgId);
    return insertEvent(tx, campaign, input, hostOrgId ?? campaign.orgId);
  });
}

/**
 * Writes a new event of a campaign whose writer the caller has already checked (an organizer creating it, or one
 * approving a supporter's proposal), in the caller's transaction: its case must be the campaign's, and its address
 * is the one asked for or the first free one made from its title and city.
 */
export async function insertEvent(tx: Tx, campaign: Campaign, input: EventInput, hostOrgId: string) {
  await caseInCampaign(tx, campaign.id, input.caseId);
  const base = input.slug ?? slugify([input.title, input.city].filter(Boolean).join(" "));
  const slug = input.slug ?? (await freeSlug(tx, campaign.id, base || "event"));
  const [row] = await tx
    .insert(events)
    .values({ campaignId: campaign.id, slug, hostOrgId, ...columns(input), language: input.language ?? campaign.language })
    .onConflictDoNothing({ target: [events.campaignId, events.slug] })
    .returning({ id: events.id, slug: events.slug, title: events.title });
  if (!row) throw new PublicError("events.slugTaken", "slug");
  return row;
}

/** Edits an event. Raising the capacity promotes from the waitlist in the same transaction. */
/** Calendars replace their copy of an event when its SEQUENCE grows: every organizer's change raises it by one. */
const nextSequence = sql`${events.sequence} + 1`;

export async function updateEvent(actor: Actor, eventId: string, input: EventInput) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { campaign } = await eventForActor(actor, eventId, "organizer", tx);
    const current = (await lockEvent(tx, eventId))!;
    await caseInCampaign(tx, current.campaignId, input.caseId);
    guardEarlierErasure(current, campaign.retentionDays, input.endsAt, input.confirmEarlierErasure);
    // Requests waiting for a decision would be left with nobody to decide them.
    if (!input.approval && current.requestedCount > 0) throw new PublicError("events.requestsPending", "approval", { count: current.requestedCount });
    // An event split into shifts has its places in its shifts (lib/shifts).
    if (input.capacity !== null && (await shiftsOf(tx, eventId)).length) throw new PublicError("editor.shifts.eventCapacity", "capacity");
    if (input.capacity !== null && input.capacity < current.confirmedCount) {
      throw new PublicError("events.capacityBelowConfirmed", "capacity", { confirmed: current.confirmedCount });
    }
    const slug = input.slug && input.slug !== current.slug ? input.slug : current.slug;
    if (slug !== current.slug) {
      const [clash] = await tx
        .select({ id: events.id })
        .from(events)
        .where(and(eq(events.campaignId, current.campaignId), eq(events.slug, slug)));
      if (clash) throw new PublicError("events.slugTaken", "slug");
    }
    const [row] = await tx
      .update(events)
      .set({ ...columns(input), language: input.language ?? current.language, slug, updatedAt: new Date(), sequence: nextSequence })
      .where(eq(events.id, eventId))
      .returning();
    const now = new Date();
    const promoted = await promoteFromWaitlist(tx, row!, now);
    await queuePromotions(tx, eventId, promoted, now);
    await queueEventChanged(tx, current, row!, now);
    return { id: row!.id, slug: row!.slug, promoted: promoted.length };
  });
}

/** A new date; the old one is kept and shown, with the reason. */
export async function postponeEvent(actor: Actor, eventId: string, input: PostponeInput) {
  const db = await getDb();
  return audited(db, actor, "event.postpone", async (tx) => {
    const { event, campaign } = await eventForActor(actor, eventId, "organizer", tx);
    if (event.status === "cancelled") throw new PublicError("events.alreadyCancelled");
    guardEarlierErasure(event, campaign.retentionDays, input.endsAt, input.confirmEarlierErasure);
    const deadline = event.signupDeadline && event.signupDeadline > input.startsAt ? input.startsAt : event.signupDeadline;
    const [moved] = await tx
      .update(events)
      .set({
        previousStartsAt: event.startsAt,
        previousEndsAt: event.endsAt,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        signupDeadline: deadline,
        changeReason: input.reason || null,
        status: "postponed",
        updatedAt: new Date(),
        sequence: nextSequence,
      })
      .where(eq(events.id, eventId))
      .returning();
    await moveShifts(tx, eventId, input.startsAt.getTime() - event.startsAt.getTime());
    await queueEventChanged(tx, event, moved!);
    const details = { from: event.status, to: "postponed", startsAt: input.startsAt.toISOString(), previousStartsAt: event.startsAt.toISOString() };
    return { result: { slug: event.slug }, audit: { orgId: event.hostOrgId, campaignId: campaign.id, eventId, details } };
  });
}

export async function cancelEvent(actor: Actor, eventId: string, reason: string) {
  const db = await getDb();
  return audited(db, actor, "event.cancel", async (tx) => {
    const { event, campaign } = await eventForActor(actor, eventId, "organizer", tx);
    const changed = event.status !== "cancelled";
    await tx
      .update(events)
      .set({ status: "cancelled", changeReason: reason || null, updatedAt: new Date(), ...(changed ? { sequence: nextSequence } : {}) })
      .where(eq(events.id, eventId));
    if (event.status !== "cancelled") await queueEventCancelled(tx, { ...event, status: "cancelled" }, reason || null);
    return {
      result: { slug: event.slug },
      audit: changed ? { orgId: event.hostOrgId, campaignId: campaign.id, eventId, details: { from: event.status, to: "cancelled" } } : null,
    };
  });
}

/**
 * Deletes an event made by mistake. Only while nobody has signed up to it (no sign-up of any status, erased
 * ones included: their counts are the record that people came); audited in the same transaction.
 */
export async function deleteEvent(actor: Actor, eventId: string) {
  const db = await getDb();
  return audited(db, actor, "event.delete", async (tx) => {
    const { event, campaign } = await eventForActor(actor, eventId, "organizer", tx);
    // Under the event's lock no sign-up can arrive between the count and the delete.
    await lockEvent(tx, eventId);
    const [taken] = await tx.select({ n: count() }).from(signups).where(eq(signups.eventId, eventId));
    if (Number(taken?.n ?? 0) > 0) throw new PublicError("events.deleteHasSignups");
    await tx.delete(events).where(eq(events.id, eventId));
    const details = { title: event.title, slug: event.slug, startsAt: event.startsAt.toISOString(), city: event.city, country: event.country };
    return { result: { campaignSlug: campaign.slug }, audit: { orgId: event.hostOrgId, campaignId: campaign.id, details } };
  });
}

/** A day of action: the same event at the same local times, in another city and zone. */
export async function duplicateEvent(actor: Actor, eventId: string, input: DuplicateInput) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { event } = await eventForActor(actor, eventId, "organizer", tx);
    const shift = (d: Date | null) => (d ? zonedLocalToInstant(instantToZonedLocal(d, event.timeZone), input.timeZone) : null);
    const startsAt = shift(event.startsAt)!;
    const endsAt = shift(event.endsAt)!;
    const title = input.title || event.title;
    const slug = await freeSlug(tx, event.campaignId, slugify(`${title} ${input.city}`) || "event");
    const [row] = await tx
      .insert(events)
      .values({
        campaignId: event.campaignId,
        slug,
        // A copy is run by the organisation that runs the original.
        hostOrgId: event.hostOrgId,
        title,
        kind: event.kind,
        description: event.description,
        startsAt,
        endsAt,
        signupDeadline: shift(event.signupDeadline),
        timeZone: input.timeZone,
        venue: input.venue,
        address: input.address,
        city: input.city,
        country: input.country,
        latitude: input.latitude,
        longitude: input.longitude,
        onlineUrl: event.onlineUrl,
        capacity: event.capacity,
        waitlist: event.waitlist,
        roles: event.roles,
        roleNeeds: event.roleNeeds,
        signupMode: event.signupMode,
        approval: event.approval,
        placeHidden: event.placeHidden,
        gatheringArea: event.gatheringArea,
        placeRevealMinutes: event.placeRevealMinutes,
        language: event.language,
      })
      .returning({ id: events.id, slug: events.slug });
    return row!;
  });
}

/** The campaign's events with their counts: all of them for its organisation, a partner's own for the partner. */
export async function listEvents(actor: Actor, campaignId: string, hostOrgId?: string): Promise<EventSummary[]> {
  const db = await getDb();
  const campaign = await campaignOf(actor, campaignId, "coordinator", db, hostOrgId);
  const partner = hostOrgId !== undefined && hostOrgId !== campaign.orgId;
  return db
    .select({
      id: events.id,
      slug: events.slug,
      title: events.title,
      kind: events.kind,
      status: events.status,
      startsAt: events.startsAt,
      endsAt: events.endsAt,
      timeZone: events.timeZone,
      city: events.city,
      country: events.country,
      capacity: events.capacity,
      confirmedCount: events.confirmedCount,
      waitlistedCount: events.waitlistedCount,
      waitlist: events.waitlist,
    })
    .from(events)
    .where(and(eq(events.campaignId, campaignId), partner ? eq(events.hostOrgId, hostOrgId) : undefined))
    .orderBy(asc(events.startsAt), asc(events.city));
}

/** An event of the campaign by its address, for a member of the organisation that runs it (as `eventForActor`). */
export async function getEventBySlug(actor: Actor, campaignId: string, slug: string, needed: Role = "coordinator") {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(events)
    .where(and(eq(events.campaignId, campaignId), eq(events.slug, slug)));
  if (!row) throw new NotFoundError();
  await requireRole(actor, row.hostOrgId, needed, db);
  return row;
}
