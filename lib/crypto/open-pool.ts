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
/** Threads that failed in a row: after three, batches are opened here until the process restarts. */
let failures = 0;

function start(): Thread {
  const worker = new Worker(new URL("./open-worker.ts", import.meta.url));
  const made: Thread = { worker, pending: new Map() };
  const fail = (error: Error) => {
    if (thread === made) thread = null;
    for (const p of made.pending.values()) p.reject(error);
    made.pending.clear();
  };
  worker.on("message", (answer: OpenAnswer) => {
    const p = made.pending.get(answer.id);
    made.pending.delete(answer.id);
    if ("plain" in answer) {
      failures = 0;
      p?.resolve(answer.plain);
    } else p?.reject(new Error(`the thread that opens sealed values failed on a batch (${answer.failed})`));
    if (!made.pending.size) worker.unref();
  });
  const broken = (error: Error) => {
    failures++;
    logFailure("The thread that opens sealed values failed", error);
    fail(error);
  };
  worker.on("error", broken);
  worker.on("messageerror", broken);
  worker.on("exit", (code) => fail(new Error(`the thread that opens sealed values ended (exit ${code})`)));
  worker.unref();
  return made;
}

/** Whether batches go to a worker thread: only where a second core can run it beside this one, and while it works. */
const threaded = () => availableParallelism() > 1 && process.env.PICKET_OPEN_THREAD !== "0" && failures < 3;

/**
 * Opens a batch of sealed values, each with its associated data (null where a value is null, its key is not
 * among `keys`, or it does not open): on the worker thread where there is one, else here. A batch the thread fails
 * on is opened here instead.
 */
export async function openBatch(keys: ReadonlyMap<string, DataKey>, sealed: (string | null)[], associated: string[]): Promise<(string | null)[]> {
  if (!threaded()) return openEach(keys, sealed, associated);
  const t = (thread ??= start());
  const id = nextId++;
  // Each key's own 32 bytes, moved to the thread (a Buffer may be a view of a shared pool, and a view is sent with
  // all of it); the thread wipes them once the batch is open.
  const request: OpenRequest = { id, keys: [...keys].map(([keyId, k]) => [keyId, new Uint8Array(k.key)]), sealed, associated };
  try {
    return await new Promise<(string | null)[]>((resolve, reject) => {
      t.pending.set(id, { resolve, reject });
      t.worker.ref();
      t.worker.postMessage(
        request,
        request.keys.map(([, bytes]) => bytes.buffer as ArrayBuffer),
      );
    });
  } catch (e) {
    logFailure("A batch of sealed values was opened here: the thread failed on it", e);
    return openEach(keys, sealed, associated);
  }
}
