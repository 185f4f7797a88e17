import { afterAll, beforeAll, expect, it } from "vitest";
import { closeTestDatabase, openTestDatabase } from "./testing";
import type { DbHandle } from "./client";
import { memberships, organisations, users } from "./schema";
import { DEMO_ORG, DEMO_USERS, seed } from "./seed";
import { eq, inArray } from "drizzle-orm";

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(closeTestDatabase);

// Only the demo's own rows: other test files share a PostgreSQL database with this one.
async function snapshot() {
  const orgs = await handle.db.select().from(organisations).where(eq(organisations.slug, DEMO_ORG.slug));
  const people = await handle.db
    .select({ id: users.id, email: users.email, hash: users.passwordHash })
    .from(users)
    .where(inArray(users.email, DEMO_USERS.map((u) => u.email)));
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
