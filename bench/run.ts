// npm run bench: on PostgreSQL and on PGlite, each measured next to its baseline in the same run:
// the public event page next to a static file of the same server, sign-ups over HTTP next to the same
// transaction run directly against the database, CSV exports next to COPY, and the JavaScript of each public page.
import "../scripts/node-version.mjs";
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import autocannon from "autocannon";
import pg from "pg";

process.env.PICKET_SIGNUP_LIMIT_PER_CLIENT = "1000000000";
process.env.PICKET_SIGNUP_LIMIT_PER_EVENT = "1000000000";
process.env.AUTH_SECRET ??= randomBytes(33).toString("base64url");
// The bench seeds through this process and serves through the server it starts: both seal with one master key.
process.env.PICKET_MASTER_KEY ??= randomBytes(32).toString("base64url");

const { openDatabase, setDbHandle, closeDb } = await import("../db/client");
const { campaigns, events, memberships, organisations, signups, users } = await import("../db/schema");
const { eq } = await import("drizzle-orm");
const { issueManageLink } = await import("../lib/signups/links");
const { addressIndex } = await import("../lib/crypto/keys");
const { hashPassword } = await import("../lib/auth/password");
const { seed } = await import("../db/seed");
const { EXPORT_ROUNDS, exportBench, fillEvent, logIn, pgliteCopyMs } = await import("./exports");
const { publicPageScripts } = await import("./js-size");
type PageScripts = Awaited<ReturnType<typeof publicPageScripts>>[number];
let pageScripts: PageScripts[] = [];
type ExportFigures = Awaited<ReturnType<typeof exportBench>>;
const { signUp } = await import("../lib/signups/signups");
const { listAttendees } = await import("../lib/attendees/attendees");
const { attendeeListSchema } = await import("../lib/attendees/schemas");
const { signupSchema } = await import("../lib/signups/schemas");

const CONNECTIONS = 50;
const PAGE_CONNECTIONS = 32;
const DEMO_EVENT_PAGE = "/c/embassy-day-of-action/embassy-protest-london";
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PORT = Number(process.env.BENCH_PORT ?? 3555);
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

interface Figures {
  engine: string;
  directPerSecond: number;
  directP50: number;
  directP99: number;
  httpPerSecond: number;
  httpP50: number;
  httpP99: number;
  httpErrors: number;
  ratio: number;
  page: PageFigures;
  exports: ExportFigures;
  search: { medianMs: number; worstMs: number; found: number };
  /** Sealing one sign-up's personal fields and computing its address's blind index, in microseconds. */
  sealingMicros: number;
}

interface Load {
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

interface PageFigures {
  path: string;
  staticPath: string;
  /** The page as kept for every reader, asked for without any Accept header in particular. */
  kept: Load;
  /** The same page rendered for its request: a parameter the page reads and that is never kept. */
  rendered: Load;
  file: Load;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const person = (i: number) => signupSchema.parse({ name: `Bench ${i}`, email: `bench-${i}-${randomBytes(4).toString("hex")}@bench.example` });

async function prepare(label: string) {
  const handle = await openDatabase(
    label === "postgres" ? { url: process.env.BENCH_PG_URL!, migrate: true, poolSize: 20 } : { url: "", dataDir: process.env.BENCH_DATA_DIR!, migrate: true },
  );
  setDbHandle(handle);
  await seed(handle.db); // the demo's campaigns, events, sign-ups and articles
  const [org] = await handle.db
    .insert(organisations)
    .values({ name: "Bench", slug: `bench-${Date.now()}` })
    .returning();
  const email = `owner-${Date.now()}@bench.example`;
  const [owner] = await handle.db
    .insert(users)
    .values({ name: "Bench owner", email, passwordHash: await hashPassword("bench-password-123") })
    .returning();
  await handle.db.insert(memberships).values({ orgId: org!.id, userId: owner!.id, role: "owner" });
  const [campaign] = await handle.db
    .insert(campaigns)
    .values({ orgId: org!.id, slug: `bench-${Date.now()}`, title: "Bench", kind: "solidarity_action", status: "published" })
    .returning();
  const startsAt = new Date(Date.now() + 30 * 86_400_000);
  const make = async (slug: string) =>
    (
      await handle.db
        .insert(events)
        .values({
          campaignId: campaign!.id,
          slug,
          title: slug,
          kind: "protest",
          startsAt,
          endsAt: new Date(startsAt.getTime() + 7_200_000),
          timeZone: "Europe/London",
          country: "GB",
        })
        .returning()
    )[0]!;
  const e10k = await make("export-10k");
  const e100k = await make("export-100k");
  console.log(`bench: ${label}: filling events with 10,000 and 100,000 sign-ups…`);
  await fillEvent(handle.db, org!.id, e10k.id, 10_000);
  await fillEvent(handle.db, org!.id, e100k.id, 100_000);
  const search = await searchBench(handle.db, org!.id, { userId: owner!.id }, await make("search-5k"));
  // PostgreSQL's COPY runs next to the server later; PGlite's can only run while this process owns the directory.
  let copyMs: number[] | undefined;
  if (label === "pglite") {
    await pgliteCopyMs(handle, e100k.id); // warm-up, as the exports have one
    copyMs = [];
    for (let i = 0; i < EXPORT_ROUNDS; i++) copyMs.push(await pgliteCopyMs(handle, e100k.id));
  }
  return { handle, copyMs, org: org!, email, campaign: campaign!, direct: await make("direct"), http: await make("http"), e10k, e100k, search };
}

/**
 * A coordinator's search in the list of an event of 5,000 people: every row's name and address opened in this
 * process and matched there (lib/attendees), as the server does it. Twenty searches; the median and the worst.
 */
async function searchBench(db: Parameters<typeof fillEvent>[0], orgId: string, actor: { userId: string }, event: { id: string }) {
  await fillEvent(db, orgId, event.id, 5_000);
  const query = attendeeListSchema.parse({ q: "ержан", sort: "name" });
  await listAttendees(actor, { eventId: event.id }, query); // warm-up: keys opened, code compiled
  const times: number[] = [];
  let found = 0;
  for (let i = 0; i < 20; i++) {
    const started = performance.now();
    found = (await listAttendees(actor, { eventId: event.id }, query)).total;
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { medianMs: times[10]!, worstMs: times[19]!, found };
}

/** The same transaction the HTTP route runs, straight against the database, 50 at a time. */
/**
 * What encryption adds to a sign-up: its personal fields sealed and its address's blind index, timed alone
 * (keys already open, as they are after the first sign-up of an event), the median of five rounds of 2,000.
 */
async function sealingMicros(eventId: string, orgId: string): Promise<number> {
  const { getDb } = await import("../db/client");
  const { eventKey } = await import("../lib/crypto/keys");
  const { sealPersonal } = await import("../lib/signups/personal");
  const db = await getDb();
  const key = await eventKey(db, { id: eventId, dataKeyId: null }, orgId);
  const rounds: number[] = [];
  for (let round = 0; round < 6; round++) {
    const started = performance.now();
    for (let i = 0; i < 2000; i++) {
      const email = `sealing-${round}-${i}@bench.example`;
      sealPersonal(key, randomUUID(), { name: `Supporter ${i}`, email, phone: "+44 20 7946 0000", comment: "Coming from Leeds" });
      await addressIndex(db, eventId, email);
    }
    if (round > 0) rounds.push(((performance.now() - started) * 1000) / 2000); // the first round warms up
  }
  return rounds.sort((a, b) => a - b)[2]!;
}

async function direct(eventId: string) {
  const latencies: number[] = [];
  const until = Date.now() + SECONDS * 1000;
  let i = 0;
  const worker = async () => {
    while (Date.now() < until) {
      const started = performance.now();
      await signUp(eventId, person(i++), { client: `bench-${i % 500}`, locale: "en" });
      latencies.push(performance.now() - started);
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  const sorted = latencies.sort((a, b) => a - b);
  return { perSecond: latencies.length / ((Date.now() - started) / 1000), p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
}

// The bench itself runs lib/ with the react-server condition (as npm scripts do); Next's build and server set their
// own conditions, and the public pages' renderer (react-dom/server) must not get that one.
const nextNodeOptions = (process.env.NODE_OPTIONS ?? "").replace("--conditions=react-server", "").trim();

// The server carries the bench's heap probe (bench/heap-probe.mjs); the app itself knows nothing of it.
const probeDir = mkdtempSync(path.join(os.tmpdir(), "picket-heap-"));
const probe = `--import=${pathToFileURL(path.resolve("bench", "heap-probe.mjs")).href}`;

function startServer(env: Record<string, string>): Promise<ChildProcess> {
  const server = spawn("npx", ["next", "start", "-p", String(PORT)], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PICKET_PUBLIC_URL: `http://localhost:${PORT}`,
      ...env,
      NODE_OPTIONS: `${nextNodeOptions} ${probe}`.trim(),
      PICKET_BENCH_HEAP_DIR: probeDir,
    },
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
  });
  server.stderr!.on("data", (d: Buffer) => process.stderr.write(d));
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 60_000;
    const poll = async () => {
      try {
        if ((await fetch(`http://localhost:${PORT}/login`)).ok) return resolve(server);
      } catch {
        // starting
      }
      if (Date.now() > deadline) return reject(new Error("server did not start"));
      setTimeout(poll, 300);
    };
    void poll();
  });
}

/** Where the page is rendered for every request: the same event page, with a parameter that is never kept. */
const RENDER_PATH = `${DEMO_EVENT_PAGE}?erased=1`;

/** The demo's London event page read by a crowd, kept and rendered, next to a script file the same server sends. */
async function pageBench(base: string): Promise<PageFigures> {
  // A file under /_next/static/: the login page (an App Router page) loads Next's scripts from there.
  const html = await (await fetch(base + "/login")).text();
  const staticPath = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
  if (!staticPath) throw new Error("bench: the login page names no script file");
  const load = async (path: string, duration: number): Promise<Load> => {
    // As a feed reader or a link preview asks: no Accept header of a browser's. Kept pages are served to any client.
    const r = await autocannon({ url: base + path, connections: PAGE_CONNECTIONS, duration, headers: { accept: "*/*" } });
    return { perSecond: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.non2xx + r.errors };
  };
  await load(DEMO_EVENT_PAGE, 2); // warm-up
  await load(RENDER_PATH, 2);
  await load(staticPath, 2);
  // Alternating thirds, so that whatever else the machine does weighs on all alike.
  const rounds: { file: Load; kept: Load; rendered: Load }[] = [];
  for (let i = 0; i < 2; i++)
    rounds.push({ file: await load(staticPath, SECONDS / 2), kept: await load(DEMO_EVENT_PAGE, SECONDS / 2), rendered: await load(RENDER_PATH, SECONDS / 2) });
  const summary = (pick: (r: (typeof rounds)[number]) => Load): Load => ({
    perSecond: rounds.reduce((a, r) => a + pick(r).perSecond, 0) / rounds.length,
    p50: rounds.reduce((a, r) => a + pick(r).p50, 0) / rounds.length,
    p99: Math.max(...rounds.map((r) => pick(r).p99)),
    errors: rounds.reduce((a, r) => a + pick(r).errors, 0),
  });
  return { path: DEMO_EVENT_PAGE, staticPath, file: summary((r) => r.file), kept: summary((r) => r.kept), rendered: summary((r) => r.rendered) };
}

async function overHttp(campaignSlug: string, eventSlug: string) {
  let n = 0;
  const result = await autocannon({
    url: `http://localhost:${PORT}/api/c/${campaignSlug}/${eventSlug}/signups`,
    method: "POST",
    connections: CONNECTIONS,
    duration: SECONDS,
    headers: { "content-type": "application/json" },
    requests: [
      {
        setupRequest: (req: Record<string, unknown>) => ({
          ...req,
          body: JSON.stringify({ name: `Http ${n}`, email: `http-${n++}-${randomBytes(3).toString("hex")}@bench.example` }),
        }),
      },
    ],
  });
  return { perSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.non2xx + result.errors };
}

// npx starts next, which starts its server: stop the whole process group.
async function stop(server: ChildProcess) {
  const exited = new Promise((r) => server.once("exit", r));
  process.kill(-server.pid!, "SIGTERM");
  await exited;
  await new Promise((r) => setTimeout(r, 500));
}

async function engine(label: "postgres" | "pglite"): Promise<Figures> {
  console.log(`bench: ${label}: direct transactions for ${SECONDS} s…`);
  const { campaign, direct: directEvent, http, org, email, e10k, e100k, copyMs, search } = await prepare(label);
  const d = await direct(directEvent.id);
  const sealing = await sealingMicros(directEvent.id, org.id);
  await closeDb(); // PGlite: the server takes the directory next
  const env: Record<string, string> =
    label === "postgres" ? { DATABASE_URL: process.env.BENCH_PG_URL! } : { DATABASE_URL: "", PICKET_DATA_DIR: process.env.BENCH_DATA_DIR! };
  const server = await startServer({
    ...env,
    PICKET_SIGNUP_LIMIT_PER_CLIENT: "1000000000",
    PICKET_SIGNUP_LIMIT_PER_EVENT: "1000000000",
    AUTH_SECRET: process.env.AUTH_SECRET!,
  });
  try {
    const base = `http://localhost:${PORT}`;
    console.log(`bench: ${label}: the public event page and a static file, ${PAGE_CONNECTIONS} connections for ${SECONDS} s each…`);
    const page = await pageBench(base);
    console.log(`bench: ${label}: HTTP sign-ups, ${CONNECTIONS} connections for ${SECONDS} s…`);
    await overHttp(campaign.slug, http.slug).catch(() => undefined); // warm-up pass compiles and caches
    const h = await overHttp(campaign.slug, http.slug);
    console.log(`bench: ${label}: CSV exports of 10,000 and 100,000 rows…`);
    const cookie = await logIn(base, email, "bench-password-123");
    if (label === "postgres") {
      console.log("bench: JavaScript of the public pages…");
      const weightEmail = `weight-${Date.now()}@bench.example`;
      await fetch(`${base}/api/c/${campaign.slug}/${http.slug}/signups`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: "Page weight", email: weightEmail }),
      });
      // The private link goes by email only: made here the way the mail worker makes it.
      const linkDb = await openDatabase({ url: process.env.BENCH_PG_URL!, poolSize: 1 });
      const [row] = await linkDb.db
        .select({ id: signups.id })
        .from(signups)
        .where(eq(signups.emailHash, await addressIndex(linkDb.db, http.id, weightEmail)));
      const manageUrl = `/s/${await issueManageLink(linkDb.db, row!.id)}`;
      await linkDb.close();
      pageScripts = await publicPageScripts(base, [
        { page: "home", path: "/" },
        { page: "campaign", path: "/c/embassy-day-of-action" },
        { page: "event", path: DEMO_EVENT_PAGE },
        { page: "event, after a refused sign-up", path: DEMO_EVENT_PAGE, refuseSignup: true },
        { page: "private sign-up page", path: manageUrl },
        { page: "articles", path: "/articles?q=kazakhstan" },
      ]);
    }
    const exports = await exportBench({
      base,
      org: org.slug,
      cookie,
      event10k: e10k.id,
      event100k: e100k.id,
      rootPid: server.pid!,
      pgUrl: label === "postgres" ? process.env.BENCH_PG_URL! : null,
      probeDir,
      pgliteCopyMs: copyMs,
    });
    return {
      page,
      exports,
      search,
      sealingMicros: sealing,
      engine: label,
      directPerSecond: d.perSecond,
      directP50: d.p50,
      directP99: d.p99,
      httpPerSecond: h.perSecond,
      httpP50: h.p50,
      httpP99: h.p99,
      httpErrors: h.errors,
      ratio: h.perSecond / d.perSecond,
    };
  } finally {
    await stop(server);
  }
}

if (process.env.BENCH_SKIP_BUILD !== "1") {
  console.log("bench: building…");
  const b = spawn("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NODE_OPTIONS: nextNodeOptions } });
  if ((await new Promise((r) => b.once("exit", r))) !== 0) process.exit(1);
}

const dbName = `picket_bench_${Date.now()}`;
const admin = new pg.Client({ connectionString: ADMIN_URL });
await admin.connect();
await admin.query(`create database ${dbName}`);
const pgUrl = new URL(ADMIN_URL);
pgUrl.pathname = `/${dbName}`;
process.env.BENCH_PG_URL = pgUrl.toString();
process.env.BENCH_DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "picket-bench-"));

const results: Figures[] = [];
try {
  results.push(await engine("postgres"));
  results.push(await engine("pglite"));
} finally {
  await admin.query(`drop database if exists ${dbName} with (force)`);
  await admin.end();
  rmSync(process.env.BENCH_DATA_DIR, { recursive: true, force: true });
  rmSync(probeDir, { recursive: true, force: true });
}

const f = (n: number, digits = 0) => n.toFixed(digits);
const aim = (met: boolean) => (met ? "met" : "NOT met");
console.log(`\nPublic event page (${DEMO_EVENT_PAGE}, demo data, asked for with Accept: */*) kept, and rendered for each request`);
console.log(`(${RENDER_PATH}), next to a static script file of the same server; ${PAGE_CONNECTIONS} connections, ${SECONDS} s each in alternating halves`);
console.log("(requests/s and p50: the mean of the halves; p99: the worse); 2 cores shared by server and client.");
console.log("aims: kept page at least 0.6× the file's requests/s; rendered at least 0.06×, with p99 at most 250 ms\n");
console.log("| engine | file /s | kept /s | kept p50 / p99 ms | kept ÷ file | rendered /s | rendered p50 / p99 ms | rendered ÷ file | errors |");
console.log("|---|---|---|---|---|---|---|---|---|");
for (const r of results) {
  const { file, kept, rendered } = r.page;
  console.log(
    `| ${r.engine} | ${f(file.perSecond)} | ${f(kept.perSecond)} | ${f(kept.p50)} / ${f(kept.p99)} | ${f(kept.perSecond / file.perSecond, 2)} | ` +
      `${f(rendered.perSecond)} | ${f(rendered.p50)} / ${f(rendered.p99)} | ${f(rendered.perSecond / file.perSecond, 3)} | ` +
      `${file.errors + kept.errors + rendered.errors} |`,
  );
}
for (const r of results) {
  const { file, kept, rendered } = r.page;
  console.log(
    `public pages, ${r.engine}: kept ${aim(kept.perSecond >= 0.6 * file.perSecond)}; ` +
      `rendered ${aim(rendered.perSecond >= 0.06 * file.perSecond && rendered.p99 <= 250)}`,
  );
}
console.log(`\nSign-ups (${CONNECTIONS} connections, ${SECONDS} s, unique emails, one event without a capacity limit; 2 cores shared by server and client)\n`);
console.log("| engine | direct /s | direct p50 / p99 ms | HTTP /s | HTTP p50 / p99 ms | HTTP ÷ direct | HTTP errors |");
console.log("|---|---|---|---|---|---|---|");
for (const r of results) {
  console.log(
    `| ${r.engine} | ${f(r.directPerSecond)} | ${f(r.directP50, 1)} / ${f(r.directP99, 1)} | ` +
      `${f(r.httpPerSecond)} | ${f(r.httpP50)} / ${f(r.httpP99)} | ${f(r.ratio, 2)} | ${r.httpErrors} |`,
  );
}
console.log("");
for (const r of results) {
  // The server's time per sign-up at the rate measured: what sealing would slow it by, were nothing else in the way.
  const share = (r.sealingMicros / 1000) * (r.httpPerSecond / 1000);
  console.log(
    `encryption per sign-up, ${r.engine}: ${f(r.sealingMicros, 1)} µs to seal the personal fields and compute the address's blind index, ` +
      `${f(share * 100, 2)}% of the ${f(1000 / r.httpPerSecond, 2)} ms of server time each HTTP sign-up takes at ${f(r.httpPerSecond)}/s: ` +
      `without it, at most ${f(1 / (1 - share), 3)}× as many (aim: with it at least 0.9×, ${aim(1 - share >= 0.9)})`,
  );
}
console.log(
  "\nCSV export of one event over HTTP (streamed, opened as it streams), " +
    "next to the engine's own COPY of the same sealed rows (PostgreSQL: psql \\copy beside the server;",
);
console.log("PGlite: COPY to a blob in the bench process before the server starts). Server memory over a baseline taken after a full collection:");
console.log("held = heap + external left after full collections every 50 ms (a second, untimed run): what the export keeps at any moment;");
console.log("peak = heap + external at its highest in the timed run, garbage not yet collected included; RSS growth beside it.");
console.log(
  `100k rows and COPY: medians of ${EXPORT_ROUNDS} rounds; on PostgreSQL each round is an export followed by COPY, its own ratio beside them ` +
    "(PGlite's COPYs run before its server starts)\n",
);
console.log(
  "| engine | 10k rows ms | 100k rows ms | COPY 100k ms | ÷ COPY | rounds ÷ COPY | held +MB at 10k | at 100k | 100k ÷ 10k | " +
    "peak +MB at 10k | at 100k | 100k ÷ 10k | RSS +MB at 10k / 100k |",
);
console.log("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
for (const r of results) {
  const x = r.exports;
  const rounds = x.roundRatios.length ? x.roundRatios.map((q) => f(q, 2)).join(", ") : "—";
  console.log(
    `| ${r.engine} | ${f(x.rows10kMs)} | ${f(x.rows100kMs)} | ${x.copy100kMs === null ? "—" : f(x.copy100kMs)} | ` +
      `${x.ratioToCopy === null ? "—" : f(x.ratioToCopy, 2)} | ${rounds} | ${f(x.retained10kMb, 1)} | ${f(x.retained100kMb, 1)} | ` +
      `${x.retainedRatio === null ? "—" : f(x.retainedRatio, 2)} | ` +
      `${f(x.memory10kMb, 1)} | ${f(x.memory100kMb, 1)} | ${f(x.memoryRatio, 2)} | ${f(x.rss10kMb, 1)} / ${f(x.rss100kMb, 1)} |`,
  );
}
// The two aims of the export (issue 16), on PostgreSQL; PGlite's figures beside them for comparison.
console.log("");
for (const r of results) {
  const x = r.exports;
  const time = x.ratioToCopy === null ? "no COPY to compare with" : `${f(x.ratioToCopy, 2)}× COPY (aim: at most 3×, ${aim(x.ratioToCopy <= 3)})`;
  console.log(
    `export of 100,000 rows, ${r.engine}: ${time}; ` +
      `peak memory growth ${f(x.memory100kMb, 1)} MB (aim: under 64 MB, ${aim(x.memory100kMb < 64)}), held ${f(x.retained100kMb, 1)} MB`,
  );
}
console.log("\nSearch in the attendee list of an event of 5,000 people (names and addresses sealed: opened and matched in the process), 20 searches\n");
console.log("| engine | median ms | worst ms | found |");
console.log("|---|---|---|---|");
for (const r of results) console.log(`| ${r.engine} | ${f(r.search.medianMs, 1)} | ${f(r.search.worstMs, 1)} | ${r.search.found} |`);
console.log("\nJavaScript each public page loads (script files and inline scripts, gzipped at level 9); aim for every one: at most 10 KB\n");
console.log("| page | files | files KB | inline KB | total KB | aim |");
console.log("|---|---|---|---|---|---|");
for (const p of pageScripts) {
  const total = p.gzipKb + p.inlineKb;
  console.log(`| ${p.page} | ${p.files} | ${f(p.gzipKb, 1)} | ${f(p.inlineKb, 1)} | ${f(total, 1)} | ${aim(total <= 10)} |`);
}
writeFileSync(
  path.join("bench", "results.json"),
  JSON.stringify(
    {
      measuredAt: new Date().toISOString(),
      cores: os.cpus().length,
      connections: CONNECTIONS,
      pageConnections: PAGE_CONNECTIONS,
      seconds: SECONDS,
      engines: results,
      pageScripts,
    },
    null,
    2,
  ) + "\n",
);
console.log("\nbench: figures written to bench/results.json");
process.exit(0);
