import { spawnSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "./client";
import { DataDirLockedError } from "./lock";
import { organisations } from "./schema";

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(path.join(os.tmpdir(), "picket-lock-"));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const tsx = path.resolve("node_modules/.bin/tsx");

// Each test migrates an embedded database and some start a second Node process: on a loaded two-core machine that
// alone can pass the default 30 s. The limit is a net for a hang, not a measure of speed.
describe("the embedded directory has one owner", { timeout: 180_000 }, () => {
  it("a second process is refused at once, naming the holder, and nothing is lost", async () => {
    const dir = tempDir();
    const first = await openDatabase({ url: "", dataDir: dir, migrate: true });
    await first.db.insert(organisations).values({ name: "Kept", slug: "kept" });

    // spawnSync returns while this process still holds the lock: the second one was refused, it did not wait for
    // the lock (waiting, it would never return before the test's own timeout). No clock is read.
    const second = spawnSync(tsx, ["scripts/migrate.ts"], { env: { ...process.env, DATABASE_URL: "", PICKET_DATA_DIR: dir }, encoding: "utf8" });
    expect(second.status).not.toBe(0);
    expect(second.stderr).toContain(`in use by process ${process.pid}`);

    // The holder keeps working, and its rows survive its own close and a reopen.
    await first.db.insert(organisations).values({ name: "Also kept", slug: "also-kept" });
    await first.close();
    expect(existsSync(path.join(dir, "picket.lock"))).toBe(false);
    const reopened = await openDatabase({ url: "", dataDir: dir });
    expect((await reopened.db.select().from(organisations)).map((o) => o.slug).sort()).toEqual(["also-kept", "kept"]);
    await reopened.close();
  });

  it("a second opener in the same process is refused too", async () => {
    const dir = tempDir();
    const first = await openDatabase({ url: "", dataDir: dir });
    await expect(openDatabase({ url: "", dataDir: dir })).rejects.toBeInstanceOf(DataDirLockedError);
    await first.close();
  });

  it("a stale lock from a killed process does not block the next start", async () => {
    const dir = tempDir();
    const holder = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"]);
    const pid = holder.pid!;
    holder.kill("SIGKILL");
    await new Promise((r) => holder.once("exit", r));
    writeFileSync(path.join(dir, "picket.lock"), JSON.stringify({ pid, command: "next start", since: new Date().toISOString() }));
    const handle = await openDatabase({ url: "", dataDir: dir, migrate: true });
    expect(handle.engine).toBe("pglite");
    await handle.close();
  });

  it("a lock left behind by a previous boot of the machine is stale even if its pid is alive now", async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "picket.lock"), JSON.stringify({ pid: process.ppid, command: "next start", since: "2020-01-01", bootId: "another-boot" }));
    const handle = await openDatabase({ url: "", dataDir: dir });
    await handle.close();
  });
});
