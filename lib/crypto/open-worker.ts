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

export interface OpenAnswer {
  id: number;
  plain: (string | null)[];
}

parentPort?.on("message", ({ id, keys, sealed, associated }: OpenRequest) => {
  const byId = new Map(keys.map(([keyId, bytes]) => [keyId, { id: keyId, key: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }]));
  parentPort!.postMessage({ id, plain: openEach(byId, sealed, associated) } satisfies OpenAnswer);
});
