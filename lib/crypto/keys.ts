import "server-only";
import { createHmac, randomBytes } from "node:crypto";
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { dataKeys, events } from "@/db/schema";
import { secretKey, unwrapKey, wrapKey, type DataKey } from "./envelope";
import { keyringFromEnv, type Keyring } from "./master";

// Data keys: made on first use, sealed under the master key in the data_keys table, opened once and kept in this
// process's memory for a few minutes. Deleting a key's row is what erasure (lib/retention) does to make every
// copy of what it sealed unreadable; another instance forgets its copy of the key within KEPT_MS.

type Purpose = (typeof dataKeys.$inferSelect)["purpose"];

const KEPT_MS = 10 * 60_000;

interface Kept {
  key: DataKey;
  until: number;
}

const store = globalThis as unknown as { __picketKeys?: { keyring: Keyring | null; byId: Map<string, Kept>; byOwner: Map<string, Kept> } };
const memory = () => (store.__picketKeys ??= { keyring: null, byId: new Map(), byOwner: new Map() });

/** The master keyring, read once from the environment (lib/crypto/master.ts). */
export function keyring(): Keyring {
  const m = memory();
  return (m.keyring ??= keyringFromEnv());
}

/** Forgets the keyring and every opened key: for tests that change the environment, and after a rotation. */
export function forgetKeys(): void {
  store.__picketKeys = undefined;
}

const associated = (id: string, purpose: Purpose) => `data-key:${id}:${purpose}`;

function remember(owner: string | null, key: DataKey): DataKey {
  const kept = { key, until: Date.now() + KEPT_MS };
  memory().byId.set(key.id, kept);
  if (owner) memory().byOwner.set(owner, kept);
  return key;
}

function fresh(kept: Kept | undefined): DataKey | null {
  if (!kept) return null;
  if (kept.until < Date.now()) return null;
  return kept.key;
}

function unwrapRow(row: { id: string; purpose: Purpose; masterKeyId: string; wrapped: string }): DataKey {
  const ring = keyring();
  const master = [ring.current, ring.previous].find((m) => m?.id === row.masterKeyId);
  if (!master) throw new Error(`data key ${row.id} is sealed under master key ${row.masterKeyId}, which this server does not have`);
  const key = unwrapKey(master.key, row.wrapped, associated(row.id, row.purpose));
  if (!key) throw new Error(`data key ${row.id} does not open with master key ${row.masterKeyId}`);
  return { id: row.id, key };
}

const ownerKey = (purpose: Purpose, owner: string | null) => `${purpose}:${owner ?? ""}`;

/**
 * The key of an organisation, the blind index or the accounts (never destroyed but with its organisation): made
 * once per purpose; should two servers make one at the same moment, whatever each sealed names its own key.
 */
async function standingKey(db: DbOrTx, purpose: "organisation" | "blind_index" | "accounts", orgId: string | null): Promise<DataKey> {
  const cacheKey = ownerKey(purpose, orgId);
  const kept = fresh(memory().byOwner.get(cacheKey));
  if (kept) return kept;
  const where = purpose === "organisation" ? and(eq(dataKeys.orgId, orgId!), eq(dataKeys.purpose, "organisation")) : eq(dataKeys.purpose, purpose);
  let [row] = await db.select().from(dataKeys).where(where).orderBy(dataKeys.createdAt, dataKeys.id).limit(1);
  if (!row) {
    const id = crypto.randomUUID();
    const master = keyring().current;
    await db
      .insert(dataKeys)
      .values({ id, purpose, orgId, masterKeyId: master.id, wrapped: wrapKey(master.key, randomBytes(32), associated(id, purpose)) })
      .onConflictDoNothing();
    [row] = await db.select().from(dataKeys).where(where).orderBy(dataKeys.createdAt, dataKeys.id).limit(1);
  }
  return remember(cacheKey, unwrapRow(row!));
}

/**
 * The key an event's sign-ups and the messages about them are sealed with: the one the event's row names, read by
 * the caller (under the event's lock where sign-ups change). An event without one gets one, once. Erasure deletes
 * the key, which empties the event's reference to it, so no key that erasure deleted is ever used again.
 */
export async function eventKey(db: DbOrTx, event: { id: string; dataKeyId: string | null }, orgId: string): Promise<DataKey> {
  if (event.dataKeyId) {
    const named = (await keysById(db, [event.dataKeyId])).get(event.dataKeyId);
    if (named) return named;
  }
  const master = keyring().current;
  const id = crypto.randomUUID();
  await db
    .insert(dataKeys)
    .values({ id, purpose: "event", orgId, eventId: event.id, masterKeyId: master.id, wrapped: wrapKey(master.key, randomBytes(32), associated(id, "event")) })
    .onConflictDoNothing();
  const [row] = await db.select().from(dataKeys).where(eq(dataKeys.eventId, event.id));
  await db.update(events).set({ dataKeyId: row!.id }).where(eq(events.id, event.id));
  return remember(null, unwrapRow(row!));
}

/** The key an organisation's messages that belong to no event are sealed with (invitations). */
export const organisationKey = (db: DbOrTx, orgId: string) => standingKey(db, "organisation", orgId);

/** The key second-factor secrets and messages about a person's account (which belong to no organisation) are sealed with. */
export const accountsKey = (db: DbOrTx) => standingKey(db, "accounts", null);

/** The keys sealed values name, opened; a key that no longer exists is missing from the map. */
export async function keysById(db: DbOrTx, ids: Iterable<string>): Promise<Map<string, DataKey>> {
  const found = new Map<string, DataKey>();
  const missing: string[] = [];
  for (const id of new Set(ids)) {
    const kept = fresh(memory().byId.get(id));
    if (kept) found.set(id, kept);
    else missing.push(id);
  }
  if (missing.length) {
    const rows = await db.select().from(dataKeys).where(inArray(dataKeys.id, missing));
    for (const row of rows) found.set(row.id, remember(null, unwrapRow(row)));
  }
  return found;
}

/**
 * The blind index of an address for one event: an HMAC under a key of its own, so that "one sign-up per event and
 * address" stays a unique index without the address. Bound to the event, so equal addresses at two events do not
 * show as equal hashes in a copy of the database.
 */
export async function addressIndex(db: DbOrTx, eventId: string, normalisedEmail: string): Promise<string> {
  const key = await standingKey(db, "blind_index", null);
  return createHmac("sha256", secretKey(key.key)).update(`${eventId}\n${normalisedEmail}`, "utf8").digest("base64url");
}

/**
 * Deletes the keys of these events (their rows' references empty with them): whatever the keys sealed, here or in
 * any copy of the database, can no longer be read without the master key that sealed the keys (see keys:rotate).
 */
export async function destroyEventKeys(tx: DbOrTx, eventIds: string[]): Promise<number> {
  if (!eventIds.length) return 0;
  const gone = await tx.delete(dataKeys).where(inArray(dataKeys.eventId, eventIds)).returning({ id: dataKeys.id });
  for (const { id } of gone) memory().byId.delete(id);
  return gone.length;
}

/**
 * Seals every data key still under another master key under the current one, a batch at a time, each row on its
 * own: servers keep working throughout, opening either until the previous key is removed from their settings.
 */
export async function rewrapDataKeys(db: DbOrTx, batch = 500): Promise<{ rewrapped: number; remaining: number }> {
  const ring = keyring();
  let rewrapped = 0;
  for (;;) {
    const rows = await db.select().from(dataKeys).where(ne(dataKeys.masterKeyId, ring.current.id)).limit(batch);
    if (!rows.length) break;
    for (const row of rows) {
      const { key } = unwrapRow(row);
      await db
        .update(dataKeys)
        .set({ masterKeyId: ring.current.id, wrapped: wrapKey(ring.current.key, key, associated(row.id, row.purpose)) })
        .where(and(eq(dataKeys.id, row.id), eq(dataKeys.masterKeyId, row.masterKeyId)));
      rewrapped += 1;
    }
  }
  const [left] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(dataKeys)
    .where(ne(dataKeys.masterKeyId, ring.current.id));
  return { rewrapped, remaining: Number(left?.n ?? 0) };
}
