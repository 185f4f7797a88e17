// npm run bench:export: the CSV export engine alone, in this process, without the HTTP server: one event of
// EXPORT_ROWS sealed sign-ups (100,000) exported EXPORT_RUNS times (3) next to the engine's own COPY of the same
// sealed rows, with the heap + external memory the export grew by. EXPORT_ENGINE=pglite for the embedded
// database; EXPORT_CPU_PROFILE=file.cpuprofile records a CPU profile of the first timed export (not of the fill
// or the COPY); EXPORT_PAGE_SIZE=1000,5000 compares keyset page sizes,
// EXPORT_KEEP=1 leaves the PostgreSQL database for a look with psql.
import "../scripts/node-version.mjs";
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { GCProfiler, getHeapStatistics, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import pg from "pg";

process.env.PICKET_MASTER_KEY ??= randomBytes(32).toString("base64url");
setFlagsFromString("--expose-gc");
if (process.env.EXPORT_TRACE_GC) setFlagsFromString("--trace-gc");
const gc = runInNewContext("gc") as () => void;

const { openDatabase, setDbHandle, closeDb } = await import("../db/client");
const { campaigns, events, memberships, organisations, users } = await import("../db/schema");
const { exportAttendeesCsv } = await import("../lib/exports/csv");
const { copyMs, fillEvent, pgliteCopyMs } = await import("./exports");

const ROWS = Number(process.env.EXPORT_ROWS ?? 100_000);
const RUNS = Number(process.env.EXPORT_RUNS ?? 3);
const PAGE_SIZES = process.env.EXPORT_PAGE_SIZE ? process.env.EXPORT_PAGE_SIZE.split(",").map(Number) : [undefined];
const ENGINE = process.env.EXPORT_ENGINE === "pglite" ? "pglite" : "postgres";
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

// Heap and external memory as V8 counts them, as the collection profile below does: process.memoryUsage() also
// reads the resident set size from the system, which sampled every 2 ms took a tenth of the export's thread.
const used = () => {
  const h = getHeapStatistics();
  return h.used_heap_size + h.external_memory;
};

const dbName = `picket_export_${Date.now()}`;
const admin = new pg.Client({ connectionString: ADMIN_URL });
let pgUrl: string | null = null;
if (ENGINE === "postgres") {
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${dbName}`;
  pgUrl = url.toString();
}

try {
  const handle = await openDatabase(pgUrl ? { url: pgUrl, migrate: true } : { url: "", dataDir: "memory://", migrate: true });
  setDbHandle(handle);
  const [org] = await handle.db
    .insert(organisations)
    .values({ name: "Bench", slug: `bench-${Date.now()}` })
    .returning();
  const [owner] = await handle.db
    .insert(users)
    .values({ name: "Bench owner", email: `owner-${Date.now()}@bench.example`, passwordHash: "x" })
    .returning();
  await handle.db.insert(memberships).values({ orgId: org!.id, userId: owner!.id, role: "owner" });
  const [campaign] = await handle.db
    .insert(campaigns)
    .values({ orgId: org!.id, slug: `bench-${Date.now()}`, title: "Bench", kind: "solidarity_action", status: "published" })
    .returning();
  const startsAt = new Date(Date.now() + 30 * 86_400_000);
  const [event] = await handle.db
    .insert(events)
    .values({
      campaignId: campaign!.id,
      slug: "export",
      title: "export",
      kind: "protest",
      startsAt,
      endsAt: new Date(startsAt.getTime() + 7_200_000),
      timeZone: "Europe/London",
      country: "GB",
    })
    .returning();
  console.log(`export engine: ${ENGINE}: filling one event with ${ROWS.toLocaleString("en")} sign-ups…`);
  await fillEvent(handle.db, org!.id, event!.id, ROWS);

  const exportOnce = async (pageSize: number | undefined) => {
    gc();
    const baseline = used();
    let peak = baseline;
    const profiler = new GCProfiler();
    profiler.start();
    const timer = setInterval(() => (peak = Math.max(peak, used())), 2);
    const started = performance.now();
    const cpu = process.cpuUsage();
    const csv = await exportAttendeesCsv({ userId: owner!.id }, { eventId: event!.id }, { filter: {}, columns: [], bom: false }, pageSize);
    let bytes = 0;
    for await (const chunk of csv.stream as unknown as AsyncIterable<Uint8Array>) bytes += chunk.length;
    const ms = performance.now() - started;
    const { user, system } = process.cpuUsage(cpu);
    clearInterval(timer);
    for (const { beforeGC } of profiler.stop().statistics) peak = Math.max(peak, beforeGC.heapStatistics.usedHeapSize + beforeGC.heapStatistics.externalMemory);
    peak = Math.max(peak, used());
    return { ms, cpuMs: (user + system) / 1000, bytes, growthMb: (peak - baseline) / 1024 / 1024 };
  };
  const copyOnce = () => (pgUrl ? copyMs(pgUrl, event!.id) : pgliteCopyMs(handle, event!.id));

  await exportOnce(PAGE_SIZES[0]); // warm-up: keys opened, code compiled
  await copyOnce();
  // The profile covers the first timed export alone, not the COPY beside it.
  const session = process.env.EXPORT_CPU_PROFILE ? new Session() : null;
  if (session) {
    session.connect();
    await session.post("Profiler.enable");
    await session.post("Profiler.setSamplingInterval", { interval: 200 });
  }
  type Run = { ms: number; cpuMs: number; bytes: number; growthMb: number; ratio: number };
  const runs = new Map<number | undefined, Run[]>(PAGE_SIZES.map((size) => [size, []]));
  // Each round exports at every page size and then runs COPY once: the ratios of one round share the machine's load.
  for (let i = 0; i < RUNS; i++) {
    const round: [number | undefined, Omit<Run, "ratio">][] = [];
    for (const size of PAGE_SIZES) {
      if (session && i === 0 && size === PAGE_SIZES[0]) await session.post("Profiler.start");
      round.push([size, await exportOnce(size)]);
      if (session && i === 0 && size === PAGE_SIZES[0])
        writeFileSync(process.env.EXPORT_CPU_PROFILE!, JSON.stringify((await session.post("Profiler.stop")).profile));
    }
    const copy = await copyOnce();
    console.log(`COPY ${copy.toFixed(0)} ms`);
    for (const [size, run] of round) {
      runs.get(size)!.push({ ...run, ratio: run.ms / copy });
      console.log(
        `  pages of ${size ?? "default"}: export ${run.ms.toFixed(0)} ms (CPU ${run.cpuMs.toFixed(0)} ms, ${(run.bytes / 1e6).toFixed(1)} MB), ` +
          `÷ COPY ${(run.ms / copy).toFixed(2)}, memory growth ${run.growthMb.toFixed(1)} MB`,
      );
    }
  }
  session?.disconnect();
  for (const [size, list] of runs) {
    const median = (pick: (r: Run) => number) => list.map(pick).sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
    console.log(
      `pages of ${size ?? "default"}, median of ${RUNS}: export ${median((r) => r.ms).toFixed(0)} ms, ` +
        `÷ COPY ${median((r) => r.ratio).toFixed(2)} (aim: at most 3), memory growth ${median((r) => r.growthMb).toFixed(1)} MB (aim: under 64)`,
    );
  }
} finally {
  await closeDb();
  if (pgUrl && process.env.EXPORT_KEEP === "1") console.log(`export engine: kept ${pgUrl}`);
  else if (pgUrl) {
    await new Promise((resolve) => setTimeout(resolve, 300)); // the pool's connections say goodbye after it has ended
    await admin.query(`drop database if exists ${dbName} with (force)`);
  }
  if (pgUrl) await admin.end();
}
