import "server-only";
import { and, eq, isNotNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { eventProposals } from "@/db/schema";
import { keysById, organisationKey } from "@/lib/crypto/keys";
import { open, seal, sealedKeyId } from "@/lib/crypto/envelope";
import { hashToken, newToken } from "@/lib/security/tokens";

// A host's name and address, sealed together under the organisation's data key and bound to the proposal's row:
// a dump holds them as ciphertext only. Their private link, as for a sign-up, exists only in the email that
// carries it (made when it is sent, lib/mail/worker.ts); the row keeps its hash.

export interface Host {
  name: string;
  email: string;
}

const associated = (proposalId: string) => `event_proposals:${proposalId}:host`;

export async function sealHost(db: DbOrTx, orgId: string, proposalId: string, host: Host): Promise<string> {
  return seal(await organisationKey(db, orgId), JSON.stringify(host), associated(proposalId));
}

/** The host of a proposal, opened; null once erased (or when the key is gone). */
export async function openHost(db: DbOrTx, row: { id: string; host: string | null }): Promise<Host | null> {
  const keyId = sealedKeyId(row.host);
  if (!row.host || !keyId) return null;
  const key = (await keysById(db, [keyId])).get(keyId);
  const plain = key ? open(key, row.host, associated(row.id)) : null;
  return plain ? (JSON.parse(plain) as Host) : null;
}

/** A new private link for the host; the one before stops working. Null when the host was erased. */
export async function issueHostLink(db: DbOrTx, proposalId: string): Promise<string | null> {
  const token = newToken();
  const [issued] = await db
    .update(eventProposals)
    .set({ hostTokenHash: hashToken(token) })
    .where(and(eq(eventProposals.id, proposalId), isNotNull(eventProposals.host)))
    .returning({ id: eventProposals.id });
  return issued ? token : null;
}

export const hostUrl = (origin: string, token: string) => `${origin}/h/${token}`;
