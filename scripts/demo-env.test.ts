import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { keyringFromEnv, masterKeyProblem } from "../lib/crypto/master";
import { publicUrlProblem } from "../lib/mail/origin";
import { demoServerEnv } from "./demo-env";

const dirs: string[] = [];
const dataDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "picket-demo-env-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe("the demo's production server", () => {
  it("starts with everything production requires, from a fresh data folder", () => {
    const dir = dataDir();
    const env = demoServerEnv(
      { port: 3000, dataDir: dir, mailCatcherSmtp: "smtp://127.0.0.1:1025" },
      { PATH: "/usr/bin", NODE_OPTIONS: "--conditions=react-server" },
    );
    expect(env.NODE_ENV).toBe("production");
    expect(masterKeyProblem(env)).toBeNull();
    expect(publicUrlProblem(env)).toBeNull();
    expect(env.AUTH_SECRET).toBeTruthy();
    expect(env.PICKET_PUBLIC_URL).toBe("http://localhost:3000");
    expect(env.SMTP_URL).toBe("smtp://127.0.0.1:1025");
    expect(env.NODE_OPTIONS).toBeUndefined();
  });

  it("seals under the same master key the seed used, run after run", () => {
    const dir = dataDir();
    const seeded = keyringFromEnv({ PICKET_DATA_DIR: dir }).current; // the seed, outside production
    const first = keyringFromEnv(demoServerEnv({ port: 3000, dataDir: dir, mailCatcherSmtp: null }, {})).current;
    const again = keyringFromEnv(demoServerEnv({ port: 3000, dataDir: dir, mailCatcherSmtp: null }, {})).current;
    expect(first.id).toBe(seeded.id);
    expect(again.id).toBe(seeded.id);
    expect(readFileSync(path.join(dir, "master-key"), "utf8").trim()).not.toBe("");
  });

  it("keeps an operator's own key and address", () => {
    const dir = dataDir();
    const env = demoServerEnv(
      { port: 3000, dataDir: dir, mailCatcherSmtp: null },
      { PICKET_MASTER_KEY: "k".repeat(43), PICKET_PUBLIC_URL: "https://picket.example.org", SMTP_URL: "smtp://mail.example.org" },
    );
    expect(env.PICKET_MASTER_KEY_FILE).toBeUndefined();
    expect(env.PICKET_MASTER_KEY).toBe("k".repeat(43));
    expect(env.PICKET_PUBLIC_URL).toBe("https://picket.example.org");
    expect(env.SMTP_URL).toBe("smtp://mail.example.org");
  });
});
