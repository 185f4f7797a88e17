import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { createFederation, generateCryptoKeyPair, MemoryKvStore } from "@fedify/fedify";
import { Accept, Activity, Create, Event, Follow, Group, Person, Update } from "@fedify/vocab";
import { MASTER_KEY, freshDatabase, postgresMissing, seedStore, startServer, testPort, type AppServer, type Store } from "./support/server";

// Two Picket servers on this machine (one on PostgreSQL, one embedded) and a fediverse account made with Fedify in
// this test, with its own keys and an inbox that checks the signature of everything it receives: it finds each
// server's demo campaign through WebFinger and follows it, gets the Accept, then receives a Create for an event
// created on the first server and an Update when that event is postponed. Nothing waits for a fixed time: every
// arrival is polled for.

const CAMPAIGN = "embassy-day-of-action";
const OWNER = "owner@picket.example";

/** A fediverse account of its own, on testPort(29), and what it received (each activity's signature checked by Fedify). */
async function fediverseAccount() {
  const keys = await generateCryptoKeyPair("RSASSA-PKCS1-v1_5");
  const port = testPort(29);
  const origin = `http://127.0.0.1:${port}`;
  const received: { activity: Activity }[] = [];
  const federation = createFederation<void>({ kv: new MemoryKvStore(), allowPrivateAddress: true, origin });
  federation
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
  const keep = (_ctx: unknown, activity: Activity) => void received.push({ activity });
  federation.setInboxListeners("/users/{identifier}/inbox").on(Accept, keep).on(Create, keep).on(Update, keep);

  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = chunks.length ? Buffer.concat(chunks) : undefined;
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
    const response = await federation.fetch(new Request(`${origin}${req.url}`, { method: req.method, headers, body }), { contextData: undefined });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));

  const ctx = federation.createContext(new URL(origin), undefined);
  return {
    received,
    /** Finds the server's campaign through WebFinger and follows it (a signed Follow); the campaign's actor. */
    async follow(app: AppServer, slug: string): Promise<Group> {
      const resource = `acct:${slug}@${new URL(app.base).host}`;
      const finger = await fetch(`${app.base}/.well-known/webfinger?resource=${encodeURIComponent(resource)}`);
      expect(finger.status).toBe(200);
      const self = ((await finger.json()) as { links: { rel: string; href: string }[] }).links.find((l) => l.rel === "self")!;
      const group = await ctx.lookupObject(self.href);
      expect(group).toBeInstanceOf(Group);
      const follow = new Follow({ id: new URL(`${origin}/follows/${crypto.randomUUID()}`), actor: ctx.getActorUri("watcher"), object: group!.id });
      await ctx.sendActivity({ identifier: "watcher" }, group as Group, follow, { immediate: true });
      return group as Group;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Polls until `found` gives something (the servers deliver every second here). */
async function arrival<T>(what: string, found: () => T | undefined, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = found();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what} did not arrive`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Changes an event on the server's PostgreSQL database through lib/events, as the dashboard does (e2e/support/event-change.ts). */
function changeEvent(url: string, args: string[]): Promise<{ id?: string; slug: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("npx", ["tsx", "e2e/support/event-change.ts", ...args], {
      env: { ...process.env, DATABASE_URL: url, PICKET_DATA_DIR: "", PICKET_MASTER_KEY: MASTER_KEY, NODE_OPTIONS: "--conditions=react-server" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out.trim().split("\n").at(-1)!)) : reject(new Error(`event-change failed: ${err}`))));
  });
}

test("a fediverse account follows a campaign on each of two servers, and hears of an event's creation and its postponement", async () => {
  test.setTimeout(150_000);
  const missing = await postgresMissing();
  test.skip(missing !== null, missing ?? "");
  const db = await freshDatabase();
  const dataDir = mkdtempSync(path.join(tmpdir(), "picket-fed-"));
  const account = await fediverseAccount();
  try {
    const stores: [Store, Store] = [{ DATABASE_URL: db.url }, { PICKET_DATA_DIR: path.join(dataDir, "data") }];
    await Promise.all(stores.map((s) => seedStore(s)));
    const extra = { PICKET_FETCH_ALLOW_LOOPBACK: "1", PICKET_OUTBOX_INTERVAL_SECONDS: "1" };
    const [a, b] = await Promise.all([startServer(stores[0], testPort(27), extra), startServer(stores[1], testPort(28), extra)]);
    try {
      // The campaign's actor as any fediverse server asks for it, and its page pointing to it.
      const actor = await fetch(`${a.base}/ap/campaigns/${CAMPAIGN}`, { headers: { accept: "application/activity+json" } });
      expect(actor.headers.get("content-type")).toContain("application/activity+json");
      expect((await Group.fromJsonLd(await actor.json())).preferredUsername?.toString()).toBe(CAMPAIGN);
      expect(await (await fetch(`${a.base}/c/${CAMPAIGN}`)).text()).toContain(`href="/ap/campaigns/${CAMPAIGN}"`);

      const groups = [await account.follow(a, CAMPAIGN), await account.follow(b, CAMPAIGN)];
      for (const group of groups)
        await arrival(`the Accept of ${group.id?.href}`, () =>
          account.received.find((r) => r.activity instanceof Accept && r.activity.actorId?.href === group.id?.href),
        );

      const made = await changeEvent(db.url, [
        "create",
        OWNER,
        CAMPAIGN,
        "Vigil at the Brandenburg Gate",
        "2031-03-14T18:00",
        "2031-03-14T20:00",
        "Europe/Berlin",
      ]);
      const objectId = `${groups[0]!.id!.href}/events/${made.id}`;
      const created = await arrival("the Create", () => account.received.find((r) => r.activity instanceof Create && r.activity.objectId?.href === objectId));
      const event = (await created.activity.getObject()) as Event;
      expect(event).toBeInstanceOf(Event);
      expect(event.name?.toString()).toBe("Vigil at the Brandenburg Gate");
      expect(event.startTime?.toString()).toBe("2031-03-14T17:00:00Z");
      expect(event.url?.toString()).toBe(`${a.base}/c/${CAMPAIGN}/${made.slug}`);

      await changeEvent(db.url, ["postpone", OWNER, made.id!, "2031-03-28T18:00", "2031-03-28T20:00", "Europe/Berlin"]);
      const updated = await arrival("the Update", () => account.received.find((r) => r.activity instanceof Update && r.activity.objectId?.href === objectId));
      const moved = (await updated.activity.getObject()) as Event;
      expect(moved.startTime?.toString()).toBe("2031-03-28T17:00:00Z");
      expect(moved.content?.toString()).toContain("Moved by the police");
      // Each change arrived once.
      expect(account.received.filter((r) => r.activity.objectId?.href === objectId)).toHaveLength(2);
    } catch (e) {
      // What the servers said, for whoever reads the failure.
      console.log(`server A:\n${a.output().slice(-4000)}\nserver B:\n${b.output().slice(-4000)}`);
      throw e;
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  } finally {
    await account.close();
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
