import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const SECRET_FILE = "auth-secret";

/**
 * AUTH_SECRET signs sessions and keys every hash of a client address.
 * Production refuses to run without it; development keeps one in the data directory.
 */
export function getAuthSecret(): string {
  const fromEnv = process.env.AUTH_SECRET;
  if (fromEnv && fromEnv.length >= 32) return fromEnv;
  if (fromEnv) throw new Error("AUTH_SECRET must be at least 32 characters long.");
  if (process.env.NODE_ENV === "production") {
    throw new Error("AUTH_SECRET is required in production: generate one with `openssl rand -base64 33`.");
  }
  return readOrCreateSecretFile(path.resolve(/*turbopackIgnore: true*/ process.env.PICKET_DATA_DIR || ".data"));
}

/** The demo's secret: generated once and kept beside the embedded database. */
export function readOrCreateSecretFile(dir: string): string {
  const file = path.join(dir, SECRET_FILE);
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dir, { recursive: true });
  const secret = randomBytes(33).toString("base64url");
  writeFileSync(file, secret + "\n", { mode: 0o600 });
  return secret;
}
