import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { openDatabase } from "../db/client";
import { pgQuery, storedSignups, type Query } from "./support/sealed";
import { MASTER_KEY, freshDatabase, onTwoInstances, postgresMissing, postSignup, seedStore, startServer, testPort, type Store } from "./support/server";
import { unique } from "./support/data";

// The server is killed with SIGKILL in the middle of a sign-up flood, then started again on the same
// store: every sign-up it acknowledged (201 or 202) is stored, and the event's count of places matches its rows.
// On PostgreSQL a commit is durable; PGlite promises no more than surviving a killed process (no fsync).

const CAMPAIGN = "embassy-day-of-action";
const EVENT = "embassy-protest-berlin"; // no capacity: every sign-up is confirmed

test.describe.configure({ mode: "serial" });

/** Sign-ups from 16 connections; the server is killed once `killAfter` of them are acknowledged (or after 30 s). */
async function flood(base: string, run: string, killAfter: number, kill: () => Promise<void>) {
  // The first sign-up opens the database (and, on PGlite, its directory): the flood starts once the server answers.
  expect(await postSignup(base, CAMPAIGN, EVENT, { name: "Warm-up", email: `warm-${run}@example.org` })).toBe(201);
  const acknowledged: string[] = [];
  let stop = false;
  let sent = 0;
  const worker = async (w: number) => {
    for (let i = 0; !stop; i++) {
      const email = `flood-${run}-${w}-${i}@example.org`;
      sent++;
      try {
        const status = await postSignup(base, CAMPAIGN, EVENT, { name: `Flood ${w}-${i}`, email });
        if (status === 201 || status === 202) acknowledged.push(email);
      } catch {
        // The connection died with the server: not acknowledged, so it may or may not be stored.
      }
    }
  };
  const workers = Array.from({ length: 16 }, (_, w) => worker(w));
  // A busy machine answers slowly: the kill waits for a number of acknowledged sign-ups, not a time.
  const deadline = Date.now() + 30_000;
  while (acknowledged.length < killAfter && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  await kill();
  stop = true;
  await Promise.all(workers);
  return { acknowledged, sent };
}

/**
 * Every acknowledged address is among the stored sign-ups, every stored one was sent, and the event's count of
 * confirmed places (kept beside the rows for the capacity check) is the number of confirmed rows: the kill left
 * no sign-up half-written.
 */
async function checkStored(query: Query, run: string, acknowledged: string[], sent: number) {
  const signups = await storedSignups(query, MASTER_KEY, EVENT);
  const stored = new Set(signups.flatMap((s) => (s.email?.startsWith(`flood-${run}-`) ? [s.email] : [])));
  const missing = acknowledged.filter((e) => !stored.has(e));
  expect(missing, "acknowledged but not stored").toEqual([]);
  expect(stored.size, "stored but never sent").toBeLessThanOrEqual(sent);
  const [event] = (await query<{ confirmed_count: number }>("select confirmed_count from events where slug = $1", [EVENT])).rows;
  expect(event!.confirmed_count, "the event's count of confirmed places").toBe(signups.filter((s) => s.status === "confirmed").length);
}

test("PostgreSQL: a server killed during a sign-up flood loses no acknowledged sign-up, and its count of places matches the rows", async () => {
  test.setTimeout(180_000);
  const missing = await postgresMissing();
  test.skip(missing !== null, missing ?? "");
  const db = await freshDatabase();
  try {
    const store: Store = { DATABASE_URL: db.url };
    await seedStore(store);
    const run = unique();
    const first = await startServer(store, testPort(11));
    const { acknowledged, sent } = await flood(first.base, run, 60, first.kill);
    expect(acknowledged.length).toBeGreaterThan(20);
    expect(sent).toBeGreaterThan(acknowledged.length);

    const again = await startServer(store, testPort(11));
    expect(await postSignup(again.base, CAMPAIGN, EVENT, { name: "After the restart", email: `after-${run}@example.org` })).toBe(201);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await checkStored(pgQuery(client), run, acknowledged, sent);
    await client.end();
    await again.stop();
  } finally {
    await db.drop();
  }
});

test("PGlite: the same for a killed process; the restarted server takes the directory over", async () => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(path.join(tmpdir(), "picket-faults-"));
  try {
    const store: Store = { PICKET_DATA_DIR: dir };
    await seedStore(store);
    const run = unique();
    const first = await startServer(store, testPort(11));
    const { acknowledged, sent } = await flood(first.base, run, 60, first.kill);
    expect(acknowledged.length).toBeGreaterThan(20);
    expect(sent).toBeGreaterThan(acknowledged.length);

    // The killed server's lock is stale: the new one starts without help.
    const again = await startServer(store, testPort(11));
    expect(await postSignup(again.base, CAMPAIGN, EVENT, { name: "After the restart", email: `after-${run}@example.org` })).toBe(201);
    await again.stop();

    const handle = await openDatabase({ url: "", dataDir: dir, migrate: false });
    try {
      const pglite = (handle.db as unknown as { $client: { query<T>(q: string, p?: unknown[]): Promise<{ rows: T[] }> } }).$client;
      await checkStored((text, params) => pglite.query(text, params), run, acknowledged, sent);
    } finally {
      await handle.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("two instances on one PostgreSQL: sign-ups through both fill an event to exactly its capacity, and a login on one is valid on the other", async () => {
  test.setTimeout(180_000);
  const missing = await postgresMissing();
  test.skip(missing !== null, missing ?? "");
  await onTwoInstances([12, 13], async (a, b, url) => {
    const run = unique();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const confirmedCount = async () =>
      (await client.query<{ n: number }>(`select confirmed_count as n from events where slug = 'embassy-protest-warsaw'`)).rows[0]!.n;
    const before = await confirmedCount();
    // Warsaw has 40 places and a waitlist; 100 people sign up, half through each instance, all at once.
    const statuses = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        postSignup(i % 2 ? b.base : a.base, CAMPAIGN, "embassy-protest-warsaw", { name: `Both ${i}`, email: `both-${run}-${i}@example.org` }),
      ),
    );
    expect(statuses.every((s) => s === 201)).toBe(true);
    const ours = (await storedSignups(pgQuery(client), MASTER_KEY, "embassy-protest-warsaw")).filter((s) => s.email?.startsWith(`both-${run}-`));
    const rows = ["confirmed", "waitlisted"].map((status) => ({ status, n: ours.filter((s) => s.status === status).length }));
    expect(await confirmedCount()).toBe(40);
    await client.end();
    expect(rows).toEqual([
      { status: "confirmed", n: 40 - before },
      { status: "waitlisted", n: 60 + before },
    ]);

    // A session made by one instance is read by the other: the secret is shared, the session is in the cookie.
    const csrf = await fetch(`${a.base}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const cookies = (csrf.headers.getSetCookie() ?? []).map((c) => c.split(";")[0]).join("; ");
    const login = await fetch(`${a.base}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies },
      body: new URLSearchParams({ csrfToken, email: "coordinator@picket.example", password: "solidarity-2012", callbackUrl: `${a.base}/dashboard` }),
    });
    const session = (login.headers.getSetCookie() ?? []).map((c) => c.split(";")[0]).filter((c) => c!.includes("session-token"));
    expect(session).toHaveLength(1);
    const onB = await fetch(`${b.base}/api/orgs/campaign-kazakhstan/dashboard`, { headers: { cookie: session.join("; ") } });
    expect(onB.status).toBe(200);
    const withoutSession = await fetch(`${b.base}/api/orgs/campaign-kazakhstan/dashboard`);
    expect(withoutSession.status).not.toBe(200);
  });
});
