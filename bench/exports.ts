// Export benchmark: 100,000 sign-ups of one event as CSV over HTTP, next to PostgreSQL's own
// COPY of the same rows, and the server's peak memory growth while exporting 10,000 and 100,000 rows.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { PGlite } from "@electric-sql/pglite";
import type { Db, DbHandle } from "../db/client";
import { signups } from "../db/schema";

export interface ExportFigures {
  rows10kMs: number;
  rows100kMs: number;
  copy100kMs: number | null;
  /** The median export over the median COPY; on PostgreSQL, the ratio of each round's pair (export, then COPY) beside it. */
  ratioToCopy: number | null;
  roundRatios: number[];
  /** Peak growth of the server's heap + external memory over a baseline taken just before the export (bench/heap-probe.mjs). */
  memory10kMb: number;
  memory100kMb: number;
  memoryRatio: number;
  /** The most left after any collection during the export: what it held, without its garbage. */
  live10kMb: number;
  live100kMb: number;
  /** In a second, untimed run with a full collection every 50 ms: the most the export held at any moment. */
  retained10kMb: number;
  retained100kMb: number;
  /** Null when the smaller export held less than a tenth of a megabyte: a ratio to almost nothing says nothing. */
  retainedRatio: number | null;
  /** The same as resident set size, for comparison: noisier, and it keeps what V8 has freed. */
  rss10kMb: number;
  rss100kMb: number;
}

/** Fills an event with `n` sign-ups, their personal fields sealed as the app seals them, 5,000 rows a statement. */
export async function fillEvent(db: Db, orgId: string, eventId: string, n: number) {
  const { eventKey, addressIndex } = await import("../lib/crypto/keys");
  const { sealPersonal } = await import("../lib/signups/personal");
  const key = await eventKey(db, { id: eventId, dataKeyId: null }, orgId);
  const now = Date.now();
  for (let from = 1; from <= n; from += 5000) {
    const rows = [];
    for (let g = from; g < Math.min(n + 1, from + 5000); g++) {
      const id = randomUUID();
      const email = `bench-${g}@export.example`;
      rows.push({
        id,
        eventId,
        personal: sealPersonal(key, id, { name: `Supporter ${g}${g % 7 === 0 ? " Ержан" : ""}`, email, phone: null, comment: null }),
        emailHash: await addressIndex(db, eventId, email),
        role: g % 3 === 0 ? "steward" : null,
        status: "confirmed" as const,
        createdAt: new Date(now - g * 1000),
        updatedAt: new Date(now),
      });
    }
    await db.insert(signups).values(rows);
  }
  // A table that grew by 100,000 rows in one statement has stale statistics until autovacuum
  // catches up; a real list grows over days and is analysed on the way.
  await db.execute(sql`analyze signups`);
}

function rssKb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** The deepest descendant's pid (npx → next → next-server). */
function serverPid(root: number): number {
  let pid = root;
  for (;;) {
    let children: string[] = [];
    try {
      children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean);
    } catch {
      return pid;
    }
    if (!children.length) return pid;
    pid = Number(children[0]);
  }
}

export async function logIn(base: string, email: string, password: string): Promise<string> {
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const cookies = (csrfRes.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]).join("; ");
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${base}/dashboard` }),
  });
  const session = (res.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]).filter((c) => c!.includes("session-token"));
  if (!session.length) throw new Error("bench: could not log in");
  return [cookies, ...session].join("; ");
}

interface HeapReading {
  baseline: number;
  peak: number;
  live: number;
}

/** Asks the heap probe loaded into the server process (see bench/heap-probe.mjs). */
async function heapProbe(probeDir: string, pid: number, step: "start" | "start?retained" | "stop"): Promise<HeapReading> {
  const port = readFileSync(path.join(probeDir, String(pid)), "utf8");
  return (await fetch(`http://127.0.0.1:${port}/${step}`)).json() as Promise<HeapReading>;
}

async function timedExport(request: { url: string; eventId: string }, cookie: string, pid: number, probeDir: string, retained = false) {
  const baseline = rssKb(pid);
  let peak = baseline;
  await heapProbe(probeDir, pid, retained ? "start?retained" : "start");
  const sampler = setInterval(() => (peak = Math.max(peak, rssKb(pid))), 20);
  const started = performance.now();
  const res = await fetch(request.url, { method: "POST", headers: { cookie }, body: new URLSearchParams({ eventId: request.eventId }) });
  if (!res.ok || !res.body) throw new Error(`bench: export answered ${res.status}`);
  let bytes = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.length;
  const ms = performance.now() - started;
  clearInterval(sampler);
  const heap = await heapProbe(probeDir, pid, "stop");
  const mb = (n: number) => (n - heap.baseline) / 1024 / 1024;
  return { ms, bytes, growthMb: mb(heap.peak), liveMb: mb(heap.live), rssGrowthMb: Math.max(0, peak - baseline) / 1024 };
}

// The same rows as the export, as they are stored: the personal fields sealed (the database cannot open them).
// One line, joined rather than wrapped: psql's \copy reads its command to the end of the line.
const copySelect = (eventId: string) =>
  "select e.title, s.personal, s.role, s.status, s.created_at, s.checked_in_at " +
  `from signups s join events e on e.id = s.event_id where s.event_id = '${eventId}' order by s.created_at, s.id`;

export function copyMs(pgUrl: string, eventId: string): Promise<number> {
  const started = performance.now();
  const query = `\\copy (${copySelect(eventId)}) to stdout with (format csv, header)`;
  const p = spawn("psql", [pgUrl, "-q", "-c", query], { stdio: ["ignore", "ignore", "inherit"] });
  return new Promise((resolve, reject) => p.once("exit", (code) => (code === 0 ? resolve(performance.now() - started) : reject(new Error("psql failed")))));
}

/** PGlite's own COPY of the same rows, into memory: run by the bench process while it still owns the directory. */
export async function pgliteCopyMs(handle: DbHandle, eventId: string): Promise<number> {
  const client = (handle.db as unknown as { $client: PGlite }).$client;
  const started = performance.now();
  const result = await client.query(`copy (${copySelect(eventId)}) to '/dev/blob' with (format csv, header)`);
  if (!result.blob?.size) throw new Error("bench: PGlite COPY returned nothing");
  return performance.now() - started;
}

/**
 * Rounds of the 100,000-row export, each followed by COPY of the same rows: on two cores shared with other work one
 * pair can be off by a third, so the aim is judged on the medians.
 */
export const EXPORT_ROUNDS = 3;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

export async function exportBench(opts: {
  base: string;
  org: string;
  cookie: string;
  event10k: string;
  event100k: string;
  rootPid: number;
  pgUrl: string | null;
  probeDir: string;
  /** PGlite's COPY, timed by the bench process before the server opened the directory: one a round. */
  pgliteCopyMs?: number[];
}): Promise<ExportFigures> {
  const pid = serverPid(opts.rootPid);
  const url = (eventId: string) => ({ url: `${opts.base}/api/orgs/${opts.org}/exports/attendees`, eventId });
  await timedExport(url(opts.event10k), opts.cookie, pid, opts.probeDir); // warm-up
  const small = await timedExport(url(opts.event10k), opts.cookie, pid, opts.probeDir);
  const rounds: Awaited<ReturnType<typeof timedExport>>[] = [];
  const copies: number[] = [];
  for (let i = 0; i < EXPORT_ROUNDS; i++) {
    rounds.push(await timedExport(url(opts.event100k), opts.cookie, pid, opts.probeDir));
    const copy = opts.pgUrl ? await copyMs(opts.pgUrl, opts.event100k) : opts.pgliteCopyMs?.[i];
    if (copy !== undefined) copies.push(copy);
  }
  // Memory is judged on the round that grew most; time on the middle round.
  const large = rounds.reduce((a, b) => (b.growthMb > a.growthMb ? b : a));
  const exportMs = median(rounds.map((r) => r.ms));
  const copy = copies.length ? median(copies) : null;
  const smallHeld = await timedExport(url(opts.event10k), opts.cookie, pid, opts.probeDir, true);
  const largeHeld = await timedExport(url(opts.event100k), opts.cookie, pid, opts.probeDir, true);
  return {
    rows10kMs: small.ms,
    rows100kMs: exportMs,
    copy100kMs: copy,
    ratioToCopy: copy ? exportMs / copy : null,
    // PGlite's COPY ran before the server opened the directory, not after each export: no pairs to show.
    roundRatios: opts.pgUrl ? rounds.map((r, i) => r.ms / copies[i]!) : [],
    memory10kMb: small.growthMb,
    memory100kMb: large.growthMb,
    memoryRatio: small.growthMb > 0 ? large.growthMb / small.growthMb : large.growthMb > 0 ? Infinity : 1,
    live10kMb: small.liveMb,
    live100kMb: large.liveMb,
    retained10kMb: smallHeld.liveMb,
    retained100kMb: largeHeld.liveMb,
    retainedRatio: smallHeld.liveMb >= 0.1 ? largeHeld.liveMb / smallHeld.liveMb : null,
    rss10kMb: small.rssGrowthMb,
    rss100kMb: large.rssGrowthMb,
  };
}
