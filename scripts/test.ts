import "./node-version.mjs";
import { spawn } from "node:child_process";
import { run, tryRun } from "./run";

// Every test, in the order that fails fastest: types, lint, unit and integration (PGlite), then the browser
// tests on the built app. With TEST_DATABASE_URL set, the integration suite also runs on that PostgreSQL server,
// beside the browser tests: those wait on the browser and the server for half their time, so on two cores
// the two together take little longer than the browser tests alone.
const step = (name: string) => console.log(`\n▶ ${name}`);

step("typecheck");
run("npx", ["tsc", "--noEmit"]);
step("lint");
run("npx", ["eslint", ".", "--max-warnings=0"]);
step("format (Prettier, 160 characters a line)");
run("npx", ["prettier", "--check", "."]);
step("unit and integration tests (PGlite)");
run("npx", ["vitest", "run"]);

/** The PostgreSQL suite in the background; its output is kept and printed whole once it ends, not interleaved. */
function postgresSuite(): Promise<{ status: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn("npx", ["tsx", "scripts/test-pg.ts"], { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, FORCE_COLOR: "0" } });
    const chunks: Buffer[] = [];
    child.stdout.on("data", (c: Buffer) => chunks.push(c));
    child.stderr.on("data", (c: Buffer) => chunks.push(c));
    child.on("close", (code, signal) => resolve({ status: code ?? (signal ? 1 : 0), output: Buffer.concat(chunks).toString("utf8") }));
  });
}
const postgres = process.env.TEST_DATABASE_URL ? postgresSuite() : null;
if (postgres) console.log("\npicket: the integration suite on PostgreSQL runs beside the browser tests; its report follows theirs");

step("end-to-end tests (built app, Chromium)");
const browser = tryRun("npx", ["tsx", "scripts/e2e.ts"], { env: { PICKET_TYPES_CHECKED: "1" } });

let failed = browser;
if (postgres) {
  step("integration tests (PostgreSQL)");
  const { status, output } = await postgres;
  process.stdout.write(output);
  if (status !== 0) console.error(`picket: the integration suite on PostgreSQL failed (exit ${status})`);
  failed ||= status;
}
if (failed) process.exit(failed);
console.log("\npicket: all tests passed");
