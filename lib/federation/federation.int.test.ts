import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { createFederation, exportJwk, generateCryptoKeyPair, MemoryKvStore, type Federation } from "@fedify/fedify";
import {
  Accept,
  Activity,
  Create,
  Delete,
  Event,
  Follow,
  Group,
  Note,
  OrderedCollection,
  OrderedCollectionPage,
  Person,
  Place,
  Undo,
  Update,
} from "@fedify/vocab";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { campaigns, caseUpdates, deliveries, events, federationFollowers, federationKeys } from "@/db/schema";
import { makeEvent, makeTeam, openIsolatedTestDatabase, unique } from "@/db/testing";
import { updateCampaign } from "@/lib/campaigns/campaigns";
import { campaignSchema } from "@/lib/campaigns/schemas";
import { deliverDueRequests } from "@/lib/deliveries/runner";
import { deleteEvent, postponeEvent } from "@/lib/events/events";
import { postponeSchema } from "@/lib/events/schemas";
import { forgetFederation } from "./federation";
import { handleFederation, INBOX_BODY_LIMIT } from "./handler";
import { queueFederation } from "./queue";
import { sendActivity } from "./send";

// The fediverse's view of a campaign, over real HTTP on this machine: Picket's routes served by a node server,
// and a follower made with Fedify itself (its own keys and inbox, which checks every signature it receives).

let handle: DbHandle;
let close: () => Promise<void>;
let picket: Server;
let origin: string;
let team: Awaited<ReturnType<typeof makeTeam>>;
let slug: string;
let campaignId: string;
let eventId: string;

const AS = "application/activity+json";

function serve(handler: (request: Request) => Promise<Response>): Promise<Server> {
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
    const body = chunks.length ? Buffer.concat(chunks) : undefined;
    const response = await handler(new Request(`http://${req.headers.host}${req.url}`, { method: req.method, headers, body }));
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}
const portOf = (s: Server) => (s.address() as AddressInfo).port;
const stop = (s: Server) => new Promise<void>((resolve) => s.close(() => resolve()));

async function get(path: string, accept = AS) {
  return fetch(new URL(path, origin), { headers: { accept }, redirect: "manual" });
}
async function getJson(path: string) {
  const res = await get(path);
  expect(res.status, path).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}

/** Every activity of the outbox, following its pages. */
async function outbox(campaignSlug: string): Promise<{ raw: string; activities: Activity[] }> {
  const collection = await OrderedCollection.fromJsonLd(await getJson(`/ap/campaigns/${campaignSlug}/outbox`));
  let next = collection.firstId;
  let raw = "";
  const activities: Activity[] = [];
  while (next) {
    const json = await getJson(next.href);
    raw += JSON.stringify(json);
    const page = await OrderedCollectionPage.fromJsonLd(json);
    for await (const item of page.getItems()) activities.push(item as Activity);
    next = page.nextId;
  }
  return { raw, activities };
}

const queued = (topic?: string) =>
  handle.db
    .select()
    .from(deliveries)
    .where(topic ? eq(deliveries.topic, topic) : undefined);

beforeAll(async () => {
  picket = await serve((request) => handleFederation(request));
  origin = `http://127.0.0.1:${portOf(picket)}`;
  process.env.PICKET_PUBLIC_URL = origin;
  process.env.PICKET_FETCH_ALLOW_LOOPBACK = "1";
  forgetFederation();
  ({ handle, close } = await openIsolatedTestDatabase());
  team = await makeTeam(handle);
  const made = await makeEvent(handle, team.org.id, {
    venue: "Embassy gates",
    address: "1 Embassy Road",
    latitude: 51.5,
    longitude: -0.12,
    description: "Bring a banner.",
  });
  slug = made.campaign.slug;
  campaignId = made.campaign.id;
  eventId = made.event.id;
  await handle.db.update(campaigns).set({ summary: "Free the <eight>", language: "en" }).where(eq(campaigns.id, campaignId));
  // A hidden meeting point: the public see the area only.
  await handle.db.insert(events).values({
    campaignId,
    hostOrgId: team.org.id,
    slug: unique("hidden"),
    title: "Secret gathering",
    kind: "protest",
    startsAt: new Date(Date.now() + 9 * 86_400_000),
    endsAt: new Date(Date.now() + 9 * 86_400_000 + 3_600_000),
    timeZone: "Asia/Almaty",
    city: "Almaty",
    country: "KZ",
    venue: "Back room of the bakery",
    address: "7 Hidden Lane",
    latitude: 43.25,
    longitude: 76.95,
    placeHidden: true,
    gatheringArea: "Near the central station",
  });
  await handle.db.insert(caseUpdates).values({ campaignId, title: "Hearing moved", body: "The court moved the hearing.", isPublic: true });
  await handle.db.insert(caseUpdates).values({ campaignId, title: "Internal note", body: "Lawyer's phone number", isPublic: false });
});

afterAll(async () => {
  await stop(picket);
  forgetFederation();
  await close();
});

describe("a campaign as an actor", () => {
  it("is found through WebFinger and is a Group with its inbox, outbox, followers and keys", async () => {
    const host = new URL(origin).host;
    const finger = await getJson(`/.well-known/webfinger?resource=${encodeURIComponent(`acct:${slug}@${host}`)}`);
    const self = (finger.links as { rel: string; type?: string; href: string }[]).find((l) => l.rel === "self");
    expect(self?.href).toBe(`${origin}/ap/campaigns/${slug}`);

    const group = await Group.fromJsonLd(await getJson(`/ap/campaigns/${slug}`));
    expect(group).toBeInstanceOf(Group);
    expect(group.preferredUsername?.toString()).toBe(slug);
    expect(group.name?.toString()).toBe("Campaign");
    expect(group.summary?.toString()).toBe("<p>Free the &lt;eight&gt;</p>");
    expect(group.url?.toString()).toBe(`${origin}/c/${slug}`);
    expect(group.inboxId?.href).toBe(`${origin}/ap/campaigns/${slug}/inbox`);
    expect(group.outboxId?.href).toBe(`${origin}/ap/campaigns/${slug}/outbox`);
    expect(group.followersId?.href).toBe(`${origin}/ap/campaigns/${slug}/followers`);
    expect(group.endpoints?.sharedInbox?.href).toBe(`${origin}/ap/inbox`);
    const key = await group.getPublicKey();
    expect(key?.ownerId?.href).toBe(group.id?.href);
    const methods = [];
    for await (const m of group.getAssertionMethods()) methods.push(m);
    expect(methods).toHaveLength(2);
  });

  it("keeps its private keys sealed", async () => {
    const [row] = await handle.db.select().from(federationKeys).where(eq(federationKeys.campaignId, campaignId));
    expect(row!.privateKeys).toMatch(/^v1\./);
    expect(row!.privateKeys).not.toContain('"d"');
    expect(JSON.parse(row!.publicKeys)).toHaveLength(2);
  });

  it("sends a browser to the campaign's public page", async () => {
    const res = await get(`/ap/campaigns/${slug}`, "text/html");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`${origin}/c/${slug}`);
  });

  it("is not found as a draft or with federation switched off, at any address", async () => {
    const { campaign: draft } = await makeEvent(handle, team.org.id, {}, "draft");
    const { campaign: off } = await makeEvent(handle, team.org.id);
    await handle.db.update(campaigns).set({ federated: false }).where(eq(campaigns.id, off.id));
    const host = new URL(origin).host;
    for (const s of [draft.slug, off.slug, "no-such-campaign"]) {
      for (const path of [`/ap/campaigns/${s}`, `/ap/campaigns/${s}/outbox`, `/ap/campaigns/${s}/followers`]) expect((await get(path)).status, path).toBe(404);
      expect((await get(`/.well-known/webfinger?resource=${encodeURIComponent(`acct:${s}@${host}`)}`, "application/jrd+json")).status).toBe(404);
    }
  });

  it("is switched off and on again by the campaign form; a form without the field keeps what it had", async () => {
    const { campaign } = await makeEvent(handle, team.org.id);
    const form = (federated?: string) =>
      campaignSchema.parse({ title: "Campaign", kind: "embassy_protest", ...(federated === undefined ? {} : { federated }) });
    const federated = async () => (await handle.db.select().from(campaigns).where(eq(campaigns.id, campaign.id)))[0]!.federated;
    await updateCampaign(team.organizer, campaign.id, form("off"));
    expect(await federated()).toBe(false);
    expect((await get(`/ap/campaigns/${campaign.slug}`)).status).toBe(404);
    await updateCampaign(team.organizer, campaign.id, form());
    expect(await federated()).toBe(false);
    await updateCampaign(team.organizer, campaign.id, form("on"));
    expect(await federated()).toBe(true);
    expect((await get(`/ap/campaigns/${campaign.slug}`)).status).toBe(200);
  });

  it("serves NodeInfo without numbers of accounts", async () => {
    const index = await getJson("/.well-known/nodeinfo");
    const href = (index.links as { href: string }[])[0]!.href;
    expect(href).toBe(`${origin}/nodeinfo/2.1`);
    const info = await getJson("/nodeinfo/2.1");
    expect(info.software).toMatchObject({ name: "picket" });
    expect(info.protocols).toEqual(["activitypub"]);
    expect(info.openRegistrations).toBe(false);
    expect((info.usage as { users: object }).users).toEqual({});
  });
});

describe("the outbox", () => {
  it("holds the public events as Create(Event), times in their zone, and public updates as Note; nothing hidden", async () => {
    const { raw, activities } = await outbox(slug);
    expect(activities.every((a) => a instanceof Create)).toBe(true);
    const objects = await Promise.all(activities.map((a) => a.getObject()));
    const evs = objects.filter((o): o is Event => o instanceof Event);
    const notes = objects.filter((o): o is Note => o instanceof Note);
    expect(evs).toHaveLength(2);
    expect(notes.map((n) => n.name?.toString())).toEqual(["Hearing moved"]);

    const open = evs.find((e) => e.name?.toString() === "Protest at the embassy")!;
    const [row] = await handle.db.select().from(events).where(eq(events.id, eventId));
    expect(open.startTime?.epochMilliseconds).toBe(Math.floor(row!.startsAt.getTime() / 1000) * 1000);
    expect(open.url?.toString()).toBe(`${origin}/c/${slug}/${row!.slug}`);
    expect(open.content?.toString()).toContain(`${origin}/c/${slug}/${row!.slug}#signup`);
    expect(open.content?.toString()).toContain("Bring a banner.");
    const where = (await open.getLocation()) as Place;
    expect(where.name?.toString()).toContain("Embassy gates");
    expect(where.latitude).toBe(51.5);
    // London's clock in December: +00:00; Almaty's: +05:00.
    expect(raw).toMatch(/"startTime":"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0[05]:00"/);

    const hidden = evs.find((e) => e.name?.toString() === "Secret gathering")!;
    const area = (await hidden.getLocation()) as Place;
    expect(area.name?.toString()).toBe("Near the central station, Almaty, Kazakhstan");
    expect(area.latitude).toBeNull();
    for (const secret of ["Back room of the bakery", "7 Hidden Lane", "43.25", "76.95", "Internal note", "Lawyer"]) expect(raw).not.toContain(secret);
  });
});

describe("followers and what they are told", () => {
  let follower: Federation<void>;
  let followerServer: Server;
  let followerOrigin: string;
  const received: Activity[] = [];
  let keys: CryptoKeyPair;

  const arrived = <T extends Activity>(type: new (...args: never[]) => T) => received.filter((a): a is T => a instanceof type);
  const deliver = () => deliverDueRequests({ activity: sendActivity, webhook: sendActivity }, { db: handle.db, log: () => {} });

  beforeAll(async () => {
    keys = await generateCryptoKeyPair("RSASSA-PKCS1-v1_5");
    await exportJwk(keys.privateKey);
    follower = createFederation<void>({ kv: new MemoryKvStore(), allowPrivateAddress: true });
    follower
      .setActorDispatcher("/users/{identifier}", async (ctx, identifier) => {
        if (identifier !== "watcher") return null;
        const [pair] = await ctx.getActorKeyPairs(identifier);
        return new Person({
          id: ctx.getActorUri(identifier),
          preferredUsername: identifier,
          inbox: ctx.getInboxUri(identifier),
          publicKey: pair!.cryptographicKey,
        });
      })
      .setKeyPairsDispatcher(() => [keys]);
    follower
      .setInboxListeners("/users/{identifier}/inbox")
      .on(Accept, (_ctx, a) => void received.push(a))
      .on(Create, (_ctx, a) => void received.push(a))
      .on(Update, (_ctx, a) => void received.push(a))
      .on(Delete, (_ctx, a) => void received.push(a));
    followerServer = await serve((request) => follower.fetch(request, { contextData: undefined }));
    followerOrigin = `http://127.0.0.1:${portOf(followerServer)}`;
  });
  afterAll(async () => stop(followerServer));

  it("a signed Follow is stored and answered with an Accept through the deliveries; it is signed and checked", async () => {
    const ctx = follower.createContext(new URL(followerOrigin), undefined);
    const group = await ctx.lookupObject(`${origin}/ap/campaigns/${slug}`);
    expect(group).toBeInstanceOf(Group);
    const follow = new Follow({ id: new URL(`${followerOrigin}/follows/1`), actor: ctx.getActorUri("watcher"), object: group!.id });
    await ctx.sendActivity({ identifier: "watcher" }, group as Group, follow, { immediate: true });

    const stored = await handle.db.select().from(federationFollowers).where(eq(federationFollowers.campaignId, campaignId));
    expect(stored.map((f) => [f.actorId, f.inbox])).toEqual([[`${followerOrigin}/users/watcher`, `${followerOrigin}/users/watcher/inbox`]]);
    expect((await queued("Accept")).map((d) => d.target)).toEqual([`${followerOrigin}/users/watcher/inbox`]);

    expect(await deliver()).toMatchObject({ sent: 1, failed: 0 });
    const [accept] = arrived(Accept);
    expect(accept?.actorId?.href).toBe(`${origin}/ap/campaigns/${slug}`);
    expect(accept!.objectId?.href).toBe(`${followerOrigin}/follows/1`);
  });

  it("an unsigned Follow is refused", async () => {
    const res = await fetch(`${origin}/ap/campaigns/${slug}/inbox`, {
      method: "POST",
      headers: { "content-type": AS },
      body: JSON.stringify({
        "@context": "https://www.w3.org/ns/activitystreams",
        id: `${followerOrigin}/follows/forged`,
        type: "Follow",
        actor: `${followerOrigin}/users/watcher`,
        object: `${origin}/ap/campaigns/${slug}`,
      }),
    });
    expect(res.status).toBe(401);
  });

  it("an activity heavier than an inbox takes is refused before anything reads it whole", async () => {
    const followers = () => handle.db.select().from(federationFollowers).where(eq(federationFollowers.campaignId, campaignId));
    const before = (await followers()).length;
    const padding = "x".repeat(INBOX_BODY_LIMIT);
    const body = JSON.stringify({ "@context": "https://www.w3.org/ns/activitystreams", type: "Follow", summary: padding });
    const res = await fetch(`${origin}/ap/campaigns/${slug}/inbox`, { method: "POST", headers: { "content-type": AS }, body });
    expect(res.status).toBe(413);
    expect(await followers()).toHaveLength(before);
  });

  it("queues a Create for each public object once, an Update after a postponement, a Delete after a deletion", async () => {
    await handle.db.delete(deliveries);
    const first = await queueFederation(handle.db, new Date());
    // Two events and one update, to one inbox.
    expect(first).toBe(3);
    expect(await queueFederation(handle.db, new Date())).toBe(0);
    expect((await queued("Create")).length).toBe(3);
    const hiddenPayloads = (await queued("Create")).map((d) => d.payload).join();
    for (const secret of ["Back room of the bakery", "7 Hidden Lane", "43.25", "Internal note"]) expect(hiddenPayloads).not.toContain(secret);

    await deliver();
    expect(arrived(Create)).toHaveLength(3);

    await postponeEvent(
      team.organizer,
      eventId,
      postponeSchema.parse({ startsLocal: "2031-05-20T15:00", endsLocal: "2031-05-20T17:00", timeZone: "Europe/London", reason: "Rain" }),
    );
    expect(await queueFederation(handle.db, new Date())).toBe(1);
    expect(await queueFederation(handle.db, new Date())).toBe(0);
    const [update] = await queued("Update");
    expect(JSON.parse(update!.payload!).object.startTime).toBe("2031-05-20T15:00:00+01:00");
    await deliver();
    const [updated] = arrived(Update);
    const moved = (await updated!.getObject()) as Event;
    expect(moved.startTime?.toString()).toBe("2031-05-20T14:00:00Z");
    expect(moved.content?.toString()).toContain("Rain");

    await deleteEvent(team.organizer, eventId);
    expect(await queueFederation(handle.db, new Date())).toBe(1);
    await deliver();
    const [deleted] = arrived(Delete);
    expect(deleted?.objectId?.href).toBe(`${origin}/ap/campaigns/${slug}/events/${eventId}`);
    const { activities } = await outbox(slug);
    expect(activities.filter((a) => a instanceof Delete).map((a) => a.objectId?.href)).toEqual([`${origin}/ap/campaigns/${slug}/events/${eventId}`]);
  });

  it("tells followers everything is gone when the campaign stops being followable, and then answers 404", async () => {
    await handle.db.update(campaigns).set({ federated: false, updatedAt: new Date() }).where(eq(campaigns.id, campaignId));
    const before = arrived(Delete).length;
    // The hidden event and the update.
    expect(await queueFederation(handle.db, new Date())).toBe(2);
    expect(await queueFederation(handle.db, new Date())).toBe(0);
    expect(await deliver()).toMatchObject({ sent: 2, failed: 0 });
    expect(arrived(Delete).length - before).toBe(2);
    expect((await get(`/ap/campaigns/${slug}`)).status).toBe(404);
    await handle.db.update(campaigns).set({ federated: true, updatedAt: new Date() }).where(eq(campaigns.id, campaignId));
  });

  it("an Undo of the Follow removes the follower", async () => {
    const ctx = follower.createContext(new URL(followerOrigin), undefined);
    const group = (await ctx.lookupObject(`${origin}/ap/campaigns/${slug}`)) as Group;
    const follow = new Follow({ id: new URL(`${followerOrigin}/follows/1`), actor: ctx.getActorUri("watcher"), object: group.id });
    const undo = new Undo({ id: new URL(`${followerOrigin}/follows/1#undo`), actor: ctx.getActorUri("watcher"), object: follow });
    await ctx.sendActivity({ identifier: "watcher" }, group, undo, { immediate: true });
    expect(await handle.db.select().from(federationFollowers).where(eq(federationFollowers.campaignId, campaignId))).toEqual([]);
  });

  it("an inbox that fails is tried again later, with its answer kept; one that refuses, not", async () => {
    const busy = await serve(async () => new Response("busy", { status: 503 }));
    try {
      await handle.db.delete(deliveries);
      const payload = JSON.stringify({
        "@context": "https://www.w3.org/ns/activitystreams",
        type: "Create",
        id: `${origin}/ap/campaigns/${slug}/updates/x#create-1`,
        actor: `${origin}/ap/campaigns/${slug}`,
        object: { type: "Note", id: `${origin}/ap/campaigns/${slug}/updates/x`, content: "x" },
      });
      const row = { orgId: team.org.id, kind: "activity" as const, campaignId, topic: "Create", payload };
      await handle.db.insert(deliveries).values([
        { ...row, target: `http://127.0.0.1:${portOf(busy)}/inbox` },
        { ...row, target: `${followerOrigin}/users/nobody/inbox` },
      ]);
      expect(await deliver()).toMatchObject({ sent: 0, retrying: 1, failed: 1 });
      const rows = await queued();
      expect(rows.map((d) => [d.status, d.responseStatus]).sort()).toEqual([
        ["failed", 404],
        ["pending", 503],
      ]);
    } finally {
      await stop(busy);
    }
  });
});
