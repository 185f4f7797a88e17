import "server-only";
import { eq } from "drizzle-orm";
import { exportJwk, generateCryptoKeyPair, importJwk } from "@fedify/fedify";
import type { DbOrTx } from "@/db/client";
import { federationKeys } from "@/db/schema";
import { keyring } from "@/lib/crypto/keys";
import { open, seal, sealedKeyId } from "@/lib/crypto/envelope";

// A campaign's two key pairs: RSA for HTTP Signatures (what Mastodon checks) and Ed25519 for Object Integrity
// Proofs. Made on first need; the private halves are sealed with the master key (never in the database in
// clear), bound to the campaign's row. A value sealed with the previous master key is opened with it during a
// rotation and sealed again with the current one.

export interface CampaignKeyPair {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
}

const associated = (campaignId: string) => `federation-keys:${campaignId}`;

function sealPrivate(campaignId: string, jwks: JsonWebKey[]): string {
  const master = keyring().current;
  return seal({ id: master.id, key: master.key }, JSON.stringify(jwks), associated(campaignId));
}

function openPrivate(campaignId: string, sealed: string): { jwks: JsonWebKey[]; stale: boolean } {
  const ring = keyring();
  const master = [ring.current, ring.previous].find((m) => m && m.id === sealedKeyId(sealed));
  const plain = master ? open({ id: master.id, key: master.key }, sealed, associated(campaignId)) : null;
  if (plain === null) throw new Error(`the federation keys of campaign ${campaignId} do not open with this server's master key`);
  return { jwks: JSON.parse(plain) as JsonWebKey[], stale: master!.id !== ring.current.id };
}

/** The campaign's key pairs (RSA first, then Ed25519), made and stored the first time they are needed. */
export async function campaignKeyPairs(db: DbOrTx, campaignId: string): Promise<CampaignKeyPair[]> {
  let [row] = await db.select().from(federationKeys).where(eq(federationKeys.campaignId, campaignId));
  if (!row) {
    const pairs = [await generateCryptoKeyPair("RSASSA-PKCS1-v1_5"), await generateCryptoKeyPair("Ed25519")];
    const publicJwks = await Promise.all(pairs.map((p) => exportJwk(p.publicKey)));
    const privateJwks = await Promise.all(pairs.map((p) => exportJwk(p.privateKey)));
    // Two servers making them at once: the first stored wins, and both use it.
    await db
      .insert(federationKeys)
      .values({ campaignId, publicKeys: JSON.stringify(publicJwks), privateKeys: sealPrivate(campaignId, privateJwks) })
      .onConflictDoNothing();
    [row] = await db.select().from(federationKeys).where(eq(federationKeys.campaignId, campaignId));
  }
  const publicJwks = JSON.parse(row!.publicKeys) as JsonWebKey[];
  const { jwks: privateJwks, stale } = openPrivate(campaignId, row!.privateKeys);
  if (stale)
    await db
      .update(federationKeys)
      .set({ privateKeys: sealPrivate(campaignId, privateJwks) })
      .where(eq(federationKeys.campaignId, campaignId));
  return Promise.all(
    publicJwks.map(async (jwk, i) => ({ publicKey: await importJwk(jwk, "public"), privateKey: await importJwk(privateJwks[i]!, "private") })),
  );
}
