import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, asc, eq, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import { generateSecret, generateURI, verify } from "otplib";
import { getDb, type DbOrTx } from "@/db/client";
import { recoveryCodes, secondFactors, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { accountsKey, keysById } from "@/lib/crypto/keys";
import { open, seal, sealedKeyId } from "@/lib/crypto/envelope";
import { NotFoundError, PublicError } from "@/lib/errors";
import { auditAccountChange } from "@/lib/audit/account-changes";
import { endSessionsOf } from "./sessions";

// TOTP (RFC 6238: SHA-1, 6 digits, 30 seconds, one step of drift either way), its secret sealed with the
// accounts data key; recovery codes of 80 random bits, only their hashes kept, each deleted when used.

export const TOTP_ISSUER = "Picket";
const TOTP_TOLERANCE_SECONDS = 30;
export const RECOVERY_CODE_COUNT = 10;

export interface FactorView {
  id: string;
  kind: "totp" | "passkey";
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

const secretData = (factorId: string) => `second_factors:${factorId}:secret`;

function me(actor: Actor): string {
  if (!actor) throw new NotFoundError();
  return actor.userId;
}

export async function listFactors(actor: Actor): Promise<{ factors: FactorView[]; recoveryCodesLeft: number }> {
  const userId = me(actor);
  const db = await getDb();
  const [rows, [codes]] = await Promise.all([
    db
      .select()
      .from(secondFactors)
      .where(and(eq(secondFactors.userId, userId), isNotNull(secondFactors.confirmedAt)))
      .orderBy(asc(secondFactors.createdAt)),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(recoveryCodes)
      .where(eq(recoveryCodes.userId, userId)),
  ]);
  return {
    factors: rows.map((r) => ({ id: r.id, kind: r.kind, name: r.name, createdAt: r.createdAt, lastUsedAt: r.lastUsedAt })),
    recoveryCodesLeft: Number(codes?.n ?? 0),
  };
}

/** Whether a person has a confirmed second factor. */
export async function hasSecondFactor(db: DbOrTx, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: secondFactors.id })
    .from(secondFactors)
    .where(and(eq(secondFactors.userId, userId), isNotNull(secondFactors.confirmedAt)))
    .limit(1);
  return Boolean(row);
}

/**
 * Starts setting up an authenticator app: a new secret, sealed, not yet counted as a factor. An unconfirmed one
 * left from before is replaced. Returns what the person types or scans.
 */
export async function beginTotp(actor: Actor, now = new Date()): Promise<{ factorId: string; secret: string; uri: string }> {
  const userId = me(actor);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId));
    if (!user) throw new NotFoundError();
    await tx.delete(secondFactors).where(and(eq(secondFactors.userId, userId), isNull(secondFactors.confirmedAt)));
    const factorId = crypto.randomUUID();
    const secret = generateSecret();
    const key = await accountsKey(tx);
    await tx.insert(secondFactors).values({ id: factorId, userId, kind: "totp", secret: seal(key, secret, secretData(factorId)), createdAt: now });
    return { factorId, secret, uri: generateURI({ issuer: TOTP_ISSUER, label: user.email, secret }) };
  });
}

/** The secret of a factor being set up, to show it again (a wrong first code). */
export async function pendingTotp(actor: Actor): Promise<{ factorId: string; secret: string; uri: string } | null> {
  const userId = me(actor);
  const db = await getDb();
  const [row] = await db
    .select({ id: secondFactors.id, secret: secondFactors.secret, email: users.email })
    .from(secondFactors)
    .innerJoin(users, eq(users.id, secondFactors.userId))
    .where(and(eq(secondFactors.userId, userId), eq(secondFactors.kind, "totp"), isNull(secondFactors.confirmedAt)));
  if (!row?.secret) return null;
  const secret = await openSecret(db, row.id, row.secret);
  return secret ? { factorId: row.id, secret, uri: generateURI({ issuer: TOTP_ISSUER, label: row.email, secret }) } : null;
}

async function openSecret(db: DbOrTx, factorId: string, sealed: string): Promise<string | null> {
  const key = (await keysById(db, [sealedKeyId(sealed) ?? ""])).get(sealedKeyId(sealed) ?? "");
  return key ? open(key, sealed, secretData(factorId)) : null;
}

/**
 * Whether the code matches the factor now; when it does, its time step is taken in one statement, so the same
 * code (or an earlier one) is never accepted twice, however many requests race.
 */
async function takeTotpCode(db: DbOrTx, factor: { id: string; secret: string | null; lastTimeStep: number | null }, code: string, now: Date): Promise<boolean> {
  if (!factor.secret || !/^\d{6}$/.test(code)) return false;
  const secret = await openSecret(db, factor.id, factor.secret);
  if (!secret) return false;
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: TOTP_TOLERANCE_SECONDS,
    ...(factor.lastTimeStep !== null ? { afterTimeStep: factor.lastTimeStep } : {}),
  }).catch(() => ({ valid: false as const }));
  if (!result.valid || !("timeStep" in result)) return false;
  const taken = await db
    .update(secondFactors)
    .set({ lastTimeStep: result.timeStep, lastUsedAt: now })
    .where(and(eq(secondFactors.id, factor.id), or(isNull(secondFactors.lastTimeStep), lt(secondFactors.lastTimeStep, result.timeStep))))
    .returning({ id: secondFactors.id });
  return taken.length === 1;
}

/** Confirms the app being set up with its first code; the person gets fresh recovery codes if they had none. */
export async function confirmTotp(actor: Actor, code: string, now = new Date()): Promise<{ recoveryCodes: string[] | null }> {
  const userId = me(actor);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [factor] = await tx
      .select()
      .from(secondFactors)
      .where(and(eq(secondFactors.userId, userId), eq(secondFactors.kind, "totp"), isNull(secondFactors.confirmedAt)))
      .for("update");
    if (!factor) throw new PublicError("account.totp.notStarted");
    if (!(await takeTotpCode(tx, factor, normaliseCode(code), now))) throw new PublicError("account.totp.wrongCode", "code");
    await tx.update(secondFactors).set({ confirmedAt: now, name: "Authenticator app" }).where(eq(secondFactors.id, factor.id));
    await auditAccountChange(tx, userId, userId, "account.factor.add", { kind: "totp" });
    const [existing] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(recoveryCodes)
      .where(eq(recoveryCodes.userId, userId));
    return { recoveryCodes: Number(existing?.n ?? 0) > 0 ? null : await replaceRecoveryCodes(tx, userId) };
  });
}

/** Removes a factor (after the password is checked by the caller); the person's other logins end with it. */
export async function removeFactor(actor: Actor, factorId: string): Promise<void> {
  const userId = me(actor);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const gone = await tx
      .delete(secondFactors)
      .where(and(eq(secondFactors.id, factorId), eq(secondFactors.userId, userId), isNotNull(secondFactors.confirmedAt)))
      .returning({ kind: secondFactors.kind });
    if (!gone.length) throw new NotFoundError();
    if (!(await hasSecondFactor(tx, userId))) await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    const ended = await endSessionsOf(tx, userId, actor!.sessionId);
    await auditAccountChange(tx, userId, userId, "account.factor.remove", { kind: gone[0]!.kind, sessionsEnded: ended });
  });
}

export const normaliseCode = (code: string) => code.replace(/[\s-]/g, "").toLowerCase();

const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
const recoveryHash = (userId: string, code: string) =>
  createHash("sha256")
    .update(`${userId}:${normaliseCode(code)}`, "utf8")
    .digest("base64url");

function newRecoveryCode(): string {
  // 16 characters of 31 (no 0/o, 1/i/l): about 79 bits, shown in groups of four.
  let out = "";
  while (out.length < 16) for (const b of randomBytes(16)) if (b < 248 && out.length < 16) out += ALPHABET[b % 31];
  return out.match(/.{4}/g)!.join("-");
}

/** Ten new recovery codes in place of any old ones, in the caller's transaction; returned once, kept as hashes. */
export async function replaceRecoveryCodes(tx: DbOrTx, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await tx.insert(recoveryCodes).values(codes.map((c) => ({ userId, codeHash: recoveryHash(userId, c) })));
  return codes;
}

/** New recovery codes for a person with a second factor; the old ones stop working. */
export async function renewRecoveryCodes(actor: Actor): Promise<string[]> {
  const userId = me(actor);
  const db = await getDb();
  return db.transaction(async (tx) => {
    if (!(await hasSecondFactor(tx, userId))) throw new PublicError("account.recovery.noFactor");
    const codes = await replaceRecoveryCodes(tx, userId);
    await auditAccountChange(tx, userId, userId, "account.recovery.renew");
    return codes;
  });
}

/**
 * Proves a second factor at login: a code from the app, or a recovery code (deleted as it is used, in one
 * statement). Returns how, or null.
 */
export async function proveSecondFactor(userId: string, code: string, now = new Date()): Promise<"totp" | "recovery" | null> {
  const db = await getDb();
  const typed = normaliseCode(code);
  if (/^\d{6}$/.test(typed)) {
    const factors = await db
      .select()
      .from(secondFactors)
      .where(and(eq(secondFactors.userId, userId), eq(secondFactors.kind, "totp"), isNotNull(secondFactors.confirmedAt)));
    for (const f of factors) if (await takeTotpCode(db, f, typed, now)) return "totp";
    return null;
  }
  if (typed.length !== 16) return null;
  return db.transaction(async (tx) => {
    const used = await tx
      .delete(recoveryCodes)
      .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, recoveryHash(userId, typed))))
      .returning({ userId: recoveryCodes.userId });
    if (!used.length || !(await hasSecondFactor(tx, userId))) return null;
    await auditAccountChange(tx, userId, userId, "account.recovery.use");
    return "recovery" as const;
  });
}
