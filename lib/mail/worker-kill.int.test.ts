import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DbHandle } from "@/db/client";
import { organisations, outbox } from "@/db/schema";
import { unique } from "@/db/testing";
import { enqueue } from "./outbox";
import { openMessages } from "./sealed-mail";
import { compose } from "./render";
import { startSmtpServer, type TestSmtpServer } from "./smtp-test-server";

// The worker as deployments run it (npm run worker), killed with SIGKILL in the middle of a
// batch and started again. It gets a database of its own: on PostgreSQL a fresh one beside
// the suite's, on PGlite a directory, so it delivers nothing of the other tests.

const root = path.resolve(__dirname, "../..");
const suiteUrl = process.env.PICKET_TEST_PG_URL;
let target: { env: Record<string, string>; open: () => Promise<DbHandle>; drop: () => Promise<void> };
let smtp: TestSmtpServer;

async function pgTarget() {
  const name = `picket_kill_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new pg.Client({ connectionString: suiteUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(suiteUrl!);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    open: () => openDatabase({ url: url.toString(), migrate: true, poolSize: 2 }),
    drop: async () => {
      const c = new pg.Client({ connectionString: suiteUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

function pgliteTarget() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "picket-kill-"));
  return {
    env: { PICKET_DATA_DIR: dir },
    open: () => openDatabase({ url: "", dataDir: dir, migrate: true }),
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

function startWorker(args: string[] = []): ChildProcess {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...target.env,
    SMTP_URL: smtp.url,
    PICKET_PUBLIC_URL: "http://picket.test",
    MAIL_FROM: "Picket <mail@picket.test>",
    PICKET_OUTBOX_BATCH: "10",
    PICKET_OUTBOX_LEASE_SECONDS: "1",
    PICKET_WORKER_INTERVAL_SECONDS: "1",
  };
  if (!target.env.DATABASE_URL) delete env.DATABASE_URL;
  // One process (node with tsx's loader, not the tsx launcher), so the kill reaches the worker itself.
  return spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts", ...args], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
}

const exited = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve({ code: child.exitCode, signal: child.signalCode });
    else child.once("exit", (code, signal) => resolve({ code, signal }));
  });

beforeAll(async () => {
  target = suiteUrl ? await pgTarget() : pgliteTarget();
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp.close();
  await target.drop();
});

describe("a worker killed in the middle of a batch", () => {
  it("sends nothing twice and loses nothing once started again", { timeout: 120_000 }, async () => {
    const tag = unique("kill");
    const handle = await target.open();
    try {
      const [org] = await handle.db
        .insert(organisations)
        .values({ name: "Org", slug: unique("org") })
        .returning();
      await enqueue(
        handle.db,
        Array.from({ length: 30 }, (_, i) => ({
          orgId: org!.id,
          kind: "attendee_message" as const,
          to: `${tag}-${i}@test.example`,
          locale: "en",
          mail: compose(`Message ${i}`, [`Text ${i}`]),
        })),
      );
    } finally {
      await handle.close();
    }

    // The 15th message (the 5th of the second batch of ten) arrives; the worker dies before the server accepts it.
    const first = startWorker();
    smtp.onData = (count) => {
      if (count === 15) {
        first.kill("SIGKILL");
        throw new Error("421 Connection lost");
      }
    };
    const killed = await exited(first);
    expect(killed.signal).toBe("SIGKILL");
    expect(smtp.received).toHaveLength(14);
    smtp.onData = undefined;

    // Its claims last a second; then a new worker takes them over.
    await new Promise((r) => setTimeout(r, 1500));
    const second = startWorker(["--once"]);
    let output = "";
    second.stdout!.on("data", (d: Buffer) => (output += d.toString()));
    second.stderr!.on("data", (d: Buffer) => (output += d.toString()));
    const done = await exited(second);
    expect(done.code, output).toBe(0);

    const subjects = smtp.received.map((m) => m.subject).sort();
    expect(subjects).toEqual(Array.from({ length: 30 }, (_, i) => `Message ${i}`).sort());
    expect(new Set(smtp.received.map((m) => m.messageId)).size).toBe(30);

    const check = await target.open();
    try {
      const rows = (await openMessages(check.db, await check.db.select().from(outbox))).filter((m) => m.opened?.to.startsWith(`${tag}-`));
      expect(rows.map((r) => r.status)).toEqual(Array(30).fill("sent"));
    } finally {
      await check.close();
    }
  });
});
