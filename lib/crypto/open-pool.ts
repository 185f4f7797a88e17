import "server-only";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { logFailure } from "@/lib/log";
import { openEach, type DataKey } from "./envelope";
import type { OpenAnswer, OpenRequest } from "./open-worker";

// Opening a sealed value costs a few microseconds, nearly all of it setting up a GCM cipher: an export of
// 100,000 sign-ups spends more time opening than reading and writing. On a machine with a second core, batches
// are opened on a worker thread while this one reads the next page and writes the last. The worker holds a
// batch's keys only while it opens that batch.

interface Pending {
  resolve: (plain: (string | null)[]) => void;
  reject: (error: Error) => void;
}

interface Thread {
  worker: Worker;
  pending: Map<number, Pending>;
}

let thread: Thread | null = null;
let nextId = 0;

function start(): Thread {
  const worker = new Worker(new URL("./open-worker.ts", import.meta.url));
  const made: Thread = { worker, pending: new Map() };
  const fail = (error: Error) => {
    if (thread === made) thread = null;
    for (const p of made.pending.values()) p.reject(error);
    made.pending.clear();
  };
  worker.on("message", ({ id, plain }: OpenAnswer) => {
    const p = made.pending.get(id);
    made.pending.delete(id);
    p?.resolve(plain);
    if (!made.pending.size) worker.unref();
  });
  worker.on("error", (error) => {
    logFailure("The thread that opens sealed values failed", error);
    fail(error);
  });
  worker.on("exit", (code) => fail(new Error(`the thread that opens sealed values ended (exit ${code})`)));
  worker.unref();
  return made;
}

/** Whether batches go to a worker thread: only where a second core can run it beside this one. */
const threaded = () => availableParallelism() > 1 && process.env.PICKET_OPEN_THREAD !== "0";

/**
 * Opens a batch of sealed values, each with its associated data (null where a value is null, its key is not
 * among `keys`, or it does not open): on the worker thread where there is one, else here.
 */
export function openBatch(keys: ReadonlyMap<string, DataKey>, sealed: (string | null)[], associated: string[]): Promise<(string | null)[]> {
  if (!threaded()) return Promise.resolve(openEach(keys, sealed, associated));
  const t = (thread ??= start());
  const id = nextId++;
  // A copy of each key's own 32 bytes: a Buffer may be a view of a shared pool, and a view is sent with all of it.
  const request: OpenRequest = { id, keys: [...keys].map(([keyId, k]) => [keyId, new Uint8Array(k.key)]), sealed, associated };
  return new Promise((resolve, reject) => {
    t.pending.set(id, { resolve, reject });
    t.worker.ref();
    t.worker.postMessage(request);
  });
}
