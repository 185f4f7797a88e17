import { and, eq } from "drizzle-orm";
import { createFederation, createInboxContext } from "@fedify/testing";
import { Accept, Follow, Person, Undo } from "@fedify/vocab";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { campaigns, deliveries, federationFollowers } from "@/db/schema";
import { closeTestDatabase, makeEvent, makeOrg, openTestDatabase } from "@/db/testing";
import { acceptFollow, undoFollow } from "./federation";

// The inbox's answers to Follow and Undo, with Fedify's own testing utilities (@fedify/testing): each activity is
// handed to Picket's listener in an inbox context, as Fedify hands it once it has verified the signature, and what
// the listener leaves is read from the database. federation.int.test.ts covers the same over real HTTP and signatures.

const ORIGIN = "https://picket.test";
const mock = createFederation<void>({ origin: ORIGIN });
// The context knows Picket's actor addresses (/ap/campaigns/{slug}), as the real federation's router does.
const ctx = () =>
  createInboxContext<void>({
    federation: mock,
    data: undefined,
    url: new URL(ORIGIN),
    getActorUri: (identifier) => new URL(`${ORIGIN}/ap/campaigns/${identifier}`),
    parseUri: (uri) => {
      const actor = uri && /^\/ap\/campaigns\/([^/]+)$/.exec(uri.pathname);
      return actor ? { type: "actor", identifier: actor[1]!, handle: actor[1]! } : null;
    },
  });

let handle: DbHandle;
let orgId: string;

beforeAll(async () => {
  handle = await openTestDatabase();
  orgId = (await makeOrg(handle)).org.id;
});
afterAll(closeTestDatabase);

/** A follower whose actor travels inside the activity, as a server's inbox sees it once it has fetched it. */
function follower(name: string) {
  const id = new URL(`https://social.example/users/${name}`);
  return new Person({ id, inbox: new URL(`${id.href}/inbox`), endpoints: null });
}

const follow = (actor: Person, slug: string, n = 1) =>
  new Follow({ id: new URL(`${actor.id!.href}/follows/${n}`), actor, object: new URL(`${ORIGIN}/ap/campaigns/${slug}`) });

const followersOf = (campaignId: string) => handle.db.select().from(federationFollowers).where(eq(federationFollowers.campaignId, campaignId));
const acceptsTo = (campaignId: string) =>
  handle.db
    .select()
    .from(deliveries)
    .where(and(eq(deliveries.campaignId, campaignId), eq(deliveries.topic, "Accept")));

describe("a campaign's inbox", () => {
  it("stores a follower of a published campaign and queues one Accept of that very Follow to its inbox", async () => {
    const { campaign } = await makeEvent(handle, orgId);
    const alice = follower("alice");
    await acceptFollow(ctx(), follow(alice, campaign.slug));

    const stored = await followersOf(campaign.id);
    expect(stored.map((f) => [f.actorId, f.inbox])).toEqual([["https://social.example/users/alice", "https://social.example/users/alice/inbox"]]);
    const accepts = await acceptsTo(campaign.id);
    expect(accepts).toHaveLength(1);
    expect(accepts[0]).toMatchObject({ kind: "activity", orgId, target: "https://social.example/users/alice/inbox", status: "pending" });
    const accept = await Accept.fromJsonLd(JSON.parse(accepts[0]!.payload!));
    expect(accept.actorId?.href).toBe(`${ORIGIN}/ap/campaigns/${campaign.slug}`);
    expect(accept.objectId?.href).toBe("https://social.example/users/alice/follows/1");

    // Following again changes nothing but the inbox it is answered at.
    await acceptFollow(ctx(), follow(alice, campaign.slug, 2));
    expect(await followersOf(campaign.id)).toHaveLength(1);
  });

  it("answers nothing and keeps nobody for a draft campaign or one not followable", async () => {
    const { campaign: draft } = await makeEvent(handle, orgId);
    await handle.db.update(campaigns).set({ status: "draft" }).where(eq(campaigns.id, draft.id));
    const { campaign: closed } = await makeEvent(handle, orgId);
    await handle.db.update(campaigns).set({ federated: false }).where(eq(campaigns.id, closed.id));
    for (const c of [draft, closed]) {
      await acceptFollow(ctx(), follow(follower("bob"), c.slug));
      expect(await followersOf(c.id)).toEqual([]);
      expect(await acceptsTo(c.id)).toEqual([]);
    }
  });

  it("an Undo removes only the follow of the actor who made it", async () => {
    const { campaign } = await makeEvent(handle, orgId);
    const carol = follower("carol");
    const dave = follower("dave");
    const carols = follow(carol, campaign.slug);
    await acceptFollow(ctx(), carols);
    await acceptFollow(ctx(), follow(dave, campaign.slug));
    expect(await followersOf(campaign.id)).toHaveLength(2);

    // Dave cannot undo Carol's follow.
    await undoFollow(ctx(), new Undo({ id: new URL(`${dave.id!.href}/undo/1`), actor: dave, object: carols }));
    expect((await followersOf(campaign.id)).map((f) => f.actorId).sort()).toEqual([carol.id!.href, dave.id!.href]);

    await undoFollow(ctx(), new Undo({ id: new URL(`${carol.id!.href}/undo/1`), actor: carol, object: carols }));
    expect((await followersOf(campaign.id)).map((f) => f.actorId)).toEqual([dave.id!.href]);
  });
});
