import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, openDatabase, setDbHandle, type DbHandle } from "@/db/client";
import { dataKeys, events, outbox, signups } from "@/db/schema";
import { makeEvent, makeOrg, unique } from "@/db/testing";
import { listAttendees } from "@/lib/attendees/attendees";
import { attendeeListSchema } from "@/lib/attendees/schemas";
import { exportAttendeesCsv } from "@/lib/exports/csv";
import { openMessages } from "@/lib/mail/sealed-mail";
import { eraseCampaignPersonalData } from "@/lib/retention/retention";
import { withPersonal } from "@/lib/signups/personal";
import { signupSchema } from "@/lib/signups/schemas";
import { signUp } from "@/lib/signups/signups";
import { unwrapKey } from "./envelope";
import { forgetKeys, keyring, rewrapDataKeys } from "./keys";
import { newMasterKey } from "./master";

// What a copy of the database holds of a supporter: on PostgreSQL a pg_dump, on PGlite the raw files of its
// folder. The test owns its database (a fresh one beside the suite's, or a folder of its own).

const suite = process.env.PICKET_TEST_PG_URL;
let handle: DbHandle;
let dump: () => Promise<Buffer>;
let drop: () => Promise<void>;
let dataDir = "";

async function freshPostgres() {
  const name = `picket_rest_${Date.now()}_${unique("d").slice(2, 10).replace(/-/g, "")}`;
  const admin = new pg.Client({ connectionString: suite });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(suite!);
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

async function dropPostgres(name: string) {
  const c = new pg.Client({ connectionString: suite });
  await c.connect();
  await c.query(`drop database if exists ${name} with (force)`);
  await c.end();
}

/** Every file of a folder, one after another. */
function folderBytes(dir: string): Buffer {
  const parts: Buffer[] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath, entry.name);
    if (entry.isFile() && statSync(full).size > 0) parts.push(readFileSync(full));
  }
  return Buffer.concat(parts);
}

beforeAll(async () => {
  if (suite) {
    const db = await freshPostgres();
    handle = await openDatabase({ url: db.url, migrate: true, poolSize: 4 });
    dump = async () => execFileSync("pg_dump", ["--no-owner", "--data-only", db.url], { maxBuffer: 1 << 28 });
    drop = () => dropPostgres(db.name);
  } else {
    dataDir = mkdtempSync(path.join(os.tmpdir(), "picket-rest-"));
    handle = await openDatabase({ url: "", dataDir, migrate: true });
    // PGlite writes its pages out when it closes: the copy is taken of a closed folder, then it is opened again.
    dump = async () => {
      await closeDb();
      const bytes = folderBytes(dataDir);
      handle = await openDatabase({ url: "", dataDir, migrate: false });
      setDbHandle(handle);
      return bytes;
    };
    drop = async () => rmSync(dataDir, { recursive: true, force: true });
  }
  setDbHandle(handle);
}, 120_000);
afterAll(async () => {
  await closeDb();
  await drop();
});

/** The value as raw bytes would hold it: UTF-8, UTF-16, and base64 of the UTF-8 at each of the three alignments. */
function encodings(value: string): Buffer[] {
  const utf8 = Buffer.from(value, "utf8");
  const forms = [utf8, Buffer.from(value, "utf16le")];
  for (let shift = 0; shift < 3; shift++) {
    const b64 = Buffer.concat([Buffer.alloc(shift, 0x20), utf8]).toString("base64");
    // The characters that depend on the value's bytes alone.
    const stable = b64.slice(shift ? 4 : 0, -4);
    forms.push(Buffer.from(stable), Buffer.from(stable.replace(/\+/g, "-").replace(/\//g, "_")));
  }
  return forms;
}

const unique4 = () => {
  const tag = unique("x").slice(2);
  return {
    name: `Gulnara Zhaksylykova ${tag}`,
    email: `gulnara.${tag}@supporters.example`,
    phone: `+7 701 ${tag.slice(0, 3).replace(/\D/g, "5")} 8841 23`,
    comment: `Bring the banner to the side entrance ${tag}`,
  };
};

describe("a supporter's data at rest", () => {
  it("is in no copy of the database in any encoding, yet the attendee list and the export show it", async () => {
    const { org, people } = await makeOrg(handle, { owner: 1, coordinator: 1 });
    const { event } = await makeEvent(handle, org.id, { roles: [] });
    const person = unique4();
    await signUp(event.id, signupSchema.parse(person), { client: unique("c"), locale: "en" });

    const coordinator = people.coordinator[0]!;
    const list = await listAttendees(coordinator, { eventId: event.id }, attendeeListSchema.parse({ q: person.name.split(" ")[1] }));
    expect(list.rows.map((r) => [r.name, r.email, r.phone, r.comment])).toEqual([[person.name, person.email, person.phone, person.comment]]);
    const csv = await new Response(
      (await exportAttendeesCsv(coordinator, { eventId: event.id }, { filter: {}, columns: ["name", "email", "phone", "comment"], bom: false })).stream,
    ).text();
    for (const value of Object.values(person)) expect(csv).toContain(value);

    const copy = await dump();
    expect(copy.length).toBeGreaterThan(10_000);
    // The copy holds the sign-up itself, sealed: the test reads a copy that has the row.
    const [row] = await handle.db.select({ personal: signups.personal }).from(signups).where(eq(signups.eventId, event.id));
    expect(copy.includes(Buffer.from(row!.personal!.slice(0, 60)))).toBe(true);
    for (const [field, value] of Object.entries(person)) {
      for (const form of encodings(value)) expect(copy.includes(form), `${field} in the copy as ${form.toString("latin1").slice(0, 24)}`).toBe(false);
    }
  });

  it("after an emergency erasure and a master key rotation, an earlier copy cannot be read with what is left", async () => {
    const saved = { current: process.env.PICKET_MASTER_KEY, previous: process.env.PICKET_MASTER_KEY_PREVIOUS };
    try {
      const { org, people } = await makeOrg(handle, { owner: 1 });
      const { event, campaign } = await makeEvent(handle, org.id, { roles: [] }, "published");
      await signUp(event.id, signupSchema.parse(unique4()), { client: unique("c"), locale: "en" });
      const [before] = await handle.db.select().from(dataKeys).where(eq(dataKeys.eventId, event.id));
      expect(before).toBeDefined();
      const oldMaster = keyring().current;
      // The copy (a backup) taken before the emergency: its event key is sealed under today's master key.
      const copy = await dump();
      expect(copy.includes(Buffer.from(before!.wrapped))).toBe(true);

      const owner = people.owner[0]!;
      await expect(eraseCampaignPersonalData(owner, campaign.id, "not the title")).rejects.toMatchObject({
        messageKey: "retention.dashboard.emergency.mismatch",
      });
      expect(await eraseCampaignPersonalData(owner, campaign.id, ` ${campaign.title} `)).toEqual({ signups: 1, events: 1 });
      expect(await handle.db.select().from(dataKeys).where(eq(dataKeys.eventId, event.id))).toEqual([]);
      const [erased] = await handle.db.select({ personal: signups.personal, emailHash: signups.emailHash }).from(signups).where(eq(signups.eventId, event.id));
      expect(erased).toEqual({ personal: null, emailHash: null });
      expect((await handle.db.select({ key: events.dataKeyId }).from(events).where(eq(events.id, event.id)))[0]!.key).toBeNull();
      // Until the master key changes, whoever holds it opens the key inside that copy.
      expect(unwrapKey(oldMaster.key, before!.wrapped, `data-key:${before!.id}:event`)).not.toBeNull();

      // The rotation: every key left is sealed under a new master key; the old one is destroyed.
      process.env.PICKET_MASTER_KEY_PREVIOUS = process.env.PICKET_MASTER_KEY ?? "";
      process.env.PICKET_MASTER_KEY = newMasterKey();
      forgetKeys();
      expect((await rewrapDataKeys(handle.db)).remaining).toBe(0);
      delete process.env.PICKET_MASTER_KEY_PREVIOUS;
      forgetKeys();

      // What is left: the live database, which has no key of that event, and the new master key, which opens no
      // key of the copy.
      const left = keyring();
      expect(left.previous).toBeNull();
      expect(await handle.db.select().from(dataKeys).where(eq(dataKeys.id, before!.id))).toEqual([]);
      expect(unwrapKey(left.current.key, before!.wrapped, `data-key:${before!.id}:event`)).toBeNull();
      // And the keys that are left still open what they sealed.
      const others = await handle.db.select().from(dataKeys);
      for (const k of others) expect(unwrapKey(left.current.key, k.wrapped, `data-key:${k.id}:${k.purpose}`), k.purpose).not.toBeNull();
    } finally {
      process.env.PICKET_MASTER_KEY = saved.current;
      if (saved.previous === undefined) delete process.env.PICKET_MASTER_KEY_PREVIOUS;
      else process.env.PICKET_MASTER_KEY_PREVIOUS = saved.previous;
      forgetKeys();
    }
  });
});

describe("data written before encryption", () => {
  it("is sealed by the migration that brings it, 500 rows at a time, and the plaintext columns go", async () => {
    // A database at the schema before sealing (migration 0007), with plaintext sign-ups and a message in it.
    const folder = mkdtempSync(path.join(os.tmpdir(), "picket-migrations-"));
    const source = path.resolve("db/migrations");
    cpSync(source, folder, { recursive: true });
    const journal = JSON.parse(readFileSync(path.join(folder, "meta/_journal.json"), "utf8")) as { entries: { tag: string }[] };
    journal.entries = journal.entries.filter((e) => e.tag < "0008");
    writeFileSync(path.join(folder, "meta/_journal.json"), JSON.stringify(journal));
    let old: DbHandle;
    let target: { name?: string; url?: string; dir?: string };
    if (suite) {
      const db = await freshPostgres();
      target = db;
      old = await openDatabase({ url: db.url, migrate: false, poolSize: 2 });
      const { migrate } = await import("drizzle-orm/node-postgres/migrator");
      await migrate(old.db as never, { migrationsFolder: folder });
    } else {
      const dir = mkdtempSync(path.join(os.tmpdir(), "picket-legacy-"));
      target = { dir };
      old = await openDatabase({ url: "", dataDir: dir, migrate: false });
      const { migrate } = await import("drizzle-orm/pglite/migrator");
      await migrate(old.db as never, { migrationsFolder: folder });
    }
    const run = (text: string) => old.db.execute(sql.raw(text));
    await run(`insert into organisations (id, name, slug) values ('00000000-0000-4000-8000-000000000001', 'Old org', 'old-org')`);
    await run(
      `insert into campaigns (id, org_id, slug, title, kind, status)
       values ('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', 'old-campaign', 'Old', 'solidarity_action', 'published')`,
    );
    await run(
      `insert into events (id, campaign_id, slug, title, kind, starts_at, ends_at, time_zone, country)
       values ('00000000-0000-4000-8000-000000000003', '00000000-0000-4000-8000-000000000002', 'old-event', 'Old event', 'protest',
         now() + interval '30 days', now() + interval '31 days', 'Europe/Berlin', 'DE')`,
    );
    await run(
      `insert into signups (event_id, name, email, phone, comment, status)
       select '00000000-0000-4000-8000-000000000003', 'Legacy ' || g, 'legacy-' || g || '@old.example', '+49 30 ' || g, 'note ' || g, 'confirmed'
       from generate_series(1, 1001) g`,
    );
    await run(
      `insert into outbox (org_id, kind, to_address, subject, text_body, html_body, event_id)
       values ('00000000-0000-4000-8000-000000000001', 'event_reminder', 'legacy-1@old.example', 'Reminder: Old event',
         'Hello Legacy 1', '<p>Hello Legacy 1</p>', '00000000-0000-4000-8000-000000000003')`,
    );
    await old.close();

    // The server's own start: the rest of the migrations, then the sealing.
    const current = suite
      ? await openDatabase({ url: target.url!, migrate: true, poolSize: 2 })
      : await openDatabase({ url: "", dataDir: target.dir!, migrate: true });
    try {
      const columns = (await current.db.execute(
        sql`select column_name from information_schema.columns where table_name in ('signups', 'outbox') and column_name like 'legacy%'`,
      )) as unknown as { rows: unknown[] };
      expect(columns.rows).toEqual([]);
      const rows = await withPersonal(current.db, await current.db.select().from(signups));
      expect(rows).toHaveLength(1001);
      expect(rows.every((r) => r.personal?.startsWith("v1.") && r.emailHash)).toBe(true);
      const first = rows.find((r) => r.person?.email === "legacy-1@old.example");
      expect(first?.person).toEqual({ name: "Legacy 1", email: "legacy-1@old.example", phone: "+49 30 1", comment: "note 1" });
      const [message] = await openMessages(current.db, await current.db.select().from(outbox), true);
      expect(message?.opened).toEqual({ to: "legacy-1@old.example", subject: "Reminder: Old event" });
      expect(message?.body?.text).toBe("Hello Legacy 1");
    } finally {
      await current.close();
      if (target.name) await dropPostgres(target.name);
      if (target.dir) rmSync(target.dir, { recursive: true, force: true });
      rmSync(folder, { recursive: true, force: true });
    }
  }, 120_000);
});
