import "server-only";
import { and, eq, gt, lt } from "drizzle-orm";
import { getDb } from "@/db/client";
import { pendingRegistrations, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { PublicError } from "@/lib/errors";
import { enqueue } from "@/lib/mail/outbox";
import * as rateLimit from "@/lib/rate-limit";
import { limitSetting } from "@/lib/rate-limit/setting";
import { hashToken, newToken } from "@/lib/security/tokens";
import { registrationMessage, registrationTakenMessage } from "./mail";
import type { RegisterInput } from "./schemas";

// Registration confirms the address first: the form's answer is the same whether or not the address has an
// account (an email goes to it either way), and the account exists only once the emailed link is used.

export const REGISTRATION_VALID_HOURS = 24;
/** Per client address within an hour; a meeting behind one address may need more (`PICKET_REGISTRATION_LIMIT_PER_CLIENT`). */
export const REGISTRATIONS_PER_CLIENT = limitSetting("PICKET_REGISTRATION_LIMIT_PER_CLIENT", 10);
export const REGISTRATIONS_PER_HOUR = limitSetting("PICKET_REGISTRATION_LIMIT_PER_HOUR", 500);
const HOUR = 60 * 60;

export type RegistrationRequest = { ok: true } | { ok: false; reason: "rateLimited" };

/** Asks for an account: emails a confirmation link to a new address, a note to a known one. The same answer for both. */
export async function requestRegistration(
  input: RegisterInput,
  client: string,
  locale: string,
  now = new Date(),
  returnPath: string | null = null,
): Promise<RegistrationRequest> {
  const [perClient, overall] = await Promise.all([rateLimit.hit("register:client:" + client, HOUR, now), rateLimit.hit("register:all", HOUR, now)]);
  if (perClient.count > REGISTRATIONS_PER_CLIENT || overall.count > REGISTRATIONS_PER_HOUR) return { ok: false, reason: "rateLimited" };
  // Hashed for both, so the answer takes as long either way.
  const passwordHash = await hashPassword(input.password);
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.delete(pendingRegistrations).where(lt(pendingRegistrations.expiresAt, now));
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
    if (taken) {
      await enqueue(tx, [registrationTakenMessage(input.email, locale)], now);
      return;
    }
    const token = newToken();
    await tx.insert(pendingRegistrations).values({
      tokenHash: hashToken(token),
      name: input.name,
      email: input.email,
      passwordHash,
      locale,
      returnPath,
      createdAt: now,
      expiresAt: new Date(now.getTime() + REGISTRATION_VALID_HOURS * HOUR * 1000),
    });
    await enqueue(tx, [registrationMessage(input.email, locale, token)], now);
  });
  return { ok: true };
}

/** The emailed link, used: the account is made (once) and the address is its login. */
export async function confirmRegistration(token: string, now = new Date()): Promise<{ email: string; returnPath: string | null }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [pending] = await tx
      .delete(pendingRegistrations)
      .where(and(eq(pendingRegistrations.tokenHash, hashToken(token)), gt(pendingRegistrations.expiresAt, now)))
      .returning();
    if (!pending) throw new PublicError("account.register.linkInvalid");
    const [row] = await tx
      .insert(users)
      .values({ name: pending.name, email: pending.email, passwordHash: pending.passwordHash, locale: pending.locale, createdAt: now })
      .onConflictDoNothing({ target: users.email })
      .returning({ email: users.email });
    if (!row) throw new PublicError("account.register.linkInvalid");
    // Other pending registrations of the address are void now.
    await tx.delete(pendingRegistrations).where(eq(pendingRegistrations.email, pending.email));
    return { email: row.email, returnPath: pending.returnPath };
  });
}

/** For tests and the demo seed: an account made at once, without the emailed link. */
export async function registerAccount(input: RegisterInput): Promise<{ id: string; name: string; email: string }> {
  const db = await getDb();
  const [row] = await db
    .insert(users)
    .values({ name: input.name, email: input.email, passwordHash: await hashPassword(input.password) })
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id, name: users.name, email: users.email });
  if (!row) throw new PublicError("accounts.register.emailTaken", "email");
  return row;
}
