import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { seededTemplateDir } from "../../playwright.config";
import { KEEP_ALIVE_MS } from "./keep-alive";

// Servers of the built app that a test starts, kills and starts again itself, beside the suite's own.

export const ADMIN_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const SECRET = "faults-secret-faults-secret-faults-secret-00";
/** The master key of the servers a test starts: the test opens what they sealed with it (e2e/support/sealed.ts). */
export const MASTER_KEY = "ZmF1bHRzLW1hc3Rlci1rZXktZmF1bHRzLW1hc3Rlci0";

export interface AppServer {
  base: string;
  process: ChildProcess;
  /** Everything the server printed so far, standard output and error together. */
  output(): string;
  /** SIGKILL to npx, next and the server it runs, all at once: nothing gets to clean up. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/** A port for a test's own server, a fixed distance from the suite's (E2E_PORT), so two checkouts can test side by side. */
export const testPort = (offset: number) => Number(process.env.E2E_PORT ?? 3210) + offset;

export type Store = { DATABASE_URL: string } | { PICKET_DATA_DIR: string };

function env(store: Store, port: number, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    AUTH_SECRET: SECRET,
    PORT: String(port),
    PICKET_PUBLIC_URL: `http://localhost:${port}`,
    PICKET_MASTER_KEY: MASTER_KEY,
    DATABASE_URL: "",
    PICKET_DATA_DIR: "",
    PICKET_SIGNUP_LIMIT_PER_CLIENT: "1000000",
    PICKET_SIGNUP_LIMIT_PER_EVENT: "1000000",
    ...store,
    ...extra,
  };
}

/** The process and all its descendants (next start runs the server in a child of its own). */
function processTree(pid: number): number[] {
  let children: number[] = [];
  try {
    children = readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number),
    );
  } catch {
    // gone already
  }
  return [pid, ...children.flatMap(processTree)];
}

function alive(pid: number): boolean {
  try {
    const state = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.[0];
    return state !== "Z" && state !== "X";
  } catch {
    return false;
  }
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once("exit", () => resolve()));
}

/**
 * Migrates and seeds the demo story into the store, as `npm run demo` does. An embedded store is a copy of one
 * seeded once per run: PGlite's migrations and the seed take seconds of both cores, a copy of the directory none.
 */
export async function seedStore(store: Store) {
  if ("PICKET_DATA_DIR" in store) cpSync(await seededTemplate(), store.PICKET_DATA_DIR, { recursive: true });
  else await runSeed(store);
}

/** The seeded directory the embedded stores copy: made by the first test that needs one; the others wait for it. */
async function seededTemplate(): Promise<string> {
  const seeded = `${seededTemplateDir}.seeded`;
  const lock = `${seededTemplateDir}.lock`;
  if (existsSync(seeded)) return seededTemplateDir;
  try {
    mkdirSync(lock);
  } catch {
    // Another worker is seeding it.
    const deadline = Date.now() + 180_000;
    while (existsSync(lock) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    if (!existsSync(seeded)) throw new Error(`the seeded store ${seededTemplateDir} was not made`);
    return seededTemplateDir;
  }
  try {
    if (!existsSync(seeded)) {
      rmSync(seededTemplateDir, { recursive: true, force: true });
      await runSeed({ PICKET_DATA_DIR: seededTemplateDir });
      writeFileSync(seeded, new Date().toISOString());
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
  return seededTemplateDir;
}

async function runSeed(store: Store) {
  const child = spawn("npx", ["tsx", "scripts/seed.ts"], { env: { ...env(store, 0), NODE_OPTIONS: "--conditions=react-server" }, stdio: "ignore" });
  await exited(child);
  if (child.exitCode !== 0) throw new Error("seeding failed");
}

export async function startServer(store: Store, port: number, extra: Record<string, string> = {}): Promise<AppServer> {
  const child = spawn("npx", ["next", "start", "-p", String(port), "--keepAliveTimeout", String(KEEP_ALIVE_MS)], {
    env: env(store, port, extra),
    stdio: ["ignore", "pipe", "pipe"],
  });
  const printed: Buffer[] = [];
  let stderr = "";
  child.stdout!.on("data", (d: Buffer) => printed.push(d));
  child.stderr!.on("data", (d: Buffer) => {
    printed.push(d);
    stderr = (stderr + d.toString()).slice(-2000);
  });
  const base = `http://localhost:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server on ${port} exited with ${child.exitCode}: ${stderr}`);
    try {
      if ((await fetch(`${base}/login`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server on ${port} did not start`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const signal = async (sig: NodeJS.Signals) => {
    const tree = processTree(child.pid!);
    for (const pid of tree) {
      try {
        process.kill(pid, sig);
      } catch {
        // already gone
      }
    }
    await exited(child);
    for (let i = 0; i < 100 && tree.some(alive); i++) await new Promise((r) => setTimeout(r, 50));
  };
  return { base, process: child, output: () => Buffer.concat(printed).toString("utf8"), kill: () => signal("SIGKILL"), stop: () => signal("SIGTERM") };
}

/**
 * Why a test that needs a PostgreSQL server cannot run here, or null when it can. A machine without one skips
 * those tests with this reason; CI sets PICKET_REQUIRE_POSTGRES=1, so that there a missing server fails them.
 */
export async function postgresMissing(): Promise<string | null> {
  if (process.env.PICKET_REQUIRE_POSTGRES === "1") return null;
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    return null;
  } catch {
    const where = new URL(ADMIN_URL);
    return `needs PostgreSQL, which does not answer at ${where.host} (start it, or set TEST_DATABASE_URL)`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function freshDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `picket_faults_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: ADMIN_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/**
 * Two app servers on one fresh PostgreSQL database loaded with the demo story (on the two ports given by their
 * offsets: each test that starts servers has its own), handed to `run`; stopped and the database dropped after.
 */
export async function onTwoInstances(offsets: [number, number], run: (a: AppServer, b: AppServer, url: string) => Promise<void>): Promise<void> {
  const db = await freshDatabase();
  try {
    const store: Store = { DATABASE_URL: db.url };
    await seedStore(store);
    const [a, b] = await Promise.all(offsets.map((offset) => startServer(store, testPort(offset))));
    try {
      await run(a!, b!, db.url);
    } finally {
      await Promise.all([a!.stop(), b!.stop()]);
    }
  } finally {
    await db.drop();
  }
}

/** A sign-up through the JSON API: the status, and whether the server said it was stored. */
export async function postSignup(
  base: string,
  campaign: string,
  event: string,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<number> {
  const res = await fetch(`${base}/api/c/${campaign}/${event}/signups`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  await res.arrayBuffer();
  return res.status;
}
