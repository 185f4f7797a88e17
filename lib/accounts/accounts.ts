import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users, type User } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { keyedHash } from "@/lib/security/tokens";
import * as rateLimit from "@/lib/rate-limit";
import { hasSecondFactor, proveSecondFactor } from "./factors";
import { provePasskey } from "./passkeys";
import type { LoginMethod } from "./sessions";
import type { LoginInput } from "./schemas";

export { registerAccount } from "./registration";

export const LOGIN_WINDOW_SECONDS = 15 * 60;
export const LOGIN_FAILURES_PER_ACCOUNT = 5;
export const LOGIN_FAILURES_PER_CLIENT = 30;
/** Wrong second-factor codes after the right password, per account: only someone who has the password gets here. */
export const LOGIN_CODE_FAILURES_PER_ACCOUNT = 10;

export interface AccountView {
  id: string;
  name: string;
  email: string;
}

const view = (u: User): AccountView => ({ id: u.id, name: u.name, email: u.email });

export async function getAccount(userId: string): Promise<AccountView | null> {
  const db = await getDb();
  const [row] = await db.select().from(users).where(eq(users.id, userId));
  return row ? view(row) : null;
}

export type AuthenticateResult =
  | { ok: true; account: AccountView; method: LoginMethod }
  | { ok: false; reason: "invalid" | "codeRequired" | "wrongCode" }
  | { ok: false; reason: "rateLimited"; retryAt: Date };

/**
 * Checks a password and, when the account has one, a second factor (a code, a recovery code or a passkey). Every
 * attempt is counted before the password is checked, per account and per client, each in one statement: parallel attempts cannot get past the
 * limit. Past it, a password alone is refused, but an attempt that also proves the second factor gets in, so
 * whoever floods an address with wrong passwords cannot lock its owner out. `client` is the hashed address.
 */
export async function authenticate(input: LoginInput, client: string, secret: string, now = new Date()): Promise<AuthenticateResult> {
  const db = await getDb();
  const accountTag = keyedHash(secret + ":account", input.email).slice(0, 32);
  const accountKey = "login:account:" + accountTag;
  const clientKey = "login:client:" + client;
  // Taken, not peeked: each attempt takes one from the allowance in one statement, so parallel attempts cannot get
  // past it; a refused attempt takes nothing, so the pause ends as earlier attempts slide out of the window.
  const rule = (limit: number) => ({ limit, seconds: LOGIN_WINDOW_SECONDS });
  const [perAccount, perClient] = await Promise.all([
    rateLimit.take(accountKey, rule(LOGIN_FAILURES_PER_ACCOUNT), now),
    rateLimit.take(clientKey, rule(LOGIN_FAILURES_PER_CLIENT), now),
  ]);
  const locked = !perAccount.allowed ? perAccount.retryAt : !perClient.allowed ? perClient.retryAt : null;
  const code = input.code?.trim() ?? "";
  const passkey = input.passkey?.trim() ?? "";
  const proof = Boolean(code || passkey);
  const refused = (reason: "invalid" | "codeRequired" | "wrongCode"): AuthenticateResult =>
    locked ? { ok: false, reason: "rateLimited", retryAt: locked } : { ok: false, reason };
  // Locked and no second factor offered: the password is not even looked at.
  if (locked && !proof) return refused("invalid");

  const [user] = await db.select().from(users).where(eq(users.email, input.email));
  const valid = await verifyPassword(user?.passwordHash, input.password);
  if (!valid || !user) return refused("invalid");

  let method: LoginMethod = "password";
  if (await hasSecondFactor(db, user.id)) {
    if (!proof) return refused("codeRequired");
    const codes = await rateLimit.take("login:code:" + accountTag, rule(LOGIN_CODE_FAILURES_PER_ACCOUNT), now);
    if (!codes.allowed) return { ok: false, reason: "rateLimited", retryAt: codes.retryAt };
    const proved = passkey ? ((await provePasskey(user.id, passkey, now)) ? "passkey" : null) : await proveSecondFactor(user.id, code, now);
    if (!proved) return refused("wrongCode");
    await rateLimit.clear("login:code:" + accountTag);
    method = proved;
  } else if (locked) {
    return refused("invalid");
  }
  // A login that succeeds is no failure: the account's count starts again and the client's attempt is given back,
  // so people who share an address (an office, a coordinator's phone on the day) are not paused by their own logins.
  await Promise.all([rateLimit.clear(accountKey), rateLimit.giveBack(clientKey)]);
  return { ok: true, account: view(user), method };
}
