import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

// The master key wraps every data key (lib/crypto/keys.ts) and never enters the database: it comes from
// PICKET_MASTER_KEY (or the file PICKET_MASTER_KEY_FILE names), and the demo keeps one beside its data. During
// a rotation (npm run keys:rotate) the previous key is given too, to open what it wrapped until all is rewrapped.

export interface MasterKey {
  /** A short name for the key: its fingerprint, stored beside what it wrapped. */
  id: string;
  key: Buffer;
}

export interface Keyring {
  current: MasterKey;
  previous: MasterKey | null;
}

const KEY_FILE = "master-key";

export function masterKeyFrom(encoded: string, source: string): MasterKey {
  const key = Buffer.from(encoded.trim(), "base64url");
  if (key.length !== 32) throw new Error(`${source} must be 32 random bytes in base64 (openssl rand -base64 32).`);
  return { id: createHash("sha256").update(key).digest("hex").slice(0, 16), key };
}

/** A new random master key, as it is written to the environment or a key file. */
export const newMasterKey = () => randomBytes(32).toString("base64url");

function readKeyFile(file: string, source: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    throw new Error(`${source}: cannot read ${file}.`);
  }
}

/**
 * The keyring from the environment. Production requires a master key; elsewhere (the demo, development) one
 * is generated once into the data directory, like AUTH_SECRET.
 */
export function keyringFromEnv(env: Record<string, string | undefined> = process.env): Keyring {
  let current: string | undefined = env.PICKET_MASTER_KEY;
  if (!current && env.PICKET_MASTER_KEY_FILE) current = readKeyFile(env.PICKET_MASTER_KEY_FILE, "PICKET_MASTER_KEY_FILE");
  if (!current) {
    if (env.NODE_ENV === "production") {
      throw new Error(
        "PICKET_MASTER_KEY (or PICKET_MASTER_KEY_FILE) is required in production: it encrypts the attendees' data. " +
          "Generate one with `openssl rand -base64 32` and keep it out of the database and its backups.",
      );
    }
    current = readOrCreateMasterKeyFile(path.resolve(/*turbopackIgnore: true*/ env.PICKET_DATA_DIR || ".data"));
  }
  const previous = env.PICKET_MASTER_KEY_PREVIOUS ? masterKeyFrom(env.PICKET_MASTER_KEY_PREVIOUS, "PICKET_MASTER_KEY_PREVIOUS") : null;
  return { current: masterKeyFrom(current, "PICKET_MASTER_KEY"), previous };
}

/** The demo's master key: generated once and kept beside the embedded database, readable by its owner only. */
export function readOrCreateMasterKeyFile(dir: string): string {
  const file = path.join(dir, KEY_FILE);
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dir, { recursive: true });
  const key = newMasterKey();
  writeFileSync(file, key + "\n", { mode: 0o600 });
  return key;
}

/** Whether the environment has what encryption needs; the problem in words otherwise. */
export function masterKeyProblem(env: Record<string, string | undefined> = process.env): string | null {
  try {
    keyringFromEnv(env);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}
