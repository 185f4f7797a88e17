import { afterAll, beforeAll, expect, it } from "vitest";
import { openIsolatedTestDatabase } from "./testing";
import type { DbHandle } from "./client";
import { campaigns, memberships, organisations, users } from "./schema";
import { DEMO_ORG, DEMO_USERS, seed } from "./seed";
import { DEMO_ARTICLE } from "./seed-trials";
import { eq, inArray } from "drizzle-orm";

// A database of its own: the demo story's past events would be erased by other files' purges, and theirs by ours.
let handle: DbHandle;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ handle, close } = await openIsolatedTestDatabase());
});
afterAll(() => close());

// Only the demo's own rows.
async function snapshot() {
  const orgs = await handle.db.select().from(organisations).where(eq(organisations.slug, DEMO_ORG.slug));
  const people = await handle.db
    .select({ id: users.id, email: users.email, hash: users.passwordHash })
    .from(users)
    .where(
      inArray(
        users.email,
        DEMO_USERS.map((u) => u.email),
      ),
    );
  const members = orgs[0] ? await handle.db.select().from(memberships).where(eq(memberships.orgId, orgs[0].id)) : [];
  return { orgs, people: people.sort((a, b) => a.email.localeCompare(b.email)), members: members.sort((a, b) => a.userId.localeCompare(b.userId)) };
}

it("seeds Campaign Kazakhstan with an owner, an organizer and a coordinator, and a second run changes nothing", async () => {
  const first = await seed(handle.db);
  expect(first.created).toBeGreaterThan(0);
  const after = await snapshot();
  expect(after.orgs.map((o) => o.name)).toEqual(["Campaign Kazakhstan"]);
  for (const u of DEMO_USERS) {
    const person = after.people.find((p) => p.email === u.email);
    expect(after.members.find((m) => m.userId === person?.id)?.role).toBe(u.role);
  }
  const second = await seed(handle.db);
  expect(second.created).toBe(0);
  expect(await snapshot()).toEqual(after);
});

it(
  "tells the trial watch: the report linked to both campaigns, two cases, a postponed hearing with its reason, " +
    "a verdict, an internal defendant kept off the public page",
  async () => {
    await seed(handle.db);
    const { readMoreForCampaign } = await import("@/lib/articles/public");
    const { getPublicCases, getTimeline } = await import("@/lib/trials/public");
    const story = await handle.db
      .select()
      .from(campaigns)
      .where(inArray(campaigns.slug, ["embassy-day-of-action", "zhanaozen-trial-watch"]));
    for (const c of story) expect((await readMoreForCampaign(c.id)).map((a) => a.title)).toContain(DEMO_ARTICLE.title);
    const trial = story.find((c) => c.slug === "zhanaozen-trial-watch")!;
    const cases = await getPublicCases(trial.id);
    expect(cases.map((c) => c.name)).toEqual(["The Zhanaozen oil workers", "Vadim Kuramshin"]);
    expect(cases[0]!.defendants.map((d) => d.name)).not.toContain("Aset Zhaksylykov");
    const timeline = await getTimeline(trial.id);
    expect(timeline.find((i) => i.type === "hearing" && i.status === "postponed")).toMatchObject({ changeReason: expect.stringContaining("adjourned") });
    expect(timeline.some((i) => i.type === "update" && i.kind === "verdict")).toBe(true);
    expect(timeline.some((i) => i.type === "article")).toBe(true);
    expect(JSON.stringify(timeline)).not.toContain("Internal:");
    expect((await getTimeline(trial.id, cases[1]!.id)).map((i) => i.type)).toEqual(["hearing"]);
  },
);
