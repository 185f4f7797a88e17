import "server-only";
import { and, eq, isNotNull, lt } from "drizzle-orm";
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransport,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { z } from "zod";
import { getDb, type DbOrTx } from "@/db/client";
import { passkeyChallenges, recoveryCodes, secondFactors, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { NotFoundError, PublicError } from "@/lib/errors";
import { siteOrigin } from "@/lib/mail/origin";
import * as rateLimit from "@/lib/rate-limit";
import { auditAccountChange } from "@/lib/audit/account-changes";
import { replaceRecoveryCodes } from "./factors";

// Passkeys (WebAuthn) as a second factor: proved after the password, like a code from an app. The relying party
// is the site's public address (PICKET_PUBLIC_URL), never the request's Host, so a look-alike host cannot ask for
// a signature that counts here. Credentials are discoverable: the login page asks for "a passkey of this site"
// without listing whose, so it reveals nothing about an address before its password is checked.

const CHALLENGE_SECONDS = 5 * 60;
// EdDSA, ES256 and RS256: what passkeys and security keys use. Named here so the library does not probe the
// runtime for experimental algorithms on every request.
const ALGORITHMS = [-8, -7, -257];
const TIMEOUT_MS = 2 * 60 * 1000;
/** Login challenges a client may ask for in the login window: enough for a crowded office, not for a flood. */
export const PASSKEY_OPTIONS_PER_CLIENT = 60;
const OPTIONS_WINDOW_SECONDS = 15 * 60;
export const PASSKEY_NAME_MAX = 60;

export function relyingParty(): { id: string; name: string; origin: string } {
  const origin = siteOrigin();
  return { id: new URL(origin).hostname, name: "Picket", origin };
}

function me(actor: Actor): string {
  if (!actor) throw new NotFoundError();
  return actor.userId;
}

/** Takes a challenge in one statement: it counts once, only for its purpose and person, and only until it expires. */
async function takeChallenge(db: DbOrTx, challenge: string, purpose: "register" | "login", userId: string | null, now: Date): Promise<boolean> {
  const taken = await db
    .delete(passkeyChallenges)
    .where(and(eq(passkeyChallenges.challenge, challenge), eq(passkeyChallenges.purpose, purpose)))
    .returning({ userId: passkeyChallenges.userId, expiresAt: passkeyChallenges.expiresAt });
  const row = taken[0];
  return Boolean(row) && row!.expiresAt > now && row!.userId === userId;
}

async function keepChallenge(db: DbOrTx, challenge: string, purpose: "register" | "login", userId: string | null, now: Date) {
  await db.insert(passkeyChallenges).values({ challenge, purpose, userId, createdAt: now, expiresAt: new Date(now.getTime() + CHALLENGE_SECONDS * 1000) });
}

/** Challenges nobody answered, forgotten by the housekeeping run. */
export async function purgeExpiredChallenges(now: Date, db: DbOrTx): Promise<number> {
  const gone = await db.delete(passkeyChallenges).where(lt(passkeyChallenges.expiresAt, now)).returning({ c: passkeyChallenges.challenge });
  return gone.length;
}

const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64url");
const uuidBytes = (id: string) => new Uint8Array(Buffer.from(id.replace(/-/g, ""), "hex"));

/** What the browser needs to create a passkey for this person; its challenge is kept for five minutes. */
export async function beginPasskey(actor: Actor, now = new Date()): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const userId = me(actor);
  const db = await getDb();
  const [user] = await db.select({ email: users.email, name: users.name }).from(users).where(eq(users.id, userId));
  if (!user) throw new NotFoundError();
  const existing = await db
    .select({ id: secondFactors.credentialId, transports: secondFactors.transports })
    .from(secondFactors)
    .where(and(eq(secondFactors.userId, userId), eq(secondFactors.kind, "passkey"), isNotNull(secondFactors.confirmedAt)));
  const rp = relyingParty();
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: user.email,
    userDisplayName: user.name,
    userID: uuidBytes(userId),
    timeout: TIMEOUT_MS,
    attestationType: "none",
    excludeCredentials: existing.map((c) => ({ id: c.id!, transports: (c.transports ?? undefined) as AuthenticatorTransport[] | undefined })),
    authenticatorSelection: { residentKey: "required", userVerification: "preferred" },
    supportedAlgorithmIDs: ALGORITHMS,
  });
  await keepChallenge(db, options.challenge, "register", userId, now);
  return options;
}

// The browser's answers, checked for shape before the library reads them; the library checks everything else.
const registrationShape = z
  .object({
    id: z.string().min(1).max(1024),
    rawId: z.string().min(1).max(1024),
    type: z.literal("public-key"),
    response: z
      .object({ clientDataJSON: z.string().max(8192), attestationObject: z.string().max(16384), transports: z.array(z.string().max(20)).max(10).optional() })
      .loose(),
    clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
  })
  .loose();

const authenticationShape = z
  .object({
    id: z.string().min(1).max(1024),
    rawId: z.string().min(1).max(1024),
    type: z.literal("public-key"),
    response: z
      .object({
        clientDataJSON: z.string().max(8192),
        authenticatorData: z.string().max(8192),
        signature: z.string().max(8192),
        userHandle: z.string().max(1024).optional(),
      })
      .loose(),
    clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
  })
  .loose();

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * Adds the passkey the browser created, after checking its answer against the challenge this person was given.
 * The person gets recovery codes if they had none (as with an authenticator app).
 */
export async function addPasskey(actor: Actor, responseJson: string, name: string, now = new Date()): Promise<{ recoveryCodes: string[] | null }> {
  const userId = me(actor);
  const parsed = registrationShape.safeParse(parseJson(responseJson));
  if (!parsed.success) throw new PublicError("account.passkey.failed");
  const rp = relyingParty();
  const db = await getDb();
  // Checked before the transaction, with the challenge taken for good: a failed answer uses it up too, and no
  // signature check runs while the transaction holds its locks.
  const result = await verifyRegistrationResponse({
    response: parsed.data as unknown as RegistrationResponseJSON,
    expectedChallenge: (challenge) => takeChallenge(db, challenge, "register", userId, now),
    expectedOrigin: rp.origin,
    expectedRPID: rp.id,
    requireUserVerification: false,
    supportedAlgorithmIDs: ALGORITHMS,
  }).catch(() => null);
  if (!result?.verified) throw new PublicError("account.passkey.failed");
  const { credential } = result.registrationInfo;
  return db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: secondFactors.id }).from(secondFactors).where(eq(secondFactors.credentialId, credential.id));
    if (taken) throw new PublicError("account.passkey.alreadyAdded");
    await tx.insert(secondFactors).values({
      userId,
      kind: "passkey",
      name: name.trim().slice(0, PASSKEY_NAME_MAX),
      credentialId: credential.id,
      publicKey: b64url(credential.publicKey),
      signCount: credential.counter,
      transports: credential.transports ?? null,
      confirmedAt: now,
      createdAt: now,
    });
    await auditAccountChange(tx, userId, userId, "account.factor.add", { kind: "passkey" });
    const [existing] = await tx.select({ id: recoveryCodes.userId }).from(recoveryCodes).where(eq(recoveryCodes.userId, userId)).limit(1);
    return { recoveryCodes: existing ? null : await replaceRecoveryCodes(tx, userId) };
  });
}

/**
 * A challenge for the login page, for any passkey of this site. Limited per client (the hashed address), so the
 * table cannot be flooded; null when the client has asked too often.
 */
export async function passkeyLoginOptions(client: string, now = new Date()): Promise<PublicKeyCredentialRequestOptionsJSON | null> {
  const allowed = await rateLimit.take("passkey:options:" + client, { limit: PASSKEY_OPTIONS_PER_CLIENT, seconds: OPTIONS_WINDOW_SECONDS }, now);
  if (!allowed.allowed) return null;
  const options = await generateAuthenticationOptions({ rpID: relyingParty().id, userVerification: "preferred", timeout: TIMEOUT_MS });
  await keepChallenge(await getDb(), options.challenge, "login", null, now);
  return options;
}

/**
 * Proves a passkey of this person at login: its signature over a challenge this site gave out and nobody used,
 * with a signature counter that moved on (a cloned authenticator is refused). True when it holds.
 */
export async function provePasskey(userId: string, responseJson: string, now = new Date()): Promise<boolean> {
  const parsed = authenticationShape.safeParse(parseJson(responseJson));
  if (!parsed.success) return false;
  const db = await getDb();
  const [factor] = await db
    .select()
    .from(secondFactors)
    .where(
      and(
        eq(secondFactors.userId, userId),
        eq(secondFactors.kind, "passkey"),
        eq(secondFactors.credentialId, parsed.data.id),
        isNotNull(secondFactors.confirmedAt),
      ),
    );
  if (!factor?.credentialId || !factor.publicKey) return false;
  const rp = relyingParty();
  const result = await verifyAuthenticationResponse({
    response: parsed.data as unknown as AuthenticationResponseJSON,
    expectedChallenge: (challenge) => takeChallenge(db, challenge, "login", null, now),
    expectedOrigin: rp.origin,
    expectedRPID: rp.id,
    credential: {
      id: factor.credentialId,
      publicKey: new Uint8Array(Buffer.from(factor.publicKey, "base64url")),
      counter: factor.signCount ?? 0,
      transports: (factor.transports ?? undefined) as AuthenticatorTransport[] | undefined,
    },
    requireUserVerification: false,
  }).catch(() => null);
  if (!result?.verified) return false;
  // The counter moves on in one statement: two logins racing with the same signature cannot both count.
  const counter = factor.signCount ?? 0;
  const moved = await db
    .update(secondFactors)
    .set({ signCount: result.authenticationInfo.newCounter, lastUsedAt: now })
    .where(and(eq(secondFactors.id, factor.id), eq(secondFactors.signCount, counter)))
    .returning({ id: secondFactors.id });
  return moved.length === 1;
}
