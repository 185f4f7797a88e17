import "server-only";
import type { DbOrTx } from "@/db/client";
import { keysById } from "@/lib/crypto/keys";
import { open, seal, sealedKeyId, type DataKey } from "@/lib/crypto/envelope";
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

/**
 * Opens the personal fields of a batch of sign-ups: the keys of all of them are read first, in one query; the
 * returned function opens one (null where erased, or where the key is gone). For a stream that allocates
 * nothing per row but what it returns.
 */
export async function personalOpener(db: DbOrTx, sealed: readonly (string | null)[]): Promise<(signupId: string, personal: string | null) => Personal | null> {
  const keys = await keysById(
    db,
    sealed.map(sealedKeyId).filter((id): id is string => id !== null),
  );
  return (signupId, personal) => {
    const key = personal ? keys.get(sealedKeyId(personal) ?? "") : undefined;
    return key && personal ? parse(open(key, personal, associated(signupId))) : null;
  };
}

/**
 * The personal fields of a page of sign-ups (their ids and sealed fields, in the same order), opened on the
 * worker thread that opens sealed values (lib/crypto/open-pool.ts): null where erased, or where the key is gone.
 */
export async function openPersonalPage(db: DbOrTx, ids: string[], sealed: (string | null)[]): Promise<(Personal | null)[]> {
  const keys = await keysById(
    db,
    sealed.map(sealedKeyId).filter((id): id is string => id !== null),
  );
  const plain = await openBatch(keys, sealed, ids.map(associated));
  return plain.map(parse);
}

/** Rows with their personal fields opened: null where erased, or where the key is gone. */
export async function withPersonal<T extends { id: string; personal: string | null }>(db: DbOrTx, rows: T[]): Promise<(T & { person: Personal | null })[]> {
  const openOne = await personalOpener(
    db,
    rows.map((r) => r.personal),
  );
  return rows.map((r) => ({ ...r, person: openOne(r.id, r.personal) }));
}

/** One row's personal fields, opened. */
export async function personalOf(db: DbOrTx, row: { id: string; personal: string | null }): Promise<Personal | null> {
  return (await withPersonal(db, [row]))[0]!.person;
}
