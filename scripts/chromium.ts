import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

/** How the tests and the bench start Chromium: headless on a server, nothing fetched from anywhere but the app. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

function playwrightsOwn(): string | undefined {
  try {
    const out = execFileSync(process.execPath, ["-e", "console.log(require('playwright-core').chromium.executablePath())"], { encoding: "utf8" }).trim();
    return out && existsSync(out) ? out : undefined;
  } catch {
    return undefined;
  }
}

export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return CANDIDATES.find((p) => existsSync(p)) ?? playwrightsOwn();
}

/** A Chromium for the end-to-end tests: the installed one, else Debian's package (as root), else Playwright's download. */
export function ensureChromium(): string {
  const found = findChromium();
  if (found) return found;
  const isRoot = process.getuid?.() === 0;
  const hasApt = existsSync("/usr/bin/apt-get");
  if (isRoot && hasApt) {
    console.log("picket: no Chromium found; installing Debian's chromium package for the browser tests…");
    spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    const r = spawnSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    if (r.status !== 0) throw new Error("apt-get install chromium failed");
  } else {
    console.log("picket: no Chromium found; downloading Playwright's Chromium for the browser tests…");
    const r = spawnSync("npx", ["playwright", "install", "chromium"], { stdio: "inherit" });
    if (r.status !== 0) throw new Error("playwright install chromium failed");
  }
  const installed = findChromium();
  if (!installed) throw new Error("Chromium is still missing after installing it");
  return installed;
}
