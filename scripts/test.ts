import "./node-version.mjs";
import { run } from "./run";

// Every test, in the order that fails fastest: types, lint, unit and integration (PGlite),
// the integration suite on PostgreSQL when TEST_DATABASE_URL is set, then the browser tests on the built app.
const step = (name: string) => console.log(`\n▶ ${name}`);

step("typecheck");
run("npx", ["tsc", "--noEmit"]);
step("lint");
run("npx", ["eslint", ".", "--max-warnings=0"]);
step("unit and integration tests (PGlite)");
run("npx", ["vitest", "run"]);
if (process.env.TEST_DATABASE_URL) {
  step("integration tests (PostgreSQL)");
  run("npx", ["tsx", "scripts/test-pg.ts"]);
}
step("end-to-end tests (built app, Chromium)");
run("npx", ["tsx", "scripts/e2e.ts"], { env: { PICKET_TYPES_CHECKED: "1" } });
console.log("\npicket: all tests passed");
