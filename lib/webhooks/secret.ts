import "server-only";
import { randomBytes } from "node:crypto";
import type { DbOrTx } from "@/db/client";
import { keysById, organisationKey } from "@/lib/crypto/keys";
import { open, seal, sealedKeyId } from "@/lib/crypto/envelope";

// A webhook's secret, sealed with its organisation's data key and bound to the webhook's row: a dump holds only
// ciphertext. The owner sees it once, when Picket makes it; it is opened again only to sign a call.

const associated = (webhookId: string) => `webhooks:${webhookId}:secret`;

/** 32 random bytes, as the owner copies them. */
export const newSecret = () => randomBytes(32).toString("base64url");

export async function sealSecret(db: DbOrTx, orgId: string, webhookId: string, secret: string): Promise<string> {
  return seal(await organisationKey(db, orgId), secret, associated(webhookId));
}

/** The secret, opened; null when it does not open (its key is gone). */
export async function openSecret(db: DbOrTx, row: { id: string; secret: string }): Promise<string | null> {
  const keyId = sealedKeyId(row.secret);
  if (!keyId) return null;
  const key = (await keysById(db, [keyId])).get(keyId);
  return key ? open(key, row.secret, associated(row.id)) : null;
}
