import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { DbHandle } from "@/db/client";
import { accessRecords, auditLog, memberScopes, memberships } from "@/db/schema";
import { closeTestDatabase, makeEvent, makeOrg, makeUser, openTestDatabase, unique } from "@/db/testing";
import type { Actor } from "@/lib/auth/actor";
import { listAttendees } from "@/lib/attendees/attendees";
import { attendeeListSchema } from "@/lib/attendees/schemas";
import { exportAttendeesCsv } from "@/lib/exports/csv";
import { signInSheet } from "@/lib/exports/sheet";
import { signupSchema } from "@/lib/signups/schemas";
import { signUp } from "@/lib/signups/signups";
import { audited } from "./index";
import { heavyReaders, listAccess } from "./access-log";

let handle: DbHandle;
let orgId: string;
let owner: Actor;
let coordinator: Actor;
let eventId: string;
let campaignId: string;

beforeAll(async () => {
  handle = await openTestDatabase();
  const { org, people } = await makeOrg(handle, { owner: 1, coordinator: 1 });
  orgId = org.id;
  owner = people.owner[0]!;
  coordinator = people.coordinator[0]!;
  const { event, campaign } = await makeEvent(handle, orgId);
  eventId = event.id;
  campaignId = campaign.id;
  for (const name of ["Anna Schmidt", "Marta Nowak", "Tom Hughes"])
    await signUp(eventId, signupSchema.parse({ name, email: `${unique("p")}@test.example` }), { client: unique("c"), locale: "en" });
});
afterAll(closeTestDatabase);

const recordsOf = (actor: Actor) =>
  handle.db
    .select()
    .from(accessRecords)
    .where(and(eq(accessRecords.orgId, orgId), eq(accessRecords.actorId, actor!.userId)));

describe("access records", () => {
  it("records each page read with who, which event, how many rows and which kind; the same page within a minute is one record", async () => {
    const t0 = new Date("2026-09-01T10:00:00Z");
    const page = attendeeListSchema.parse({ pageSize: 10 });
    await listAttendees(coordinator, { eventId }, page, "list", t0);
    await listAttendees(coordinator, { eventId }, page, "list", new Date(t0.getTime() + 30_000));
    let rows = await recordsOf(coordinator);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: "list", eventId, campaignId, rowCount: 3, times: 2 });
    // Another page, another kind, or more than a minute later: records of their own.
    await listAttendees(coordinator, { eventId }, attendeeListSchema.parse({ pageSize: 10, status: "confirmed" }), "list", new Date(t0.getTime() + 40_000));
    await listAttendees(coordinator, { eventId }, page, "check_in", new Date(t0.getTime() + 40_000));
    await listAttendees(coordinator, { eventId }, page, "api", new Date(t0.getTime() + 40_000));
    await listAttendees(coordinator, { eventId }, page, "list", new Date(t0.getTime() + 200_000));
    rows = await recordsOf(coordinator);
    expect(rows.map((r) => r.kind).sort()).toEqual(["api", "check_in", "list", "list", "list"]);
  });

  it("records a search as a search, without the words searched for", async () => {
    await listAttendees(owner, { campaignId }, attendeeListSchema.parse({ q: "Schmidt" }), "list", new Date("2026-09-02T10:00:00Z"));
    const [row] = (await recordsOf(owner)).filter((r) => r.kind === "search");
    expect(row).toMatchObject({ kind: "search", campaignId, eventId: null, rowCount: 1 });
    expect(JSON.stringify(row)).not.toContain("Schmidt");
  });

  it("records every export and printed sheet, never merged, beside their audit rows", async () => {
    const before = (await recordsOf(owner)).length;
    for (let i = 0; i < 2; i++) {
      const csv = await exportAttendeesCsv(owner, { eventId }, { filter: {}, columns: ["name"], bom: false });
      await new Response(csv.stream).text();
      await signInSheet(owner, eventId);
    }
    const rows = (await recordsOf(owner)).slice(before);
    expect(rows.map((r) => r.kind).sort()).toEqual(["export", "export", "sheet", "sheet"]);
    expect(rows.every((r) => r.rowCount === 3 && r.times === 1)).toBe(true);
    const audits = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, orgId), eq(auditLog.actorId, owner!.userId)));
    expect(audits.filter((a) => a.action.startsWith("export."))).toHaveLength(4);
  });

  it("records nothing for a refused read", async () => {
    const stranger = await makeUser(handle, "Stranger");
    await expect(listAttendees({ userId: stranger.id }, { eventId }, attendeeListSchema.parse({}))).rejects.toThrow();
    expect(await handle.db.select().from(accessRecords).where(eq(accessRecords.actorId, stranger.id))).toHaveLength(0);
  });
});

describe("the owners' access log and alert", () => {
  it("shows one member's reads or one event's, newest first or by rows, to owners only", async () => {
    const mine = await listAccess(owner, orgId, { member: coordinator!.userId });
    expect(mine.total).toBe(5);
    expect(mine.entries.every((e) => e.actorName === "coordinator 0" && e.eventId === eventId)).toBe(true);
    const times = mine.entries.map((e) => e.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const byEvent = await listAccess(owner, orgId, { event: eventId, sort: "rows", dir: "asc" });
    expect(byEvent.entries.every((e) => e.eventId === eventId)).toBe(true);
    const rows = byEvent.entries.map((e) => e.rowCount);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    await expect(listAccess(coordinator, orgId)).rejects.toThrow();
  });

  it("flags a member who read more rows in a day than the organisation has sign-ups, and nobody once it is a day old", async () => {
    // The coordinator read the three people five times on 1 September (15 rows); the organisation has 3 sign-ups.
    const flagged = await heavyReaders(owner, orgId, new Date("2026-09-01T12:00:00Z"));
    expect(flagged.map((f) => f.userId)).toContain(coordinator!.userId);
    expect(flagged.find((f) => f.userId === coordinator!.userId)).toMatchObject({ rows: 15, signups: 3 });
    expect(await heavyReaders(owner, orgId, new Date("2026-09-03T12:00:00Z"))).toEqual([]);
  });
});

describe("audited changes", () => {
  it("writes the change and its audit row together, or neither", async () => {
    const person = await makeUser(handle, "New coordinator");
    await handle.db.insert(memberships).values({ orgId, userId: person.id, role: "coordinator" });
    const give = (auditOrg: string) =>
      audited(handle.db, owner, "scope.grant", async (tx) => {
        await tx.insert(memberScopes).values({ orgId, userId: person.id, kind: "city", country: "DE", city: "Berlin" });
        return { result: "done", audit: { orgId: auditOrg, details: { member: person.id } } };
      });
    // An audit row that cannot be written (an organisation that does not exist) undoes the change.
    await expect(give("00000000-0000-4000-8000-000000000000")).rejects.toThrow();
    expect(await handle.db.select().from(memberScopes).where(eq(memberScopes.userId, person.id))).toHaveLength(0);
    // A change that fails leaves no audit row.
    await expect(
      audited(handle.db, owner, "scope.grant", async () => {
        throw new Error("refused");
      }),
    ).rejects.toThrow("refused");
    expect(await give(orgId)).toBe("done");
    expect(await handle.db.select().from(memberScopes).where(eq(memberScopes.userId, person.id))).toHaveLength(1);
    const rows = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, orgId), eq(auditLog.action, "scope.grant")));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorId: owner!.userId, details: { member: person.id } });
  });
});
