import "server-only";
import type { DbOrTx } from "@/db/client";
import { keysById } from "@/lib/crypto/keys";
import { openEach, seal, sealedKeyId, type DataKey } from "@/lib/crypto/envelope";
import { openBatch } from "@/lib/crypto/open-pool";

// A sign-up's personal fields, sealed together under its event's data key (lib/crypto/keys.ts), bound to the
// sign-up's row: a dump or a backup holds them only as ciphertext, and erasure deletes the key.

export interface Personal {
  name: string;
  email: string | null;
  phone: string | null;
  comment: string | null;
}

const associated = (signupId: string) => `signups:${signupId}:personal`;

export function sealPersonal(key: DataKey, signupId: string, personal: Personal): string {
  return seal(key, JSON.stringify(personal), associated(signupId));
}

function parse(plain: string | null): Personal | null {
  if (plain === null) return null;
  const p = JSON.parse(plain) as Partial<Personal>;
  return { name: p.name ?? "", email: p.email ?? null, phone: p.phone ?? null, comment: p.comment ?? null };
}

/** The data keys a batch of sealed fields needs, read in one query (or from the keys kept in memory). */
function keysOf(db: DbOrTx, sealed: readonly (string | null)[]) {
  return keysById(
    db,
    sealed.map(sealedKeyId).filter((id): id is string => id !== null),
  );
}

/**
 * The personal fields of a page of sign-ups (their ids and sealed fields, in the same order), opened on the
 * worker thread that opens sealed values (lib/crypto/open-pool.ts): null where erased, or where the key is gone.
 */
export async function openPersonalPage(db: DbOrTx, ids: string[], sealed: (string | null)[]): Promise<(Personal | null)[]> {
  const plain = await openBatch(await keysOf(db, sealed), sealed, ids.map(associated));
  return plain.map(parse);
}

/** Rows with their personal fields opened here (a list, a message's recipients): null where erased, or where the key is gone. */
export async function withPersonal<T extends { id: string; personal: string | null }>(db: DbOrTx, rows: T[]): Promise<(T & { person: Personal | null })[]> {
  const sealed = rows.map((r) => r.personal);
  const plain = openEach(
    await keysOf(db, sealed),
    sealed,
    rows.map((r) => associated(r.id)),
  );
  return rows.map((r, i) => ({ ...r, person: parse(plain[i] ?? null) }));
}

/** One row's personal fields, opened. */
export async function personalOf(db: DbOrTx, row: { id: string; personal: string | null }): Promise<Personal | null> {
  return (await withPersonal(db, [row]))[0]!.person;
}
