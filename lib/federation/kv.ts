import "server-only";
import { and, eq, gt, isNull, like, lte, or, sql } from "drizzle-orm";
import type { KvKey, KvStore, KvStoreListEntry, KvStoreSetOptions } from "@fedify/fedify";
import type { Db } from "@/db/client";
import { federationKv } from "@/db/schema";

// Fedify's key-value store (remote documents it cached, public keys, received activities' ids) in the
// federation_kv table, through Drizzle: the same on PGlite and PostgreSQL, where @fedify/postgres would need a
// driver of its own. A key is its parts joined by a separator no part is expected to hold; a value is JSON.

const SEPARATOR = "\u001f";
const encode = (key: KvKey) => key.join(SEPARATOR);
const decode = (key: string) => key.split(SEPARATOR) as unknown as KvKey;
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

const expiry = (options?: KvStoreSetOptions) => (options?.ttl ? new Date(Date.now() + options.ttl.total("millisecond")) : null);
const live = () => or(isNull(federationKv.expiresAt), gt(federationKv.expiresAt, new Date()));

export class DrizzleKvStore implements KvStore {
  constructor(private readonly db: () => Promise<Db>) {}

  async get<T = unknown>(key: KvKey): Promise<T | undefined> {
    const db = await this.db();
    const [row] = await db
      .select({ value: federationKv.value })
      .from(federationKv)
      .where(and(eq(federationKv.key, encode(key)), live()));
    return row ? (row.value as T) : undefined;
  }

  async set(key: KvKey, value: unknown, options?: KvStoreSetOptions): Promise<void> {
    const db = await this.db();
    const expiresAt = expiry(options);
    await db
      .insert(federationKv)
      .values({ key: encode(key), value, expiresAt })
      .onConflictDoUpdate({ target: federationKv.key, set: { value, expiresAt } });
    // Now and then, what has expired goes.
    if (Math.random() < 0.01) await db.delete(federationKv).where(lte(federationKv.expiresAt, new Date()));
  }

  async delete(key: KvKey): Promise<void> {
    const db = await this.db();
    await db.delete(federationKv).where(eq(federationKv.key, encode(key)));
  }

  async cas(key: KvKey, expectedValue: unknown, newValue: unknown, options?: KvStoreSetOptions): Promise<boolean> {
    const db = await this.db();
    const k = encode(key);
    const expiresAt = expiry(options);
    return db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${k}))`);
      const [row] = await tx
        .select({ value: federationKv.value })
        .from(federationKv)
        .where(and(eq(federationKv.key, k), live()));
      const current = row?.value;
      if (JSON.stringify(current) !== JSON.stringify(expectedValue)) return false;
      if (newValue === undefined) await tx.delete(federationKv).where(eq(federationKv.key, k));
      else
        await tx
          .insert(federationKv)
          .values({ key: k, value: newValue, expiresAt })
          .onConflictDoUpdate({ target: federationKv.key, set: { value: newValue, expiresAt } });
      return true;
    });
  }

  async *list(prefix?: KvKey): AsyncIterable<KvStoreListEntry> {
    const db = await this.db();
    const p = prefix ? encode(prefix) : null;
    const rows = await db
      .select()
      .from(federationKv)
      .where(and(live(), p === null ? undefined : or(eq(federationKv.key, p), like(federationKv.key, `${escapeLike(p + SEPARATOR)}%`))))
      .orderBy(federationKv.key);
    for (const row of rows) yield { key: decode(row.key), value: row.value };
  }
}
