import { mkdtempSync, readFileSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { keyringFromEnv, masterKeyProblem, newMasterKey } from "./master";

describe("the master key", () => {
  it("is required in production, and must be 32 bytes", () => {
    expect(masterKeyProblem({ NODE_ENV: "production" })).toMatch(/^PICKET_MASTER_KEY \(or PICKET_MASTER_KEY_FILE\) is required in production/);
    expect(masterKeyProblem({ NODE_ENV: "production", PICKET_MASTER_KEY: "c2hvcnQ" })).toMatch(/32 random bytes/);
    expect(masterKeyProblem({ NODE_ENV: "production", PICKET_MASTER_KEY: newMasterKey() })).toBeNull();
  });

  it("comes from a file when PICKET_MASTER_KEY_FILE names one; the demo makes its own, readable by its owner only", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "picket-key-"));
    const made = keyringFromEnv({ NODE_ENV: "development", PICKET_DATA_DIR: dir });
    const file = path.join(dir, "master-key");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(keyringFromEnv({ NODE_ENV: "development", PICKET_DATA_DIR: dir }).current.id).toBe(made.current.id);
    expect(keyringFromEnv({ NODE_ENV: "production", PICKET_MASTER_KEY_FILE: file }).current.id).toBe(made.current.id);
    expect(readFileSync(file, "utf8").trim()).not.toBe(made.current.id);
  });

  it("names a previous key during a rotation; each key is known by its fingerprint", () => {
    const [a, b] = [newMasterKey(), newMasterKey()];
    const ring = keyringFromEnv({ NODE_ENV: "production", PICKET_MASTER_KEY: b, PICKET_MASTER_KEY_PREVIOUS: a });
    expect(ring.previous?.id).toBe(keyringFromEnv({ NODE_ENV: "production", PICKET_MASTER_KEY: a }).current.id);
    expect(ring.current.id).not.toBe(ring.previous?.id);
    expect(ring.current.id).toMatch(/^[0-9a-f]{16}$/);
  });
});
