import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaigns, deliveries, federatedObjects, federationFollowers, type NewDelivery } from "@/db/schema";
import { getPublicCampaign } from "@/lib/events/public";
import { siteOrigin } from "@/lib/mail/origin";
import { getPublicUpdates } from "@/lib/trials/public";
import { activityJson, digestOf, objectJson, publicObjects, type FederatedObject, type Topic } from "./objects";

// Followers are told what changed by comparing, each round, what the public pages show (lib/events/public.ts,
// lib/trials/public.ts) with what they were last told (federated_objects): so every path that changes an event
// (the form, a postponement, a cancellation, a host, a partner leaving) is announced the same way, without any of
// them knowing about the fediverse.
//
// Cheap when nothing changed: one query gives each campaign that is (or was) followable a fingerprint (its own
// updated_at, status and switch, and the count and latest updated_at of its events and public updates); only a
// campaign whose fingerprint differs from the previous round's in this process is read and compared in full.
// Every SWEEP_MS the fingerprints are forgotten and every campaign is compared, for a change that moved no
// updated_at (an organisation renamed); a new process starts with a full comparison.

const SWEEP_MS = 10 * 60_000;

interface Seen {
  fingerprints: Map<string, string>;
  sweptAt: number;
}
const memory = new WeakMap<Db, Seen>();

interface Candidate {
  id: string;
  orgId: string;
  slug: string;
  live: boolean;
  fingerprint: string;
}

async function candidates(db: Db): Promise<Candidate[]> {
  const live = sql<boolean>`(${campaigns.status} = 'published' and ${campaigns.federated})`;
  const rows = await db
    .select({
      id: campaigns.id,
      orgId: campaigns.orgId,
      slug: campaigns.slug,
      live,
      // Written out with table names: inside a select, Drizzle would name the columns without them.
      fingerprint: sql<string>`concat_ws('|', campaigns.slug, campaigns.status, campaigns.federated, campaigns.updated_at,
        (select concat(count(*), ':', max(e.updated_at)) from events e where e.campaign_id = campaigns.id),
        (select concat(count(*), ':', max(u.updated_at)) from case_updates u where u.campaign_id = campaigns.id and u.is_public))`,
    })
    .from(campaigns)
    .where(sql`${live} or exists (select 1 from federated_objects o where o.campaign_id = campaigns.id and not o.deleted)`);
  return rows.map((r) => ({ ...r, live: Boolean(r.live) }));
}

interface Announced {
  fo: FederatedObject | null;
  digest: string;
}

/** What the campaign shows now, by object id, each with its digest. */
async function currentObjects(origin: string, c: Candidate, now: Date): Promise<Map<string, Announced>> {
  const current = new Map<string, Announced>();
  if (!c.live) return current;
  const found = await getPublicCampaign(c.slug, now);
  if (!found) return current;
  const updates = await getPublicUpdates(c.id);
  for (const fo of publicObjects(origin, found.campaign, found.events, updates)) current.set(fo.id, { fo, digest: digestOf(await objectJson(fo)) });
  return current;
}

/** Compares one campaign and queues what changed, in one transaction; how many deliveries it queued. */
async function compare(db: Db, origin: string, c: Candidate, now: Date): Promise<number> {
  const current = await currentObjects(origin, c, now);
  return db.transaction(async (tx) => {
    // Two workers comparing the same campaign at once: the second waits, then finds nothing left to announce.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`federation:${c.id}`}))`);
    const told = new Map((await tx.select().from(federatedObjects).where(eq(federatedObjects.campaignId, c.id))).map((r) => [r.objectId, r] as const));
    const changes: { objectId: string; topic: Topic; announced: Announced | null }[] = [];
    for (const [objectId, announced] of current) {
      const before = told.get(objectId);
      if (!before || before.deleted) changes.push({ objectId, topic: "Create", announced });
      else if (before.digest !== announced.digest) changes.push({ objectId, topic: "Update", announced });
    }
    for (const [objectId, before] of told) if (!before.deleted && !current.has(objectId)) changes.push({ objectId, topic: "Delete", announced: null });
    if (changes.length === 0) return 0;

    for (const { objectId, announced } of changes) {
      const values = { digest: announced?.digest ?? "", deleted: announced === null, updatedAt: now };
      await tx
        .insert(federatedObjects)
        .values({ campaignId: c.id, objectId, ...values })
        .onConflictDoUpdate({ target: [federatedObjects.campaignId, federatedObjects.objectId], set: values });
    }
    // One delivery per server that shares an inbox, one per follower otherwise.
    const inboxes = await tx
      .selectDistinct({ inbox: sql<string>`coalesce(${federationFollowers.sharedInbox}, ${federationFollowers.inbox})` })
      .from(federationFollowers)
      .where(eq(federationFollowers.campaignId, c.id));
    if (inboxes.length === 0) return 0;
    const rows: NewDelivery[] = [];
    for (const { objectId, topic, announced } of changes) {
      const change = topic === "Delete" ? now.getTime().toString(36) : announced!.digest.slice(0, 16);
      const payload = JSON.stringify(await activityJson(origin, c.slug, topic, objectId, announced?.fo ?? null, change));
      for (const { inbox } of inboxes) rows.push({ orgId: c.orgId, kind: "activity", campaignId: c.id, target: inbox, topic, payload, nextAttemptAt: now });
    }
    await tx.insert(deliveries).values(rows);
    return rows.length;
  });
}

/**
 * Compares each federated, published campaign's public events and trial updates with what its followers were last
 * told (federated_objects) and queues the Create, Update and Delete activities for the difference (deliveries).
 * Returns how many deliveries it queued.
 */
export async function queueFederation(db: Db, now: Date): Promise<number> {
  let seen = memory.get(db);
  if (!seen || now.getTime() - seen.sweptAt >= SWEEP_MS || now.getTime() < seen.sweptAt) {
    seen = { fingerprints: new Map(), sweptAt: now.getTime() };
    memory.set(db, seen);
  }
  const origin = siteOrigin();
  let queued = 0;
  const list = await candidates(db);
  for (const c of list) {
    if (seen.fingerprints.get(c.id) === c.fingerprint) continue;
    queued += await compare(db, origin, c, now);
    seen.fingerprints.set(c.id, c.fingerprint);
  }
  // A campaign no longer listed (deleted, or its last object announced as gone) is forgotten.
  const listed = new Set(list.map((c) => c.id));
  for (const id of seen.fingerprints.keys()) if (!listed.has(id)) seen.fingerprints.delete(id);
  return queued;
}

/** For tests: the next round compares every campaign in full. */
export function forgetFederationRounds(db: Db): void {
  memory.delete(db);
}
