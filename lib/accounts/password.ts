import "server-only";
import { and, eq, gt, lt } from "drizzle-orm";
import { getDb } from "@/db/client";
import { passwordResets, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { NotFoundError, PublicError } from "@/lib/errors";
import { enqueue } from "@/lib/mail/outbox";
import * as rateLimit from "@/lib/rate-limit";
import { hashToken, newToken } from "@/lib/security/tokens";
import { auditAccountChange } from "@/lib/audit/account-changes";
import { resetMessage } from "./mail";
import { endSessionsOf } from "./sessions";

export const RESET_VALID_MINUTES = 30;
export const RESETS_PER_CLIENT = 10;
const HOUR = 60 * 60;

/** Checks the actor's own password (before removing a factor, or changing it). */
export async function checkOwnPassword(actor: Actor, password: string): Promise<void> {
  if (!actor) throw new NotFoundError();
  const db = await getDb();
  const [user] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, actor.userId));
  if (!(await verifyPassword(user?.passwordHash, password))) throw new PublicError("account.password.wrongCurrent", "currentPassword");
}

/** A new password; every other login of the person ends with the old one. */
export async function changePassword(actor: Actor, current: string, next: string): Promise<number> {
  await checkOwnPassword(actor, current);
  const passwordHash = await hashPassword(next);
  const db = await getDb();
  return db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, actor!.userId));
    await tx.delete(passwordResets).where(eq(passwordResets.userId, actor!.userId));
    const ended = await endSessionsOf(tx, actor!.userId, actor!.sessionId);
    await auditAccountChange(tx, actor!.userId, actor!.userId, "account.password.change", { sessionsEnded: ended });
    return ended;
  });
}

/**
 * Emails a reset link to the address when it has an account; the answer is the same when it has none. The link
 * works once, for 30 minutes; only its hash is kept, and a new one ends the one before.
 */
export async function requestPasswordReset(email: string, client: string, locale: string, now = new Date()): Promise<{ ok: boolean }> {
  const perClient = await rateLimit.hit("reset:client:" + client, HOUR, now);
  if (perClient.count > RESETS_PER_CLIENT) return { ok: false };
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.delete(passwordResets).where(lt(passwordResets.expiresAt, now));
    const [user] = await tx.select({ id: users.id, locale: users.locale }).from(users).where(eq(users.email, email));
    if (!user) return;
    const token = newToken();
    await tx.delete(passwordResets).where(eq(passwordResets.userId, user.id));
    await tx
      .insert(passwordResets)
      .values({ tokenHash: hashToken(token), userId: user.id, createdAt: now, expiresAt: new Date(now.getTime() + RESET_VALID_MINUTES * 60_000) });
    await enqueue(tx, [resetMessage(email, locale || user.locale, token)], now);
  });
  return { ok: true };
}

/** Whether a reset link still works (to show its form, or say it has expired). */
export async function resetLinkWorks(token: string, now = new Date()): Promise<boolean> {
  const db = await getDb();
  const [row] = await db
    .select({ userId: passwordResets.userId })
    .from(passwordResets)
    .where(and(eq(passwordResets.tokenHash, hashToken(token)), gt(passwordResets.expiresAt, now)));
  return Boolean(row);
}

/** Sets a new password from a reset link, once: the link is deleted in the same statement that finds it, and every login of the person ends. */
export async function resetPassword(token: string, password: string, now = new Date()): Promise<{ email: string }> {
  const passwordHash = await hashPassword(password);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [used] = await tx
      .delete(passwordResets)
      .where(and(eq(passwordResets.tokenHash, hashToken(token)), gt(passwordResets.expiresAt, now)))
      .returning({ userId: passwordResets.userId });
    if (!used) throw new PublicError("account.reset.linkInvalid");
    const [user] = await tx.update(users).set({ passwordHash }).where(eq(users.id, used.userId)).returning({ email: users.email });
    const ended = await endSessionsOf(tx, used.userId);
    await auditAccountChange(tx, used.userId, used.userId, "account.password.reset", { sessionsEnded: ended });
    return { email: user!.email };
  });
}
