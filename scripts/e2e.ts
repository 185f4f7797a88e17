import "./node-version.mjs";
import { rmSync } from "node:fs";
import path from "node:path";
import { ensureChromium } from "./chromium";
import { run } from "./run";

// The built app on a fresh embedded database, driven by the system Chromium.
const chromium = ensureChromium();
if (process.env.E2E_SKIP_BUILD !== "1") run("npx", ["next", "build"]);
const dataDir = path.resolve(".data-e2e");
rmSync(dataDir, { recursive: true, force: true });
run("npx", ["playwright", "test", ...process.argv.slice(2)], {
  env: { CHROMIUM_PATH: chromium, E2E_DATA_DIR: dataDir },
});
rmSync(dataDir, { recursive: true, force: true });
