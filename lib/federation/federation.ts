import "server-only";
import { and, count, desc, eq } from "drizzle-orm";
import { createFederation, type Federation, type InboxContext } from "@fedify/fedify";
import { Accept, Activity, Create, Delete, Endpoints, Follow, Group, Undo } from "@fedify/vocab";
import { getDb } from "@/db/client";
import { deliveries, federatedObjects, federationFollowers } from "@/db/schema";
import { getPublicCampaign } from "@/lib/events/public";
import { siteOrigin } from "@/lib/mail/origin";
import { escapeMarkup } from "@/lib/text/escape";
import { getPublicUpdates } from "@/lib/trials/public";
import { log } from "@/lib/log";
import packageJson from "@/package.json";
import { federatedCampaign } from "./campaigns";
import { campaignKeyPairs } from "./keys";
import { DrizzleKvStore } from "./kv";
import { PATHS, activityJson, campaignPageUrl, digestOf, objectJson, publicObjects } from "./objects";

// The fediverse's view of Picket, through Fedify: each published, followable campaign is a Group whose outbox
// holds its public events and trial-watch updates. Fedify answers WebFinger and NodeInfo, signs and verifies
// HTTP Signatures; Picket keeps the state (followers, keys, what was announced) in its own tables, and what it
// sends goes through the deliveries table (lib/deliveries), not through a queue of Fedify's.

const OUTBOX_PAGE = 20;

function build(): Federation<void> {
  const federation = createFederation<void>({
    kv: new DrizzleKvStore(getDb),
    // Every link is made from the configured public address, never from a request's Host header.
    origin: siteOrigin(),
    // Tests run every server on this machine; anywhere else, addresses on private networks are refused.
    allowPrivateAddress: process.env.PICKET_FETCH_ALLOW_LOOPBACK === "1",
    userAgent: { software: `picket/${packageJson.version}` },
  });
  registerDispatchers(federation);
  return federation;
}

/**
 * Picket's actors, collections, inbox and NodeInfo on a federation: the process's own, or a test's
 * (@fedify/testing's createFederation).
 */
export function registerDispatchers(federation: Omit<Federation<void>, "createContext">): void {
  federation
    .setActorDispatcher(PATHS.actor, async (ctx, identifier) => {
      const campaign = await federatedCampaign(await getDb(), identifier);
      if (!campaign) return null;
      const keys = await ctx.getActorKeyPairs(identifier);
      return new Group({
        id: ctx.getActorUri(identifier),
        preferredUsername: campaign.slug,
        name: campaign.title,
        summary: campaign.summary ? `<p>${escapeMarkup(campaign.summary)}</p>` : null,
        url: campaignPageUrl(ctx.origin, campaign.slug),
        inbox: ctx.getInboxUri(identifier),
        outbox: ctx.getOutboxUri(identifier),
        followers: ctx.getFollowersUri(identifier),
        endpoints: new Endpoints({ sharedInbox: ctx.getInboxUri() }),
        manuallyApprovesFollowers: false,
        discoverable: true,
        publicKey: keys[0]?.cryptographicKey ?? null,
        assertionMethods: keys.map((k) => k.multikey),
      });
    })
    .setKeyPairsDispatcher(async (_ctx, identifier) => {
      const db = await getDb();
      const campaign = await federatedCampaign(db, identifier);
      return campaign ? campaignKeyPairs(db, campaign.id) : [];
    });

  // What a campaign has announced, newest first: a Create for each public object, a Delete for each one gone.
  federation
    .setOutboxDispatcher(PATHS.outbox, async (ctx, identifier, cursor) => {
      const db = await getDb();
      const campaign = await federatedCampaign(db, identifier);
      if (!campaign || cursor === null) return null;
      const items = await outboxItems(ctx.origin, campaign.id, campaign.slug);
      const start = Math.max(0, Number(cursor) || 0);
      const page = items.slice(start, start + OUTBOX_PAGE);
      const activities = await Promise.all(page.map((make) => make()));
      return { items: activities, nextCursor: start + OUTBOX_PAGE < items.length ? String(start + OUTBOX_PAGE) : null };
    })
    .setCounter(async (ctx, identifier) => {
      const db = await getDb();
      const campaign = await federatedCampaign(db, identifier);
      return campaign ? (await outboxItems(ctx.origin, campaign.id, campaign.slug)).length : null;
    })
    .setFirstCursor(async (_ctx, identifier) => ((await federatedCampaign(await getDb(), identifier)) ? "0" : null));

  // Who follows a campaign is never shown (a list of a protest's followers is what an adversary would want): the
  // collection exists, with its size only.
  federation
    .setFollowersDispatcher(PATHS.followers, async (_ctx, identifier) => {
      const campaign = await federatedCampaign(await getDb(), identifier);
      return campaign ? { items: [] } : null;
    })
    .setCounter(async (_ctx, identifier) => {
      const db = await getDb();
      const campaign = await federatedCampaign(db, identifier);
      if (!campaign) return null;
      const [row] = await db.select({ n: count() }).from(federationFollowers).where(eq(federationFollowers.campaignId, campaign.id));
      return Number(row?.n ?? 0);
    });

  registerInboxListeners(federation);

  federation.setNodeInfoDispatcher("/nodeinfo/2.1", () => ({
    software: { name: "picket", version: packageJson.version },
    protocols: ["activitypub"],
    openRegistrations: false,
    // How many accounts there are is nobody's business: no numbers.
    usage: { users: {}, localPosts: 0, localComments: 0 },
  }));
}

/** What a campaign's inbox does with a Follow and an Undo (Fedify has verified their signatures before). */
export function registerInboxListeners(federation: Pick<Federation<void>, "setInboxListeners">): void {
  federation
    .setInboxListeners(PATHS.inbox, PATHS.sharedInbox)
    .on(Follow, acceptFollow)
    .on(Undo, undoFollow)
    // Named by its kind only: the message may name a follower's account.
    .onError((_ctx, error) => log.warn(`picket: an activity from another server failed: ${error.name}`));
}

/** A Follow of a followable campaign: its follower kept (address and inbox only) and an Accept queued, together. */
export async function acceptFollow(ctx: InboxContext<void>, follow: Follow): Promise<void> {
  if (!follow.id || !follow.actorId || !follow.objectId) return;
  const target = ctx.parseUri(follow.objectId);
  if (target?.type !== "actor") return;
  const db = await getDb();
  // A campaign that is not followable is not answered at all.
  const campaign = await federatedCampaign(db, target.identifier);
  if (!campaign) return;
  const follower = await follow.getActor(ctx);
  if (!follower?.id || !follower.inboxId || follower.id.href !== follow.actorId.href) return;
  const actor = ctx.getActorUri(campaign.slug);
  const accept = new Accept({ id: new URL(`${actor.href}#accept-${crypto.randomUUID()}`), actor, object: follow, to: follower.id });
  const payload = JSON.stringify(await accept.toJsonLd({ format: "compact" }));
  await db.transaction(async (tx) => {
    await tx
      .insert(federationFollowers)
      .values({
        campaignId: campaign.id,
        actorId: follower.id!.href,
        inbox: follower.inboxId!.href,
        sharedInbox: follower.endpoints?.sharedInbox?.href ?? null,
      })
      .onConflictDoUpdate({
        target: [federationFollowers.campaignId, federationFollowers.actorId],
        set: { inbox: follower.inboxId!.href, sharedInbox: follower.endpoints?.sharedInbox?.href ?? null },
      });
    // The answer goes out with the other deliveries: retried until the follower's server takes it.
    await tx
      .insert(deliveries)
      .values({ orgId: campaign.orgId, kind: "activity", campaignId: campaign.id, target: follower.inboxId!.href, topic: "Accept", payload });
  });
}

/** An Undo of a Follow, by the actor who followed: that follower is forgotten. */
export async function undoFollow(ctx: InboxContext<void>, undo: Undo): Promise<void> {
  if (!undo.actorId) return;
  const object = await undo.getObject(ctx);
  if (!(object instanceof Follow) || !object.objectId || object.actorId?.href !== undo.actorId.href) return;
  const target = ctx.parseUri(object.objectId);
  if (target?.type !== "actor") return;
  const db = await getDb();
  const campaign = await federatedCampaign(db, target.identifier);
  if (!campaign) return;
  await db.delete(federationFollowers).where(and(eq(federationFollowers.campaignId, campaign.id), eq(federationFollowers.actorId, undo.actorId.href)));
}

type Make = () => Promise<Activity>;

/** The outbox's activities, newest first, each made only when its page is asked for. */
async function outboxItems(origin: string, campaignId: string, slug: string): Promise<Make[]> {
  const db = await getDb();
  const [found, updates, gone] = await Promise.all([
    getPublicCampaign(slug),
    getPublicUpdates(campaignId),
    db
      .select({ objectId: federatedObjects.objectId })
      .from(federatedObjects)
      .where(and(eq(federatedObjects.campaignId, campaignId), eq(federatedObjects.deleted, true)))
      .orderBy(desc(federatedObjects.updatedAt)),
  ]);
  if (!found) return [];
  const objects = publicObjects(
    origin,
    found.campaign,
    [...found.events].reverse(),
    [...updates].sort((a, b) => b.postedAt.getTime() - a.postedAt.getTime()),
  );
  return [
    ...objects.map((fo) => async () => {
      const json = await activityJson(origin, slug, "Create", fo.id, fo, digestOf(await objectJson(fo)).slice(0, 16));
      return Create.fromJsonLd(json);
    }),
    ...gone.map(
      ({ objectId }) =>
        async () =>
          Delete.fromJsonLd(await activityJson(origin, slug, "Delete", objectId, null, "gone")),
    ),
  ];
}

const store = globalThis as unknown as { __picketFederation?: Federation<void> };

/** The process's one federation object, made on first use (after the public address is known). */
export function federation(): Federation<void> {
  return (store.__picketFederation ??= build());
}

/** For tests that change the public address or the environment: the next call makes it again. */
export function forgetFederation(): void {
  store.__picketFederation = undefined;
}
