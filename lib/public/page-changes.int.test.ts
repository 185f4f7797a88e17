import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DbHandle } from "@/db/client";
import { campaigns, events, signups } from "@/db/schema";
import { closeTestDatabase, makeEvent, makeOrg, openTestDatabase, unique } from "@/db/testing";
import { signupSchema } from "@/lib/signups/schemas";
import { signUpAtPublicEvent } from "@/lib/signups/public-signup";
import { changedTags, PAGE_CHANNEL } from "./page-changes";
import { PageCache, type RenderedPage } from "./page-cache";

// What outdates the kept public pages is named by the database (migration 0015), on commit, to every listener:
// an event's sign-up names that event and its campaign (places left show on both, and on the home page), and a
// repeated one names the same, so that no page tells them apart; a check-in or a refused sign-up names nothing.

let handle: DbHandle;
let orgId: string;
const heard: string[][] = [];
let stop: () => Promise<void>;

beforeAll(async () => {
  handle = await openTestDatabase();
  orgId = (await makeOrg(handle)).org.id;
  stop = await handle.listen(
    PAGE_CHANNEL,
    (payload) => heard.push(changedTags(payload)),
    () => heard.push(["(gap)"]),
  );
});
afterAll(async () => {
  await stop();
  await closeTestDatabase();
});

/** What was heard by the time `change` has run and its notifications have arrived. */
async function heardFrom(change: () => Promise<unknown>): Promise<string[]> {
  // A marker change of a row of our own, after the change: its notification arrives after the change's.
  const { event: marker } = await makeEvent(handle, orgId);
  // The marker's own creation is heard first (on PostgreSQL it arrives a moment later): only then is the slate wiped.
  await expect.poll(() => heard.flat(), { timeout: 5_000 }).toContain(`e:${marker.id}`);
  heard.length = 0;
  await change();
  await handle.db.update(events).set({ title: "marker" }).where(eq(events.id, marker.id));
  await expect.poll(() => heard.flat(), { timeout: 5_000 }).toContain(`e:${marker.id}`);
  return [...new Set(heard.flat().filter((tag) => !tag.endsWith(marker.id) && !tag.endsWith(marker.campaignId) && tag !== "home"))].sort();
}

const person = () => signupSchema.parse({ name: "Ana", email: `${unique("ana")}@test.example` });
const from = new Headers({ "x-forwarded-for": "203.0.113.9" });

describe("what changed, as the database names it", () => {
  it("a sign-up names its event and campaign, and so does the same address again; an event not found names nothing", async () => {
    const { event, campaign } = await makeEvent(handle, orgId, { capacity: 10 });
    const ana = person();
    const tags = [`c:${campaign.id}`, `e:${event.id}`].sort();
    expect(await heardFrom(() => signUpAtPublicEvent(campaign.slug, event.slug, ana, from))).toEqual(tags);
    // Were the pages kept after a repeated sign-up, a kept page (or a faster answer) would tell the address was known.
    expect(await heardFrom(() => signUpAtPublicEvent(campaign.slug, event.slug, ana, from))).toEqual(tags);
    expect(await heardFrom(() => signUpAtPublicEvent(campaign.slug, "no-such-event", person(), from).catch(() => null))).toEqual([]);
  });

  it("a check-in names nothing (places left do not change); a cancelled sign-up names its event", async () => {
    // Changed directly here: the cancellation as lib makes it also counts the place free on the event's row.
    const { event, campaign } = await makeEvent(handle, orgId, { capacity: 10 });
    await signUpAtPublicEvent(campaign.slug, event.slug, person(), from);
    const [row] = await handle.db.select().from(signups).where(eq(signups.eventId, event.id));
    expect(await heardFrom(() => handle.db.update(signups).set({ checkedInAt: new Date() }).where(eq(signups.id, row!.id)))).toEqual([]);
    expect(await heardFrom(() => handle.db.update(signups).set({ status: "cancelled" }).where(eq(signups.id, row!.id)))).toEqual([`e:${event.id}`]);
  });

  it("an event's change names it, its campaign and the home page; a campaign's names it and the home page", async () => {
    const { event, campaign } = await makeEvent(handle, orgId);
    const tags = await heardFrom(() => handle.db.update(events).set({ title: "Moved" }).where(eq(events.id, event.id)));
    expect(tags).toEqual([`c:${campaign.id}`, `e:${event.id}`].sort());
    const campaignTags = await heardFrom(() => handle.db.update(campaigns).set({ title: "Renamed" }).where(eq(campaigns.id, campaign.id)));
    expect(campaignTags).toEqual([`c:${campaign.id}`]);
  });

  it("nothing is named for a change that is rolled back", async () => {
    const { event } = await makeEvent(handle, orgId);
    const tags = await heardFrom(() =>
      handle.db
        .transaction(async (tx) => {
          await tx.update(events).set({ title: "Never" }).where(eq(events.id, event.id));
          tx.rollback();
        })
        .catch(() => null),
    );
    expect(tags).toEqual([]);
  });
});

describe("every instance listening", () => {
  it("a sign-up through one outdates another's kept page as soon as its notification arrives", async () => {
    // On PostgreSQL the other instance has its own connections; PGlite is one process's own database, so there
    // the other listener is a second one on the same database.
    const url = process.env.PICKET_TEST_PG_URL;
    const other = url ? await openDatabase({ url, poolSize: 2 }) : handle;
    const cache = new PageCache({ ttlMs: 600_000 });
    // Each notification the other instance hears, once its cache has been told of it.
    const heard: string[][] = [];
    const waiting: { tag: string; done: () => void }[] = [];
    const stopOther = await other.listen(
      PAGE_CHANNEL,
      (payload) => {
        const tags = changedTags(payload);
        cache.changed(tags);
        heard.push(tags);
        for (const w of waiting.splice(0)) (tags.includes(w.tag) ? w.done : () => waiting.push(w))();
      },
      () => cache.lost(),
    );
    const notified = (tag: string) => (heard.some((tags) => tags.includes(tag)) ? Promise.resolve() : new Promise<void>((done) => waiting.push({ tag, done })));
    try {
      const { event, campaign } = await makeEvent(handle, orgId, { capacity: 10 });
      // A listener hears notifications in the order their transactions committed: once a marker sent after the
      // event was made arrives, every notification of its making has arrived before it.
      const marker = `marker-${event.id}`;
      await handle.db.execute(sql`select pg_notify(${PAGE_CHANNEL}, ${marker})`);
      await notified(marker);
      heard.length = 0;
      let renders = 0;
      const render = async (): Promise<RenderedPage> => ({ status: 200, html: `render ${++renders}`, tags: [`e:${event.id}`, `c:${campaign.id}`] });
      await cache.page("event en", render);
      expect((await cache.page("event en", render)).outcome).toBe("hit");
      await signUpAtPublicEvent(campaign.slug, event.slug, person(), from);
      // The other instance learns of it from the database's notification alone, however long that takes to arrive.
      await notified(`e:${event.id}`);
      expect((await cache.page("event en", render)).outcome).toBe("miss");
      expect(renders).toBe(2);
    } finally {
      await stopOther();
      if (other !== handle) await other.close();
    }
  });
});
