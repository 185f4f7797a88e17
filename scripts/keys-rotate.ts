// npm run keys:rotate: seals every data key under the current master key, so that the previous one can be
// destroyed. With PostgreSQL the servers keep running throughout; see README "Keys and rotation".
//
//   1. Give every server (and this command) the new key as PICKET_MASTER_KEY and the old one as
//      PICKET_MASTER_KEY_PREVIOUS, and restart them one by one: they seal new keys under the new one and open
//      either.
//   2. Run this: every data key still under the old master key is sealed again under the new one.
//   3. Remove PICKET_MASTER_KEY_PREVIOUS everywhere and destroy the old key.
//
// With the demo's key file (no PICKET_MASTER_KEY set), `--new` does all three: it writes a new key into the file
// and rewraps under it (stop the demo first: the embedded database has one owner).
import "./node-version.mjs";
import { renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { forgetKeys, keyring, rewrapDataKeys } from "../lib/crypto/keys";
import { newMasterKey, readOrCreateMasterKeyFile } from "../lib/crypto/master";
import { withDatabase } from "./db";

const fresh = process.argv.includes("--new");

if (fresh) {
  if (process.env.PICKET_MASTER_KEY) {
    console.error(
      "picket: --new replaces the demo's key file; with PICKET_MASTER_KEY set, set the new key and PICKET_MASTER_KEY_PREVIOUS yourself (see the README).",
    );
    process.exit(2);
  }
  const dir = path.resolve(process.env.PICKET_DATA_DIR || ".data");
  const file = path.join(dir, "master-key");
  process.env.PICKET_MASTER_KEY_PREVIOUS = readOrCreateMasterKeyFile(dir);
  process.env.PICKET_MASTER_KEY = newMasterKey();
  forgetKeys();
  await withDatabase(async (handle) => {
    const { rewrapped, remaining } = await rewrapDataKeys(handle.db);
    if (remaining) throw new Error(`${remaining} data keys could not be sealed again`);
    // Only now does the file change: a failure above leaves the old key in force.
    writeFileSync(`${file}.new`, process.env.PICKET_MASTER_KEY + "\n", { mode: 0o600 });
    renameSync(`${file}.new`, file);
    console.log(`picket: keys: ${rewrapped} data keys sealed under a new master key (${keyring().current.id}); the old one is gone from ${file}`);
  });
} else {
  const ring = keyring();
  if (!ring.previous) {
    console.log(
      "picket: keys: no PICKET_MASTER_KEY_PREVIOUS given; " +
        `data keys still under another master key are sealed under the current one (${ring.current.id}) if this server can open them.`,
    );
  }
  await withDatabase(async (handle) => {
    const { rewrapped, remaining } = await rewrapDataKeys(handle.db);
    console.log(`picket: keys: ${rewrapped} data keys sealed under the current master key (${ring.current.id}); ${remaining} still under another`);
    if (remaining) process.exitCode = 1;
    else console.log("picket: keys: the previous master key opens nothing now: remove PICKET_MASTER_KEY_PREVIOUS everywhere and destroy it.");
  });
}
