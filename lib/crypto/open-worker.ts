// A thread that opens sealed values for lib/crypto/open-pool.ts. It imports nothing but node's own modules and
// envelope.ts (by its file name, so that Node runs it as it is under the test runner, and the bundler bundles it).
import { parentPort } from "node:worker_threads";
import { openEach } from "./envelope.ts";

export interface OpenRequest {
  id: number;
  /** The data keys the batch needs, by id: sent with every batch, forgotten after it. */
  keys: [string, Uint8Array][];
  sealed: (string | null)[];
  associated: string[];
}

export type OpenAnswer = { id: number; plain: (string | null)[] } | { id: number; failed: string };

parentPort?.on("message", ({ id, keys, sealed, associated }: OpenRequest) => {
  try {
    const byId = new Map(keys.map(([keyId, bytes]) => [keyId, { id: keyId, key: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }]));
    parentPort!.postMessage({ id, plain: openEach(byId, sealed, associated) } satisfies OpenAnswer);
  } catch (e) {
    // This batch fails alone; the thread goes on with the next.
    parentPort!.postMessage({ id, failed: e instanceof Error ? e.name : "Error" } satisfies OpenAnswer);
  } finally {
    // The bytes this thread was given: wiped (the cipher's own copy inside the key object cannot be).
    for (const [, bytes] of keys) bytes.fill(0);
  }
});
