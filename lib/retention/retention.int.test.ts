import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DbHandle } from "@/db/client";
import { auditLog, events, signups } from "@/db/schema";
import { makeEvent, makeOrg, openIsolatedTestDatabase, unique } from "@/db/testing";
import type { Actor } from "@/lib/auth/actor";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { signupSchema } from "@/lib/signups/schemas";
import { signUpWithLink } from "@/db/testing/links";
import { getSignupByToken } from "@/lib/signups/manage";
import { signUp } from "@/lib/signups/signups";
import { eraseEventPersonalData, erasureDate, purgeExpiredSignups } from "./retention";
import { sealedSignups } from "@/db/testing/sealed";

const DAY = 86_400_000;
// A database of its own: a purge is global, so other files' past events would change its counts, and it would erase their data.
let handle: DbHandle;
let close: () => Promise<void>;
let org: Awaited<ReturnType<typeof makeOrg>>;
let other: Awaited<ReturnType<typeof makeOrg>>;
beforeAll(async () => {
  ({ handle, close } = await openIsolatedTestDatabase());
  org = await makeOrg(handle, { owner: 1, organizer: 1, coordinator: 1 });
  other = await makeOrg(handle, { owner: 1 });
});
afterAll(() => close());

const actor = (o: typeof org, role: "owner" | "organizer" | "coordinator"): Actor => ({ userId: o.people[role][0]!.userId });

/** An event a week from now with four sign-ups (one checked in, one on the waitlist, one cancelled) and a walk-in. */
async function eventWithSignups(retentionDays?: number) {
  const { event, campaign } = await makeEvent(handle, org.org.id, { capacity: 2, waitlist: true });
  if (retentionDays) await handle.db.execute(sql`update campaigns set retention_days = ${retentionDays} where id = ${campaign.id}`);
  const tokens: string[] = [];
  for (const [name, role] of [
    ["Ана Иванова", "steward"],
    ["Bolat", "observer"],
    ["Zofia Łukasik", "steward"],
  ] as const) {
    const input = signupSchema.parse({ name, email: `${unique("p")}@test.example`, phone: "+7 700 000 00 00", role, comment: "Bring a banner", consent: "on" });
    tokens.push((await signUpWithLink(handle, event.id, input, { client: unique("client"), locale: "en" })).token);
  }
  const rows = await handle.db.select().from(signups).where(eq(signups.eventId, event.id)).orderBy(signups.createdAt);
  await handle.db.update(signups).set({ checkedInAt: new Date() }).where(eq(signups.id, rows[0]!.id));
  await handle.db
    .insert(signups)
    .values(
      await sealedSignups(handle, [
        { eventId: event.id, name: "Cancelled Person", email: `${unique("c")}@test.example`, status: "cancelled", manageTokenHash: unique("hash") },
      ]),
    );
  return { event, campaign, tokens };
}

/** What stays after erasure: sign-ups per status, role and checked-in, and the event's counters. */
async function anonymousCounts(eventId: string) {
  const rows = await handle.db
    .select({ status: signups.status, role: signups.role, checkedIn: sql<boolean>`${signups.checkedInAt} is not null`, n: sql<number>`count(*)::int` })
    .from(signups)
    .where(eq(signups.eventId, eventId))
    .groupBy(signups.status, signups.role, sql`${signups.checkedInAt} is not null`)
    .orderBy(signups.status, signups.role, sql`3`);
  const [e] = await handle.db.select({ confirmed: events.confirmedCount, waitlisted: events.waitlistedCount }).from(events).where(eq(events.id, eventId));
  return { rows, event: e };
}

async function personalFields(eventId: string) {
  return handle.db
    .select({
      personal: signups.personal,
      emailHash: signups.emailHash,
      token: signups.manageTokenHash,
      consent: signups.consentToContact,
      erasedAt: signups.erasedAt,
    })
    .from(signups)
    .where(eq(signups.eventId, eventId));
}

const erasedRow = { personal: null, emailHash: null, token: null, consent: false };

describe("purgeExpiredSignups", () => {
  it("erases the personal fields of an event past retention and keeps the anonymous counts", async () => {
    const { event, tokens } = await eventWithSignups();
    const before = await anonymousCounts(event.id);
    expect(before.rows.reduce((a, r) => a + r.n, 0)).toBe(4);
    expect(await getSignupByToken(tokens[0]!)).not.toBeNull();

    const due = erasureDate(event, 30);
    expect(due.getTime()).toBe(event.endsAt.getTime() + 30 * DAY);
    const nothingYet = await purgeExpiredSignups(new Date(due.getTime() - 1000));
    expect((await personalFields(event.id)).every((r) => r.personal !== null)).toBe(true);
    expect(nothingYet.events).toBe(0);

    const result = await purgeExpiredSignups(due);
    expect(result).toEqual({ events: 1, signups: 4 });
    const fields = await personalFields(event.id);
    expect(fields).toHaveLength(4);
    // Erased rows keep their times to the hour only.
    const hour = new Date(Math.floor(due.getTime() / 3_600_000) * 3_600_000);
    for (const f of fields) expect(f).toMatchObject({ ...erasedRow, erasedAt: hour });
    expect(await anonymousCounts(event.id)).toEqual(before);
    const [after] = await handle.db.select().from(events).where(eq(events.id, event.id));
    expect(after!.personalDataErasedAt).toEqual(due);
    // The supporters' private links no longer open anything.
    for (const token of tokens) expect(await getSignupByToken(token)).toBeNull();

    // A second run finds nothing left to do and changes nothing.
    expect(await purgeExpiredSignups(new Date(due.getTime() + DAY))).toEqual({ events: 0, signups: 0 });
    const [again] = await handle.db.select().from(events).where(eq(events.id, event.id));
    expect(again!.personalDataErasedAt).toEqual(due);
    expect((await personalFields(event.id)).map((f) => f.erasedAt)).toEqual(fields.map(() => hour));
  });

  it("keeps the sign-ups of an event not yet past its campaign's retention", async () => {
    const { event, tokens } = await eventWithSignups(90);
    const at = new Date(event.endsAt.getTime() + 60 * DAY);
    await purgeExpiredSignups(at);
    expect((await personalFields(event.id)).every((r) => r.personal !== null && r.erasedAt === null)).toBe(true);
    expect(await getSignupByToken(tokens[0]!)).not.toBeNull();
    const [row] = await handle.db.select().from(events).where(eq(events.id, event.id));
    expect(row!.personalDataErasedAt).toBeNull();
  });
});

describe("eraseEventPersonalData", () => {
  it("an organizer erases early: personal fields gone, counts kept, one audit row with the count", async () => {
    const { event, tokens } = await eventWithSignups();
    const before = await anonymousCounts(event.id);
    const now = new Date();
    expect(await eraseEventPersonalData(actor(org, "organizer"), event.id, now)).toEqual({ signups: 4 });
    for (const f of await personalFields(event.id)) expect(f).toMatchObject(erasedRow);
    expect(await anonymousCounts(event.id)).toEqual(before);
    expect(await getSignupByToken(tokens[1]!)).toBeNull();
    const audit = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.eventId, event.id), eq(auditLog.action, "signups.erase")));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ orgId: org.org.id, actorId: actor(org, "organizer")!.userId, rowCount: 4 });
  });

  it("an owner may too; a later purge erases only those who signed up after the early erasure", async () => {
    const { event } = await eventWithSignups();
    expect(await eraseEventPersonalData(actor(org, "owner"), event.id)).toEqual({ signups: 4 });
    const input = signupSchema.parse({ name: "Late Comer", email: `${unique("late")}@test.example` });
    await signUp(event.id, input, { client: unique("client"), locale: "en" });
    const result = await purgeExpiredSignups(erasureDate(event, 30));
    expect(result).toEqual({ events: 1, signups: 1 });
    for (const f of await personalFields(event.id)) expect(f).toMatchObject(erasedRow);
  });

  it.each([
    ["a coordinator", (): Actor => actor(org, "coordinator"), ForbiddenError],
    ["another organisation's owner", (): Actor => actor(other, "owner"), NotFoundError],
    ["an anonymous visitor", (): Actor => null, NotFoundError],
  ] as const)("%s is refused and nothing is erased", async (_who, who, error) => {
    const { event, tokens } = await eventWithSignups();
    await expect(eraseEventPersonalData(who(), event.id)).rejects.toBeInstanceOf(error);
    expect((await personalFields(event.id)).every((r) => r.personal !== null && r.erasedAt === null)).toBe(true);
    expect(await getSignupByToken(tokens[0]!)).not.toBeNull();
    expect(await handle.db.select().from(auditLog).where(eq(auditLog.eventId, event.id))).toHaveLength(0);
    const [row] = await handle.db.select().from(events).where(eq(events.id, event.id));
    expect(row!.personalDataErasedAt).toBeNull();
  });

  it("an unknown event is not found", async () => {
    await expect(eraseEventPersonalData(actor(org, "owner"), "00000000-0000-4000-8000-000000000000")).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("npm run purge", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "picket-purge-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function purge(): Promise<{ code: number | null; out: string }> {
    const env: NodeJS.ProcessEnv = { ...process.env, PICKET_DATA_DIR: dir };
    delete env.DATABASE_URL;
    delete env.NODE_OPTIONS;
    return new Promise((resolve, reject) => {
      const child = spawn("npm", ["run", "--silent", "purge"], { cwd: process.cwd(), env, stdio: ["ignore", "pipe", "pipe"] });
      let out = "";
      child.stdout.on("data", (d: Buffer) => (out += d.toString()));
      child.stderr.on("data", (d: Buffer) => (out += d.toString()));
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, out }));
    });
  }

  it("erases the sign-ups of a past event in the embedded database and prints the count", async () => {
    const seeded = await openDatabase({ url: "", dataDir: dir, migrate: true });
    let eventId: string;
    try {
      const { org: o } = await makeOrg(seeded, { owner: 1 });
      const startsAt = new Date(Date.now() - 60 * DAY);
      const { event } = await makeEvent(seeded, o.id, { startsAt, endsAt: new Date(startsAt.getTime() + 2 * 3_600_000) });
      eventId = event.id;
      await seeded.db.insert(signups).values(
        await sealedSignups(
          seeded,
          ["Ерлан", "Maria", "Jan"].map((name, i) => ({
            eventId: event.id,
            name,
            email: `p${i}@test.example`,
            status: "confirmed" as const,
            role: "steward",
            manageTokenHash: unique("hash"),
          })),
        ),
      );
    } finally {
      await seeded.close();
    }

    const first = await purge();
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/erased the personal data of 3 sign-ups of 1 events/);
    const second = await purge();
    expect(second.code).toBe(0);
    expect(second.out).toMatch(/nothing to forget/);

    const check = await openDatabase({ url: "", dataDir: dir, migrate: false });
    try {
      const rows = await check.db
        .select({ personal: signups.personal, emailHash: signups.emailHash, status: signups.status, role: signups.role })
        .from(signups)
        .where(eq(signups.eventId, eventId));
      expect(rows).toEqual(Array.from({ length: 3 }, () => ({ personal: null, emailHash: null, status: "confirmed", role: "steward" })));
    } finally {
      await check.close();
    }
  }, 120_000);
});
