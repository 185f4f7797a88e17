import "./node-version.mjs";
import { rmSync } from "node:fs";
import path from "node:path";
import { ensureChromium } from "./chromium";
import { run } from "./run";

// The built app on a fresh embedded database, driven by the system Chromium.
const chromium = ensureChromium();
if (process.env.E2E_SKIP_BUILD !== "1") run("npx", ["next", "build"]);
const dataDir = path.resolve(".data-e2e");
// The suite's database and the seeded copy the tests' own servers start from (e2e/support/server.ts): fresh each run.
const clean = () => {
  for (const dir of [dataDir, `${dataDir}-template`, `${dataDir}-template.lock`, `${dataDir}-template.seeded`]) rmSync(dir, { recursive: true, force: true });
};
clean();
run("npx", ["playwright", "test", ...process.argv.slice(2)], {
  env: { CHROMIUM_PATH: chromium, E2E_DATA_DIR: dataDir },
});
clean();
