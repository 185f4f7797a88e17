import "./node-version.mjs";
import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { DEMO_ORG, DEMO_PARTNER, DEMO_PARTNER_USERS, DEMO_PASSWORD, DEMO_USERS, seed } from "../db/seed";
import { withDatabase } from "./db";
import { demoServerEnv } from "./demo-env";
import { startMailCatcher, type MailCatcher } from "./mail-catcher";
import { run } from "./run";

// npm run demo: migrate, seed the Campaign Kazakhstan story, build, and start the production server.
const port = Number(process.env.PORT ?? 3000);
const dataDir = path.resolve(process.env.PICKET_DATA_DIR || ".data");

await withDatabase(async (handle) => {
  const { created } = await seed(handle.db);
  const where = handle.engine === "pglite" ? `embedded database in ${handle.location}` : `PostgreSQL at ${handle.location}`;
  console.log(`picket: ${where}; demo data ${created ? "seeded" : "already in place"}`);
});

// The condition the seed above needed to load server-only modules is not for Next's own processes.
delete process.env.NODE_OPTIONS;

function newestSource(dir: string): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

const buildId = path.resolve(".next/BUILD_ID");
const sources = ["app", "components", "lib", "db", "next.config.js", "package-lock.json"].map((p) =>
  statSync(p, { throwIfNoEntry: false })?.isDirectory() ? newestSource(p) : (statSync(p, { throwIfNoEntry: false })?.mtimeMs ?? 0),
);
if (!existsSync(buildId) || statSync(buildId).mtimeMs < Math.max(...sources)) {
  console.log("picket: building the app (about a minute on two cores)…");
  run("npx", ["next", "build"]);
} else {
  console.log("picket: the build is up to date");
}

// Email: the organisation's SMTP server when SMTP_URL names one, else a local mail catcher with a web inbox.
const mailCatcher: MailCatcher | null = process.env.SMTP_URL ? null : await startMailCatcher();

const serverEnv = demoServerEnv({ port, dataDir, mailCatcherSmtp: mailCatcher?.smtpUrl ?? null });

// Next itself, not through npx, so that stopping the demo stops the server it started.
const server = spawn(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "start", "-p", String(port)], {
  stdio: ["ignore", "pipe", "inherit"],
  env: serverEnv,
});
server.stdout.on("data", (chunk: Buffer) => process.stdout.write(chunk));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => {
  mailCatcher?.stop();
  process.exit(code ?? 0);
});

for (let i = 0; i < 120; i++) {
  try {
    const res = await fetch(`http://localhost:${port}/login`);
    if (res.ok) break;
  } catch {
    // not listening yet
  }
  await new Promise((r) => setTimeout(r, 500));
}
const mailNote = mailCatcher
  ? `Email inbox (MailDev): ${mailCatcher.inboxUrl}\n` +
    "  every message the app sends lands here: sign up on an event page, then open your private link from the confirmation"
  : `Email goes out through SMTP_URL.`;
console.log(`
Picket is running at ${serverEnv.PICKET_PUBLIC_URL}

Demo logins (password for all: ${DEMO_PASSWORD}):
  ${DEMO_ORG.name}, which leads the day of action:
${DEMO_USERS.map((u) => `    ${u.role.padEnd(12)} ${u.email}`).join("\n")}
  ${DEMO_PARTNER.name}, the partner that runs Berlin and Warsaw:
${DEMO_PARTNER_USERS.map((u) => `    ${u.role.padEnd(12)} ${u.email}`).join("\n")}

${mailNote}

Stop with Ctrl+C.`);
