import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { inject } from "vitest";
import { closeDb, openDatabase, setDbHandle, type DbHandle } from "../client";
import { and, eq, ne } from "drizzle-orm";
import { campaigns, events, memberScopes, memberships, organisations, users } from "../schema";
import type { OrgRole } from "../schema";
import { ForbiddenError, NotFoundError } from "@/lib/errors";

/**
 * The database for one test file: in-memory PGlite, or the fresh PostgreSQL database
 * that scripts/test-pg.ts created (PICKET_TEST_PG_URL). Becomes the process's database.
 */
export async function openTestDatabase(): Promise<DbHandle> {
  const url = process.env.PICKET_TEST_PG_URL;
  const handle = await openDatabase(
    url ? { url, migrate: true, poolSize: 30 } : { url: "", dataDir: "memory://", migrate: true, template: migratedTemplate() },
  );
  setDbHandle(handle);
  return handle;
}

export const closeTestDatabase = closeDb;

/** The run's migrated empty database (db/testing/global-setup.ts), read once per test file. */
let template: Blob | undefined;
function migratedTemplate(): Blob | undefined {
  const file = inject("pgliteTemplate");
  if (!file) return undefined;
  return (template ??= new Blob([readFileSync(file)]));
}

/**
 * A database of the test file's own, for tests that write what others must not see (the demo
 * story, with past events a purge would take) or run what acts on every row (the purge, the
 * mail worker, reminders): in-memory PGlite, or on PostgreSQL a fresh database beside the
 * suite's (its address in url), dropped by the returned close.
 */
export async function openIsolatedTestDatabase(): Promise<{ handle: DbHandle; close: () => Promise<void>; url?: string }> {
  const suite = process.env.PICKET_TEST_PG_URL;
  if (!suite) {
    const handle = await openTestDatabase();
    return { handle, close: closeDb };
  }
  const { default: pg } = await import("pg");
  const name = `picket_own_${Date.now()}_${randomUUID().slice(0, 8).replace(/-/g, "")}`;
  const admin = new pg.Client({ connectionString: suite });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(suite);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString(), migrate: true, poolSize: 4 });
  setDbHandle(handle);
  return {
    handle,
    url: url.toString(),
    close: async () => {
      await closeDb();
      const c = new pg.Client({ connectionString: suite });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

/** A user row with a placeholder hash (tests that log in create accounts through lib/accounts). */
export async function makeUser(handle: DbHandle, name = "Member") {
  const [u] = await handle.db
    .insert(users)
    .values({ name, email: `${unique("user")}@test.example`, passwordHash: "x" })
    .returning();
  return u!;
}

export async function makeOrg(handle: DbHandle, members: Partial<Record<OrgRole, number>> = { owner: 1 }) {
  const [org] = await handle.db
    .insert(organisations)
    .values({ name: "Org", slug: unique("org") })
    .returning();
  const people: Record<OrgRole, { userId: string }[]> = { owner: [], organizer: [], coordinator: [] };
  for (const role of ["owner", "organizer", "coordinator"] as const) {
    for (let i = 0; i < (members[role] ?? 0); i++) {
      const u = await makeUser(handle, `${role} ${i}`);
      await handle.db.insert(memberships).values({ orgId: org!.id, userId: u.id, role });
      people[role].push({ userId: u.id });
    }
  }
  return { org: org!, people };
}

/** An organisation with one member of each role, and the owner of another one (who may see none of it). */
export async function makeTeam(handle: DbHandle) {
  const { org, people } = await makeOrg(handle, { owner: 1, organizer: 1, coordinator: 1 });
  const other = await makeOrg(handle, { owner: 1 });
  return { org, owner: people.owner[0]!, organizer: people.organizer[0]!, coordinator: people.coordinator[0]!, outsider: other.people.owner[0]!, other };
}

/** A test database with one organisation in it (its owner, or the members asked for): what most files start from. */
export async function openWithOrg(members?: Partial<Record<OrgRole, number>>) {
  const handle = await openTestDatabase();
  return { handle, ...(await makeOrg(handle, members)) };
}

export type Outcome = "allowed" | "notFound" | "forbidden";

/** What a call did to its caller: done, or refused as not found (a 404) or as forbidden (a 403); anything else is thrown. */
export async function outcomeOf(call: Promise<unknown>): Promise<Outcome> {
  try {
    await call;
    return "allowed";
  } catch (e) {
    if (e instanceof NotFoundError) return "notFound";
    if (e instanceof ForbiddenError) return "forbidden";
    throw e;
  }
}

/**
 * A published campaign with one event a week from now, unless told otherwise. The organisation's organizers and
 * coordinators are given the campaign (member_scopes), as the migration did for existing ones, unless `scoped` is false.
 */
export async function makeEvent(
  handle: DbHandle,
  orgId: string,
  overrides: Partial<typeof events.$inferInsert> = {},
  campaignStatus: "draft" | "published" | "archived" = "published",
  { scoped = true }: { scoped?: boolean } = {},
) {
  const [campaign] = await handle.db
    .insert(campaigns)
    .values({ orgId, slug: unique("campaign"), title: "Campaign", kind: "embassy_protest", status: campaignStatus })
    .returning();
  if (scoped) {
    const members = await handle.db
      .select()
      .from(memberships)
      .where(and(eq(memberships.orgId, orgId), ne(memberships.role, "owner")));
    if (members.length)
      await handle.db.insert(memberScopes).values(members.map((m) => ({ orgId, userId: m.userId, kind: "campaign" as const, campaignId: campaign!.id })));
  }
  const startsAt = new Date(Date.now() + 7 * 86_400_000);
  const [event] = await handle.db
    .insert(events)
    .values({
      campaignId: campaign!.id,
      slug: unique("event"),
      title: "Protest at the embassy",
      kind: "protest",
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
      timeZone: "Europe/London",
      city: "London",
      country: "GB",
      roles: ["steward", "observer"],
      ...overrides,
    })
    .returning();
  return { campaign: campaign!, event: event! };
}
