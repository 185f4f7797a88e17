import { KEEP_ALIVE_MS } from "./e2e/support/keep-alive";
import { defineConfig, devices } from "@playwright/test";
import path from "node:path";
import { CHROMIUM_ARGS } from "./scripts/chromium";
import { mailDevCommand } from "./scripts/mail-catcher";

const port = Number(process.env.E2E_PORT ?? 3210);
const dataDir = process.env.E2E_DATA_DIR ?? path.resolve(".data-e2e");
/** The demo story seeded once per run for the servers tests start on their own embedded database (e2e/support/server.ts). */
export const seededTemplateDir = `${dataDir}-template`;
export const baseURL = `http://localhost:${port}`;
// Every message the app sends goes to MailDev, which the tests read (e2e/support/inbox.ts).
export const smtpPort = port + 20;
export const inboxURL = `http://127.0.0.1:${port + 21}`;
/** The master key of the suite's server (lib/crypto/master.ts): tests that read the database directly open what it sealed. */
export const E2E_MASTER_KEY = "ZTJlLW1hc3Rlci1rZXktZTJlLW1hc3Rlci1rZXktMDE";

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: process.env.CI ? 2 : 2,
  retries: 0,
  forbidOnly: true,
  reporter: [["list"]],
  use: {
    baseURL,
    // Readers are rarely in the event's zone: the browser runs in Almaty, the events elsewhere.
    timezoneId: "Asia/Almaty",
    locale: "en-GB",
    // Recording a trace of every test costs a quarter of the suite's time on two cores; to keep the trace of
    // failures while hunting one, run with E2E_TRACE=retain-on-failure.
    trace: (process.env.E2E_TRACE as "retain-on-failure" | undefined) ?? "off",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: CHROMIUM_ARGS,
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: [
    {
      command: mailDevCommand(smtpPort, port + 21).join(" "),
      url: `${inboxURL}/api/healthz`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      // The demo story is the fixture: seeded into the fresh database before the server starts. Idle connections are
      // kept longer than any pause in a test (KEEP_ALIVE_MS), so that a test's request never reuses a connection at
      // the instant the server closes it (a reset no browser would show, as browsers retry; a test's client does not).
      command: `NODE_OPTIONS=--conditions=react-server npx tsx scripts/seed.ts && npx next start -p ${port} --keepAliveTimeout ${KEEP_ALIVE_MS}`,
      url: `${baseURL}/login`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "pipe",
      stderr: "pipe",
      env: {
        NODE_ENV: "production",
        PICKET_DATA_DIR: dataDir,
        AUTH_SECRET: process.env.E2E_AUTH_SECRET ?? "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
        DATABASE_URL: "",
        PORT: String(port),
        PICKET_PUBLIC_URL: baseURL,
        PICKET_MASTER_KEY: E2E_MASTER_KEY,
        SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
        PICKET_OUTBOX_INTERVAL_SECONDS: "1",
        // Every test registers from this one address; a shared hourly count would make one test's
        // registrations fail another's (the limit itself is tested against the library).
        PICKET_REGISTRATION_LIMIT_PER_CLIENT: "100000",
        // Map tiles from an address the tests answer themselves (page.route): nothing leaves the machine.
        PICKET_MAP_TILE_URL: "http://127.0.0.1:3299/tiles/{z}/{x}/{y}.png",
      },
    },
  ],
});
