import "server-only";
import { and, asc, eq, inArray, ne, or } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { campaigns, events, memberScopes, memberships, users, type Event, type ScopeKind } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { NotFoundError, PublicError } from "@/lib/errors";
import { audited } from "@/lib/audit";
import { requireRole, type Grant } from "./authz";
import { partnerCampaignIds } from "./partners";

/** The campaigns the organisation co-hosts, or one id that matches none (for an IN that must not be empty). */
async function partnerCampaignIdsOr(db: DbOrTx, orgId: string) {
  const ids = await partnerCampaignIds(db, orgId);
  return ids.length ? ids : ["00000000-0000-0000-0000-000000000000"];
}

// Least privilege for attendee data. Owners see every attendee of the organisation; an organizer those of the
// campaigns they made and of what they are given; a coordinator only what they are given: campaigns, events or
// cities (member_scopes). Everything else answers as if it did not exist (NotFoundError, a 404).

export interface Reach {
  all: boolean;
  campaignIds: Set<string>;
  eventIds: Set<string>;
  /** "country|city", the city folded (case and accents aside). */
  cities: Set<string>;
}

const fold = (s: string) => s.normalize("NFKD").replace(/\p{M}/gu, "").trim().toLocaleLowerCase();
export const cityKey = (country: string, city: string) => `${country.toUpperCase()}|${fold(city)}`;

/** What a member may see attendees of, computed from their grant. */
export async function reachOf(db: DbOrTx, grant: Grant): Promise<Reach> {
  const reach: Reach = { all: grant.role === "owner", campaignIds: new Set(), eventIds: new Set(), cities: new Set() };
  if (reach.all) return reach;
  const [given, made] = await Promise.all([
    db
      .select()
      .from(memberScopes)
      .where(and(eq(memberScopes.orgId, grant.orgId), eq(memberScopes.userId, grant.userId))),
    grant.role === "organizer"
      ? db
          .select({ id: campaigns.id })
          .from(campaigns)
          .where(and(eq(campaigns.orgId, grant.orgId), eq(campaigns.createdBy, grant.userId)))
      : Promise.resolve([]),
  ]);
  for (const m of made) reach.campaignIds.add(m.id);
  // A partner's organizers run its events in the campaigns it co-hosts (attendeeScope keeps to its own events).
  if (grant.role === "organizer") for (const id of await partnerCampaignIds(db, grant.orgId)) reach.campaignIds.add(id);
  for (const s of given) {
    if (s.kind === "campaign" && s.campaignId) reach.campaignIds.add(s.campaignId);
    if (s.kind === "event" && s.eventId) reach.eventIds.add(s.eventId);
    if (s.kind === "city" && s.city && s.country) reach.cities.add(cityKey(s.country, s.city));
  }
  return reach;
}

/** Whether the reach covers this event (of its campaign). */
export function reaches(reach: Reach, event: Pick<Event, "id" | "campaignId" | "country" | "city">): boolean {
  return reach.all || reach.campaignIds.has(event.campaignId) || reach.eventIds.has(event.id) || reach.cities.has(cityKey(event.country, event.city));
}

/** Whether the reach covers the whole campaign (so its list exists for them even with no event yet). */
export const reachesCampaign = (reach: Reach, campaignId: string) => reach.all || reach.campaignIds.has(campaignId);

export interface ScopeView {
  id: string;
  userId: string;
  kind: ScopeKind;
  campaignId: string | null;
  campaignTitle: string | null;
  eventId: string | null;
  eventTitle: string | null;
  country: string | null;
  city: string | null;
}

/** Every scope given in the organisation: owners and organizers. */
export async function listScopes(actor: Actor, orgId: string): Promise<ScopeView[]> {
  await requireRole(actor, orgId, "organizer");
  const db = await getDb();
  const rows = await db
    .select({
      id: memberScopes.id,
      userId: memberScopes.userId,
      kind: memberScopes.kind,
      campaignId: memberScopes.campaignId,
      campaignTitle: campaigns.title,
      eventId: memberScopes.eventId,
      eventTitle: events.title,
      country: memberScopes.country,
      city: memberScopes.city,
    })
    .from(memberScopes)
    .leftJoin(campaigns, eq(campaigns.id, memberScopes.campaignId))
    .leftJoin(events, eq(events.id, memberScopes.eventId))
    .where(eq(memberScopes.orgId, orgId))
    .orderBy(asc(memberScopes.createdAt));
  return rows;
}

export type ScopeInput = { kind: "campaign"; campaignId: string } | { kind: "event"; eventId: string } | { kind: "city"; country: string; city: string };

/**
 * An organizer or owner gives a member a campaign, an event or a city. An organizer gives only what they reach
 * themselves, and only to coordinators; owners give anything to organizers and coordinators.
 */
export async function grantScope(actor: Actor, orgId: string, userId: string, input: ScopeInput, now = new Date()): Promise<{ id: string }> {
  const db = await getDb();
  return audited(db, actor, "scope.grant", async (tx) => {
    const grant = await requireRole(actor, orgId, "organizer", tx);
    const [target] = await tx
      .select()
      .from(memberships)
      .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
    if (!target) throw new NotFoundError();
    if (target.role === "owner" || (grant.role !== "owner" && target.role !== "coordinator")) throw new PublicError("scopes.notForRole");
    const reach = await reachOf(tx, grant);
    let values: typeof memberScopes.$inferInsert;
    if (input.kind === "campaign") {
      // One of its own campaigns, or one it co-hosts (its member then reaches the events it runs there).
      const [c] = await tx
        .select({ id: campaigns.id })
        .from(campaigns)
        .where(and(eq(campaigns.id, input.campaignId), or(eq(campaigns.orgId, orgId), inArray(campaigns.id, await partnerCampaignIdsOr(tx, orgId)))));
      if (!c || !reachesCampaign(reach, c.id)) throw new NotFoundError();
      values = { orgId, userId, kind: "campaign", campaignId: c.id };
    } else if (input.kind === "event") {
      const [e] = await tx
        .select({ event: events })
        .from(events)
        .innerJoin(campaigns, eq(campaigns.id, events.campaignId))
        // An event it runs: a partner's event in its campaign is the partner's to give.
        .where(and(eq(events.id, input.eventId), eq(events.hostOrgId, orgId)));
      if (!e || !reaches(reach, e.event)) throw new NotFoundError();
      values = { orgId, userId, kind: "event", eventId: e.event.id };
    } else {
      const country = input.country.toUpperCase();
      const city = input.city.trim();
      if (!reach.all && !reach.cities.has(cityKey(country, city))) throw new NotFoundError();
      values = { orgId, userId, kind: "city", country, city };
    }
    const [row] = await tx
      .insert(memberScopes)
      .values({ ...values, createdBy: grant.userId, createdAt: now })
      .onConflictDoNothing()
      .returning({ id: memberScopes.id });
    const id = row?.id ?? "";
    return {
      result: { id },
      audit: {
        orgId,
        campaignId: values.campaignId ?? null,
        eventId: values.eventId ?? null,
        details: { member: userId, kind: values.kind, country: values.country ?? null, city: values.city ?? null, added: !!row },
      },
    };
  });
}

/** Takes a scope back: owners any, organizers those they could give. */
export async function revokeScope(actor: Actor, orgId: string, scopeId: string): Promise<void> {
  const db = await getDb();
  await audited(db, actor, "scope.revoke", async (tx) => {
    const grant = await requireRole(actor, orgId, "organizer", tx);
    const [row] = await tx
      .select()
      .from(memberScopes)
      .where(and(eq(memberScopes.id, scopeId), eq(memberScopes.orgId, orgId)));
    if (!row) throw new NotFoundError();
    if (grant.role !== "owner") {
      const reach = await reachOf(tx, grant);
      const [target] = await tx
        .select({ role: memberships.role })
        .from(memberships)
        .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, row.userId)));
      const mine =
        (row.campaignId && reachesCampaign(reach, row.campaignId)) ||
        (row.eventId && reach.eventIds.has(row.eventId)) ||
        (row.city && row.country && reach.cities.has(cityKey(row.country, row.city)));
      if (target?.role !== "coordinator" || !mine) throw new NotFoundError();
    }
    await tx.delete(memberScopes).where(eq(memberScopes.id, scopeId));
    return {
      result: undefined,
      audit: { orgId, campaignId: row.campaignId, eventId: row.eventId, details: { member: row.userId, kind: row.kind, country: row.country, city: row.city } },
    };
  });
}

/** Whose access an actor may shape: owners see every organizer and coordinator, organizers the coordinators. Names only. */
export async function listScopeHolders(actor: Actor, orgId: string): Promise<{ userId: string; name: string; role: "organizer" | "coordinator" }[]> {
  const grant = await requireRole(actor, orgId, "organizer");
  const db = await getDb();
  const rows = await db
    .select({ userId: memberships.userId, name: users.name, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), grant.role === "owner" ? ne(memberships.role, "owner") : eq(memberships.role, "coordinator")))
    .orderBy(asc(users.name));
  return rows.map((r) => ({ ...r, role: r.role as "organizer" | "coordinator" }));
}

/** What an actor may give on the members page: only campaigns, events and cities within their own reach. */
export async function scopeChoices(actor: Actor, orgId: string) {
  const db = await getDb();
  const grant = await requireRole(actor, orgId, "organizer", db);
  const reach = await reachOf(db, grant);
  const rows = await db
    .select({ event: events, campaignTitle: campaigns.title })
    .from(events)
    .innerJoin(campaigns, eq(campaigns.id, events.campaignId))
    .where(eq(events.hostOrgId, orgId))
    .orderBy(asc(campaigns.title), asc(events.startsAt));
  const coHosted = await partnerCampaignIdsOr(db, orgId);
  const all = await db
    .select({ id: campaigns.id, title: campaigns.title })
    .from(campaigns)
    .where(or(eq(campaigns.orgId, orgId), inArray(campaigns.id, coHosted)))
    .orderBy(asc(campaigns.title));
  const cities = new Map<string, { country: string; city: string }>();
  for (const r of rows) {
    const key = cityKey(r.event.country, r.event.city);
    if (r.event.city && (reach.all || reach.cities.has(key)) && !cities.has(key)) cities.set(key, { country: r.event.country, city: r.event.city });
  }
  return {
    campaigns: all.filter((c) => reachesCampaign(reach, c.id)),
    events: rows.filter((r) => reaches(reach, r.event)).map((r) => ({ id: r.event.id, title: r.event.title, campaignTitle: r.campaignTitle })),
    cities: [...cities.values()],
  };
}
