import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users, type User } from "@/db/schema";
import { PublicError } from "@/lib/errors";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { keyedHash } from "@/lib/security/tokens";
import * as rateLimit from "@/lib/rate-limit";
import type { LoginInput, RegisterInput } from "./schemas";

export const LOGIN_WINDOW_SECONDS = 15 * 60;
export const LOGIN_FAILURES_PER_ACCOUNT = 5;
export const LOGIN_FAILURES_PER_CLIENT = 30;

export interface AccountView {
  id: string;
  name: string;
  email: string;
}

const view = (u: User): AccountView => ({ id: u.id, name: u.name, email: u.email });

export async function registerAccount(input: RegisterInput): Promise<AccountView> {
  const db = await getDb();
  const passwordHash = await hashPassword(input.password);
  const [row] = await db
    .insert(users)
    .values({ name: input.name, email: input.email, passwordHash })
    .onConflictDoNothing({ target: users.email })
    .returning();
  if (!row) throw new PublicError("accounts.register.emailTaken", "email");
  return view(row);
}

export async function getAccount(userId: string): Promise<AccountView | null> {
  const db = await getDb();
  const [row] = await db.select().from(users).where(eq(users.id, userId));
  return row ? view(row) : null;
}

export type AuthenticateResult =
  | { ok: true; account: AccountView }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "rateLimited"; retryAt: Date };

/**
 * Checks a password, counting failures per account and per client in the database.
 * `secret` keys the hashes; `client` is the already-hashed client address.
 */
export async function authenticate(input: LoginInput, client: string, secret: string, now = new Date()): Promise<AuthenticateResult> {
  const db = await getDb();
  const accountKey = "login:account:" + keyedHash(secret + ":account", input.email).slice(0, 32);
  const clientKey = "login:client:" + client;
  const [perAccount, perClient] = await Promise.all([
    rateLimit.peek(accountKey, { limit: LOGIN_FAILURES_PER_ACCOUNT, seconds: LOGIN_WINDOW_SECONDS }, now),
    rateLimit.peek(clientKey, { limit: LOGIN_FAILURES_PER_CLIENT, seconds: LOGIN_WINDOW_SECONDS }, now),
  ]);
  // Sliding windows: a pause ends as the failures slide out of the last 15 minutes, whatever the clock says.
  if (!perAccount.allowed) return { ok: false, reason: "rateLimited", retryAt: perAccount.retryAt };
  if (!perClient.allowed) return { ok: false, reason: "rateLimited", retryAt: perClient.retryAt };

  const [user] = await db.select().from(users).where(eq(users.email, input.email));
  const valid = await verifyPassword(user?.passwordHash, input.password);
  if (valid && user) {
    await rateLimit.clear(accountKey);
    return { ok: true, account: view(user) };
  }
  await Promise.all([rateLimit.hit(accountKey, LOGIN_WINDOW_SECONDS, now), rateLimit.hit(clientKey, LOGIN_WINDOW_SECONDS, now)]);
  await rateLimit.purgeEndedWindows(now);
  return { ok: false, reason: "invalid" };
}
