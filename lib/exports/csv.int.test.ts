import { parse } from "csv-parse/sync";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditLog, signups } from "@/db/schema";
import { closeTestDatabase, makeEvent, makeOrg, openTestDatabase, outcomeOf, unique } from "@/db/testing";
import { sealedSignups } from "@/db/testing/sealed";
import { attendeeFilterSchema, type AttendeeColumn } from "@/lib/attendees/schemas";
import type { Actor } from "@/lib/auth/actor";
import { listAuditLog } from "@/lib/audit/log";
import { defuseCell, exportAttendeesCsv, isoInZone } from "./csv";
import { parseExportRequest } from "./schemas";
import { signInSheet } from "./sheet";

let handle: DbHandle;
let orgId: string;
let actors: Record<string, Actor>;
let eventId: string;
let campaignId: string;
let secondEventId: string;

const FORMULA = '=HYPERLINK("http://x","y")';
const CYRILLIC = "Айгуль Нурланова";
const POLISH = "Łukasz Wiśniewski";
const ALL: AttendeeColumn[] = ["event", "name", "email", "phone", "role", "status", "createdAt", "checkedInAt", "comment"];
const filter = (f: Record<string, string> = {}) => attendeeFilterSchema.parse(f);

async function text(stream: ReadableStream<Uint8Array>): Promise<{ bytes: Buffer; body: string }> {
  const bytes = Buffer.from(await new Response(stream).arrayBuffer());
  return { bytes, body: bytes.toString("utf8") };
}

/** Parsed back with a real CSV parser: header row first. */
async function exported(
  actor: Actor,
  ref: { eventId: string } | { campaignId: string },
  opts: { f?: Record<string, string>; columns?: AttendeeColumn[]; bom?: boolean; pageSize?: number } = {},
) {
  const result = await exportAttendeesCsv(actor, ref, { filter: filter(opts.f), columns: opts.columns ?? ALL, bom: opts.bom ?? false }, opts.pageSize);
  const { bytes, body } = await text(result.stream);
  const records = parse(body, { bom: true, relax_column_count: false }) as string[][];
  return { ...result, bytes, body, header: records[0]!, rows: records.slice(1) };
}

const auditRows = () => handle.db.select().from(auditLog).where(eq(auditLog.orgId, orgId));
const insertSealed = async (rows: Parameters<typeof sealedSignups>[1]) => handle.db.insert(signups).values(await sealedSignups(handle, rows));

beforeAll(async () => {
  handle = await openTestDatabase();
  const { org, people } = await makeOrg(handle, { owner: 1, organizer: 1, coordinator: 1 });
  const other = await makeOrg(handle, { owner: 1 });
  orgId = org.id;
  actors = { owner: people.owner[0]!, organizer: people.organizer[0]!, coordinator: people.coordinator[0]!, outsider: other.people.owner[0]!, anonymous: null };
  const { event, campaign } = await makeEvent(handle, org.id, {
    timeZone: "Asia/Almaty",
    startsAt: new Date("2026-11-28T04:00:00Z"),
    endsAt: new Date("2026-11-28T08:00:00Z"),
    title: "Hearing in Aktau",
  });
  eventId = event.id;
  campaignId = campaign.id;
  const [second] = await handle.db
    .insert((await import("@/db/schema")).events)
    .values({
      campaignId,
      slug: unique("second"),
      title: "Picket in London",
      kind: "picket",
      startsAt: new Date("2026-11-29T12:00:00Z"),
      endsAt: new Date("2026-11-29T14:00:00Z"),
      timeZone: "Europe/London",
      country: "GB",
    })
    .returning();
  secondEventId = second!.id;
  // Several sign-ups share one instant: the keyset must still visit each exactly once.
  const same = new Date("2026-10-01T09:30:00.123456Z");
  const person = (name: string | null, extra: Partial<Parameters<typeof sealedSignups>[1][number]> = {}) => ({
    eventId,
    name,
    email: `${unique("p")}@test.example`,
    status: "confirmed" as const,
    createdAt: same,
    ...extra,
  });
  await insertSealed([
    person(FORMULA, { role: "steward", comment: 'Says "hi", then\r\nleaves' }),
    person(CYRILLIC, { role: "observer", phone: "+7 701 000 00 00" }),
    person(POLISH, { role: "steward", checkedInAt: new Date("2026-11-28T04:10:00Z") }),
    person("-1+1", { status: "waitlisted", createdAt: new Date("2026-10-02T00:00:00Z") }),
    person("@admin", { comment: "\tTabbed", createdAt: new Date("2026-10-03T00:00:00Z") }),
    person("Erased person", { erasedAt: new Date(), name: null, email: null }),
  ]);
  await insertSealed([
    { eventId: secondEventId, name: "Tom Hughes", email: "tom@test.example", status: "confirmed", createdAt: new Date("2026-10-05T10:00:00Z") },
  ]);
});
afterAll(closeTestDatabase);

describe("CSV export", () => {
  it("defuses formulas and keeps Cyrillic and Polish names intact, parsed back with a CSV parser", async () => {
    const out = await exported(actors.coordinator!, { eventId });
    expect(out.header).toEqual(["Event", "Name", "Email", "Phone", "Role", "Status", "Signed up at", "Checked in at", "Comment"]);
    const names = out.rows.map((r) => r[1]);
    expect(names).toContain(`'${FORMULA}`);
    expect(names).toContain(CYRILLIC);
    expect(names).toContain(POLISH);
    expect(names).toContain("'-1+1");
    expect(names).toContain("'@admin");
    expect(names).not.toContain("Erased person");
    expect(out.rows).toHaveLength(5);
    expect(out.rowCount).toBe(5);
    for (const row of out.rows) for (const value of row) expect(value).not.toMatch(/^[=+\-@\t\r]/);
    const formula = out.rows.find((r) => r[1] === `'${FORMULA}`)!;
    expect(formula[8]).toBe('Says "hi", then\r\nleaves');
    expect(out.rows.find((r) => r[1] === "'@admin")![8]).toBe("'\tTabbed");
    expect(out.rows.find((r) => r[1] === CYRILLIC)![3]).toBe("'+7 701 000 00 00");
    // RFC 4180: CRLF between records, quotes doubled inside a quoted field; UTF-8, no BOM unless asked.
    expect(out.body).toContain('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(out.body.split("\r\n")[0]).toBe("Event,Name,Email,Phone,Role,Status,Signed up at,Checked in at,Comment");
    expect(out.bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
    expect(out.bytes.includes(Buffer.from(CYRILLIC, "utf8"))).toBe(true);
  });

  it("writes times at the event's place with their offset, and a file name from campaign, event and date", async () => {
    const out = await exported(actors.coordinator!, { eventId }, { columns: ["name", "createdAt", "checkedInAt"] });
    const polish = out.rows.find((r) => r[0] === POLISH)!;
    expect(polish[1]).toBe("2026-10-01T14:30:00+05:00");
    expect(polish[2]).toBe("2026-11-28T09:10:00+05:00");
    expect(isoInZone(new Date("2026-07-20T11:00:00Z"), "Europe/London")).toBe("2026-07-20T12:00:00+01:00");
    expect(isoInZone(new Date("2026-07-20T11:00:00Z"), "America/St_Johns")).toBe("2026-07-20T08:30:00-02:30");
    expect(out.filename).toMatch(/^campaign-[a-z0-9]+_event-[a-z0-9]+_2026-11-28\.csv$/);
  });

  it("adds a byte-order mark only when asked", async () => {
    const out = await exported(actors.coordinator!, { eventId }, { bom: true, columns: ["name"] });
    expect([...out.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(out.header).toEqual(["Name"]);
    expect(out.rows.map((r) => r[0])).toContain(CYRILLIC);
  });

  it("applies filters and the chosen columns, in the order of the list", async () => {
    const stewards = await exported(actors.coordinator!, { eventId }, { f: { role: "steward" }, columns: ["role", "name"] });
    expect(stewards.header).toEqual(["Role", "Name"]);
    expect(stewards.rows.map((r) => r[1]).sort()).toEqual([`'${FORMULA}`, POLISH].sort());
    expect(stewards.rowCount).toBe(2);
    const waitlisted = await exported(actors.coordinator!, { eventId }, { f: { status: "waitlisted" }, columns: ["name", "status"] });
    expect(waitlisted.rows).toEqual([["'-1+1", "Waitlisted"]]);
    const checkedIn = await exported(actors.coordinator!, { eventId }, { f: { checkedIn: "yes" }, columns: ["name"] });
    expect(checkedIn.rows).toEqual([[POLISH]]);
    const search = await exported(actors.coordinator!, { eventId }, { f: { q: "айгуль" }, columns: ["name"] });
    expect(search.rows).toEqual([[CYRILLIC]]);
    const none = await exported(actors.coordinator!, { eventId }, { f: { q: "nobody-at-all" }, columns: ["name", "email"] });
    expect(none.rows).toEqual([]);
    expect(none.header).toEqual(["Name", "Email"]);
  });

  it("reads in keyset pages: every row once, in sign-up order, also across equal instants", async () => {
    const paged = await exported(actors.owner!, { campaignId }, { columns: ["name", "event"], pageSize: 2 });
    const whole = await exported(actors.owner!, { campaignId }, { columns: ["name", "event"] });
    expect(paged.rows).toEqual(whole.rows);
    expect(paged.rows).toHaveLength(6);
    expect(new Set(paged.rows.map((r) => r[0])).size).toBe(6);
    expect(paged.rows.at(-1)).toEqual(["Tom Hughes", "Picket in London"]);
    expect(paged.filename).toMatch(/^campaign-[a-z0-9]+_\d{4}-\d{2}-\d{2}\.csv$/);
  });

  it("leaves exactly one audit entry per export, with who, what, filters, columns and the count", async () => {
    const before = (await auditRows()).length;
    const out = await exported(actors.organizer!, { eventId }, { f: { role: "steward", status: "confirmed" }, columns: ["name", "role"], bom: true });
    const after = await auditRows();
    expect(after.length).toBe(before + 1);
    const entry = after.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0]!;
    expect(entry).toMatchObject({ action: "export.csv", actorId: actors.organizer!.userId, eventId, campaignId, rowCount: 2 });
    expect(entry.details).toEqual({ scope: "event", filter: { role: "steward", status: "confirmed" }, columns: ["name", "role"], bom: true });
    expect(out.rows).toHaveLength(entry.rowCount);
    const campaignWide = await exported(actors.owner!, { campaignId }, { columns: ["name"] });
    const [latest] = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, orgId), eq(auditLog.actorId, actors.owner!.userId), eq(auditLog.rowCount, 6)));
    expect(latest).toMatchObject({ action: "export.csv", campaignId, eventId: null, rowCount: campaignWide.rows.length });
  });

  it("records that a search was used, never what was typed", async () => {
    const out = await exported(actors.owner!, { campaignId }, { f: { q: "Tom Hug" }, columns: ["name"] });
    expect(out.rows).toEqual([["Tom Hughes"]]);
    const rows = await auditRows();
    const entry = rows.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0]!;
    expect(entry.details).toEqual({ scope: "campaign", filter: { searched: true }, columns: ["name"], bom: false });
    expect(JSON.stringify(rows.map((r) => r.details))).not.toMatch(/Tom Hug/i);
  });
});

describe("CSV export, written by hand", () => {
  const KAZAKH = "Әсем Қанатқызы";
  let ownEventId: string;

  beforeAll(async () => {
    const { event } = await makeEvent(handle, orgId, { timeZone: "Asia/Kathmandu", title: 'Vigil, "Almaty"' });
    ownEventId = event.id;
    const at = new Date("2026-10-01T09:30:00.123456Z");
    const person = (name: string, extra: Partial<Parameters<typeof sealedSignups>[1][number]> = {}) => ({
      eventId: ownEventId,
      name,
      email: `${unique("k")}@test.example`,
      status: "confirmed" as const,
      createdAt: at,
      ...extra,
    });
    await insertSealed([
      person(KAZAKH, { comment: "first line\nsecond line" }),
      person("Zofia Wiśniewska", { comment: "carriage\rreturn", role: "steward" }),
      person("+48 semicolon; comma, both", { createdAt: new Date("2026-10-01T09:30:00.123457Z") }),
      ...Array.from({ length: 7 }, (_, i) => person(`Supporter ${i}`, { createdAt: new Date(at.getTime() + (i % 3) * 1000) })),
    ]);
  });

  it("quotes bare line breaks and keeps Kazakh letters, the event's title and its zone", async () => {
    const out = await exported(actors.coordinator!, { eventId: ownEventId }, { columns: ["event", "name", "comment", "createdAt"] });
    expect(out.rows).toHaveLength(10);
    expect(out.rowCount).toBe(10);
    expect(out.rows.find((r) => r[1] === KAZAKH)).toEqual(['Vigil, "Almaty"', KAZAKH, "first line\nsecond line", "2026-10-01T15:15:00+05:45"]);
    expect(out.rows.find((r) => r[1] === "Zofia Wiśniewska")![2]).toBe("carriage\rreturn");
    expect(out.rows.find((r) => r[1]!.includes("semicolon"))![1]).toBe("'+48 semicolon; comma, both");
    expect(out.body).toContain('"first line\nsecond line"');
  });

  it("pages through one event by its index, every row once and in sign-up order, also across equal instants", async () => {
    const whole = await exported(actors.coordinator!, { eventId: ownEventId }, { columns: ["name", "createdAt"] });
    for (const pageSize of [1, 2, 3, 10]) {
      const paged = await exported(actors.coordinator!, { eventId: ownEventId }, { columns: ["name", "createdAt"], pageSize });
      expect(paged.rows, `page size ${pageSize}`).toEqual(whole.rows);
    }
    expect(new Set(whole.rows.map((r) => r[0])).size).toBe(10);
    const times = whole.rows.map((r) => r[1]!);
    expect([...times].sort()).toEqual(times);
  });

  it("an export abandoned half-way ends on the server; a whole one afterwards opens every row, times in the event's zone", async () => {
    const { event } = await makeEvent(handle, orgId, { timeZone: "Pacific/Chatham" });
    const many = Array.from({ length: 12_000 }, (_, g) => ({
      eventId: event.id,
      name: `Many ${g}`,
      email: `many-${g}@test.example`,
      status: "confirmed" as const,
    }));
    for (let i = 0; i < many.length; i += 2000) await insertSealed(many.slice(i, i + 2000));
    const result = await exportAttendeesCsv(actors.coordinator!, { eventId: event.id }, { filter: filter(), columns: ALL, bom: false });
    const reader = result.stream.getReader();
    expect(Buffer.from((await reader.read()).value!).toString("utf8")).toMatch(/^Event,Name,/);
    await reader.cancel();
    const whole = await exported(actors.coordinator!, { eventId: event.id }, { columns: ["name", "createdAt"] });
    expect(whole.rows).toHaveLength(12_000);
    expect(new Set(whole.rows.map((r) => r[0])).size).toBe(12_000);
    expect(whole.rows[0]![1]).toMatch(/[+-]1[34]:45$/);
  });
});

describe("who may export", () => {
  const expected: Record<string, string> = { owner: "allowed", organizer: "allowed", coordinator: "allowed", outsider: "notFound", anonymous: "notFound" };
  for (const [who, result] of Object.entries(expected)) {
    it(`${who}: CSV for an event and a campaign, and the sheet: ${result}`, async () => {
      const before = (await auditRows()).length;
      const options = { filter: filter(), columns: ALL, bom: false };
      expect(await outcomeOf(exportAttendeesCsv(actors[who]!, { eventId }, options).then((r) => text(r.stream)))).toBe(result);
      expect(await outcomeOf(exportAttendeesCsv(actors[who]!, { campaignId }, options).then((r) => text(r.stream)))).toBe(result);
      expect(await outcomeOf(signInSheet(actors[who]!, eventId))).toBe(result);
      expect((await auditRows()).length).toBe(before + (result === "allowed" ? 3 : 0));
    });
  }

  it("a guessed id, or an event of another organisation named in the address, reveals nothing and logs nothing", async () => {
    const before = (await auditRows()).length;
    const options = { filter: filter(), columns: ALL, bom: false };
    expect(await outcomeOf(exportAttendeesCsv(actors.owner!, { eventId: "00000000-0000-4000-8000-000000000000" }, options))).toBe("notFound");
    const elsewhere = await makeOrg(handle, { owner: 1 });
    expect(await outcomeOf(exportAttendeesCsv(actors.owner!, { eventId }, { ...options, orgId: elsewhere.org.id }))).toBe("notFound");
    expect((await auditRows()).length).toBe(before);
  });
});

describe("printable sign-in sheet", () => {
  it("lists the confirmed by name and logs each rendering with its count", async () => {
    const before = (await auditRows()).length;
    const sheet = await signInSheet(actors.coordinator!, eventId);
    // Order is by name in the database's collation; the set is what matters here.
    expect(sheet.rows.map((r) => r.name).sort()).toEqual(["@admin", FORMULA, POLISH, CYRILLIC].sort());
    await signInSheet(actors.coordinator!, eventId);
    const rows = await auditRows();
    expect(rows.length).toBe(before + 2);
    expect(
      rows.filter((r) => r.action === "export.sheet" && r.actorId === actors.coordinator!.userId).every((r) => r.rowCount === 4 && r.eventId === eventId),
    ).toBe(true);
  });
});

describe("the export log", () => {
  const expected: Record<string, string> = { owner: "allowed", organizer: "forbidden", coordinator: "forbidden", outsider: "notFound", anonymous: "notFound" };
  for (const [who, result] of Object.entries(expected)) {
    it(`${who}: ${result}`, async () => {
      expect(await outcomeOf(listAuditLog(actors[who]!, orgId, 1))).toBe(result);
    });
  }

  it("shows entries newest first with who, what and how many, in pages", async () => {
    const total = (await auditRows()).length;
    const first = await listAuditLog(actors.owner!, orgId, 1);
    expect(first.total).toBe(total);
    const times = first.entries.map((e) => e.createdAt.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const sheet = first.entries.find((e) => e.action === "export.sheet")!;
    expect(sheet).toMatchObject({ actorName: "coordinator 0", eventTitle: "Hearing in Aktau", campaignTitle: "Campaign", rowCount: 4, scope: "event" });
    expect(first.entries.length).toBeLessThanOrEqual(25);
    const beyond = await listAuditLog(actors.owner!, orgId, 999);
    expect(beyond.entries).toEqual([]);
  });
});

describe("export requests", () => {
  const params = (s: string) => parseExportRequest(new URLSearchParams(s));
  it("accepts comma-separated or repeated columns, and defaults to all", () => {
    const id = "00000000-0000-4000-8000-000000000000";
    expect(params(`eventId=${id}&columns=email,name`)).toMatchObject({ success: true, data: { columns: ["name", "email"], bom: false } });
    expect(params(`eventId=${id}&columns=email&columns=phone&bom=1`)).toMatchObject({ success: true, data: { columns: ["email", "phone"], bom: true } });
    expect(params(`campaignId=${id}`)).toMatchObject({ success: true, data: { columns: ALL } });
  });
  it("refuses what it does not understand", () => {
    const id = "00000000-0000-4000-8000-000000000000";
    for (const bad of [
      "",
      `eventId=${id}&campaignId=${id}`,
      "eventId=nope",
      `eventId=${id}&columns=password`,
      `eventId=${id}&status=maybe`,
      `eventId=${id}&eventId=${id}`,
      `eventId=${id}&bom=yes`,
    ]) {
      expect(params(bad).success, bad).toBe(false);
    }
  });
  it("defuses every dangerous first character and nothing else", () => {
    for (const c of ["=", "+", "-", "@", "\t", "\r"]) expect(defuseCell(`${c}x`)).toBe(`'${c}x`);
    expect(defuseCell("Łukasz")).toBe("Łukasz");
    expect(defuseCell("")).toBe("");
  });
});
