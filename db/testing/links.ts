import { and, eq } from "drizzle-orm";
import type { DbHandle } from "../client";
import { signups } from "../schema";
import { addressIndex } from "@/lib/crypto/keys";
import { issueManageLink } from "@/lib/signups/links";
import type { NamedSignupInput } from "@/lib/signups/schemas";
import { signUp, type SignUpContext } from "@/lib/signups/signups";

/**
 * Signs up and makes the private link the confirmation email would carry (the mail worker makes it the same
 * way when it sends one), for tests of what the link's holder can do.
 */
export async function signUpWithLink(handle: DbHandle, eventId: string, input: NamedSignupInput, ctx: SignUpContext) {
  const result = await signUp(eventId, input, ctx);
  const emailHash = await addressIndex(handle.db, eventId, input.email);
  const [row] = await handle.db
    .select({ id: signups.id })
    .from(signups)
    .where(and(eq(signups.eventId, eventId), eq(signups.emailHash, emailHash)));
  const token = row ? await issueManageLink(handle.db, row.id) : null;
  if (!token) throw new Error("the sign-up was not stored");
  return { ...result, token };
}
