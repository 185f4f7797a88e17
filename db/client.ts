import { mkdirSync } from "node:fs";
import path from "node:path";
import type { SQL } from "drizzle-orm";
import { PgDialect, type PgDatabase, type PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema";
import { acquireDirLock } from "./lock";
import { log, logFailure } from "@/lib/log";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

export interface DbHandle {
  db: Db;
  engine: "pglite" | "postgres";
  /** Where the data lives: the directory for PGlite, the server (without password) for PostgreSQL. */
  location: string;
  /** Rows as arrays of the driver's values, in the order selected: for bulk reads where mapping each row to an object costs more than the read. */
  arrays(query: SQL): Promise<unknown[][]>;
  /**
   * PostgreSQL only: the rows of a SELECT as the server's own CSV (COPY … TO STDOUT), streamed from a
   * connection of its own that goes back to the pool when the stream ends, or is closed if it is abandoned.
   * With timeZone, the statement runs in that session time zone (times format there without a conversion per row).
   */
  /**
   * Calls `onPayload` with each notification on `channel` (NOTIFY, delivered when the notifying transaction
   * commits, to every process that listens). PostgreSQL: a connection of its own, opened again after a failure
   * (`onGap` is called then: notifications sent meanwhile are lost). Resolves to a function that stops listening.
   */
  listen(channel: string, onPayload: (payload: string) => void, onGap: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

const dialect = new PgDialect();

export interface OpenOptions {
  /** postgres://… — a PostgreSQL server. Unset: embedded PGlite. */
  url?: string;
  /** PGlite directory; "memory://" keeps everything in memory (tests). */
  dataDir?: string;
  migrate?: boolean;
  /** In-memory PGlite only: start from this copy of a data folder (PGlite's dumpDataDir) instead of an empty one. */
  template?: Blob;
  /** Connections in the node-postgres pool. */
  poolSize?: number;
}

export const migrationsFolder = () => path.join(/*turbopackIgnore: true*/ process.cwd(), "db", "migrations");

export function defaultDataDir() {
  return path.resolve(/*turbopackIgnore: true*/ process.env.PICKET_DATA_DIR || ".data");
}

function redact(url: string) {
  try {
    const u = new URL(url);
    u.password = "";
    return u.toString();
  } catch {
    return "postgres";
  }
}

async function openPostgres(url: string, opts: OpenOptions): Promise<DbHandle> {
  const { Pool } = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const pool = new Pool({ connectionString: url, max: opts.poolSize ?? Number(process.env.PICKET_DB_POOL ?? 10) });
  pool.on("error", (err) => logFailure("idle PostgreSQL connection failed", err));
  if (opts.migrate) {
    const { migrate } = await import("drizzle-orm/node-postgres/migrator");
    const client = await pool.connect();
    try {
      // Several instances may start together: one migrates at a time.
      await client.query("select pg_advisory_lock(74657301)");
      const migrating = drizzle({ client, schema });
      await migrate(migrating, { migrationsFolder: migrationsFolder() });
      await sealLegacy(migrating as unknown as Db);
    } finally {
      await client.query("select pg_advisory_unlock(74657301)").catch(() => undefined);
      client.release();
    }
  }
  const db = drizzle({ client: pool, schema }) as unknown as Db;
  const arrays = async (query: SQL) => {
    const { sql, params } = dialect.sqlToQuery(query);
    return (await pool.query<unknown[]>({ text: sql, values: params, rowMode: "array" })).rows;
  };
  return { db, engine: "postgres", location: redact(url), arrays, listen: (...args) => listenPostgres(url, ...args), close: () => pool.end() };
}

/** A connection of its own that LISTENs, opened again a second after it fails, until stopped. */
async function listenPostgres(url: string, channel: string, onPayload: (payload: string) => void, onGap: () => void): Promise<() => Promise<void>> {
  const { Client } = await import("pg");
  let stopped = false;
  let current: InstanceType<typeof Client> | null = null;
  const connect = async (): Promise<void> => {
    const client = new Client({ connectionString: url });
    client.on("notification", (n) => {
      if (n.channel === channel) onPayload(n.payload ?? "");
    });
    client.on("error", (err) => {
      logFailure("listening connection failed", err);
      reconnect(client);
    });
    client.on("end", () => reconnect(client));
    await client.connect();
    await client.query(`LISTEN ${client.escapeIdentifier(channel)}`);
    if (stopped) await client.end();
    else current = client;
  };
  const reconnect = (client: InstanceType<typeof Client>) => {
    if (stopped || current !== client) return;
    current = null;
    client.end().catch(() => undefined);
    onGap();
    // Told twice: when the connection is lost, and once it listens again (what changed in between went unheard).
    const retry = () =>
      void connect().then(onGap, (err: unknown) => {
        logFailure("listening connection failed", err);
        if (!stopped) setTimeout(retry, 1000).unref();
      });
    setTimeout(retry, 1000).unref();
  };
  await connect();
  return async () => {
    stopped = true;
    await current?.end();
    current = null;
  };
}

async function openPglite(dataDir: string, opts: OpenOptions): Promise<DbHandle> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const inMemory = dataDir.startsWith("memory://");
  let lock: { release(): void } | undefined;
  if (!inMemory) {
    mkdirSync(dataDir, { recursive: true });
    lock = acquireDirLock(dataDir);
  }
  try {
    const client = inMemory ? await PGlite.create(opts.template ? { loadDataDir: opts.template } : undefined) : await PGlite.create(dataDir);
    yieldBeforeEachCall(client);
    const db = drizzle({ client, schema }) as unknown as Db;
    if (opts.migrate) {
      const { migrate } = await import("drizzle-orm/pglite/migrator");
      await migrate(db as never, { migrationsFolder: migrationsFolder() });
      await sealLegacy(db);
    }
    return {
      db,
      engine: "pglite",
      location: inMemory ? "memory" : dataDir,
      arrays: async (query: SQL) => {
        const { sql, params } = dialect.sqlToQuery(query);
        return (await client.query<unknown[]>(sql, params, { rowMode: "array" })).rows;
      },
      // One process holds an embedded database: its own notifications are all there are.
      listen: async (channel: string, onPayload: (payload: string) => void) => client.listen(channel, onPayload),
      close: async () => {
        await client.close();
        lock?.release();
      },
    };
  } catch (e) {
    lock?.release();
    throw e;
  }
}

/**
 * PGlite runs each statement synchronously on the server's one thread, and hands its lock to the next
 * waiter in a microtask: while statements are queued, the event loop never reaches the network, so
 * responses that are ready wait and new requests are not read. Each call (a statement, or a transaction
 * as a whole) therefore first lets pending I/O run.
 */
function yieldBeforeEachCall(client: { query: unknown; exec: unknown; transaction: unknown }) {
  const target = client as unknown as Record<"query" | "exec" | "transaction", (...args: unknown[]) => Promise<unknown>>;
  for (const name of ["query", "exec", "transaction"] as const) {
    const call = target[name].bind(client);
    target[name] = async (...args: unknown[]) => {
      await new Promise<void>((resolve) => setImmediate(resolve));
      return call(...args);
    };
  }
}

/** What migration 0008 left in plaintext is sealed by the migrating process (db/legacy-plaintext.ts). */
async function sealLegacy(db: Db) {
  const { sealLegacyPlaintext } = await import("./legacy-plaintext");
  const sealed = await sealLegacyPlaintext(db);
  if (sealed.signups || sealed.messages) log.info(`migration: sealed the personal data of ${sealed.signups} sign-ups and ${sealed.messages} messages`);
}

export function openDatabase(opts: OpenOptions = {}): Promise<DbHandle> {
  const url = opts.url ?? process.env.DATABASE_URL;
  if (url) return openPostgres(url, opts);
  return openPglite(opts.dataDir ?? defaultDataDir(), opts);
}

const store = globalThis as unknown as { __picketDb?: Promise<DbHandle> };

/** The process's one database, opened on first use (never at build time) and migrated. */
export function getDbHandle(): Promise<DbHandle> {
  if (!store.__picketDb) {
    store.__picketDb = openDatabase({ migrate: process.env.PICKET_MIGRATE_ON_START !== "0" })
      .then((handle) => {
        if (handle.engine === "pglite" && process.env.NODE_ENV === "production" && handle.location !== "memory") {
          log.warn(
            `embedded database (PGlite) in ${handle.location}: suits one machine, is not crash-durable (no fsync); ` +
              "run production on PostgreSQL with DATABASE_URL.",
          );
        }
        return handle;
      })
      .catch((e) => {
        store.__picketDb = undefined;
        throw e;
      });
  }
  return store.__picketDb;
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

/** Tests and scripts: use this handle as the process's database. */
export function setDbHandle(handle: DbHandle) {
  store.__picketDb = Promise.resolve(handle);
}

export async function closeDb() {
  const pending = store.__picketDb;
  store.__picketDb = undefined;
  if (pending) await (await pending).close();
}
