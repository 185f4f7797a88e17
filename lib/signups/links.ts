import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { signups } from "@/db/schema";
import { hashToken, newToken } from "@/lib/security/tokens";

// A supporter's private link exists only in the email that carries it. The database keeps the token's hash,
// never the token: so the link is made when its email is sent (lib/mail/worker.ts), and each new one replaces
// the one before. A dump, a backup or an owner reading the mailbox finds no working link.

/** A new private link for the sign-up; the one it had before stops working. Null when it was erased. */
export async function issueManageLink(db: DbOrTx, signupId: string): Promise<string | null> {
  const token = newToken();
  const [issued] = await db
    .update(signups)
    .set({ manageTokenHash: hashToken(token) })
    .where(and(eq(signups.id, signupId), isNull(signups.erasedAt)))
    .returning({ id: signups.id });
  return issued ? token : null;
}
