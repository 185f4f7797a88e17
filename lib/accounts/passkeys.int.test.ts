import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { closeTestDatabase, makeOrg, openTestDatabase, unique } from "@/db/testing";
import type { DbHandle } from "@/db/client";
import { auditLog, memberships, passkeyChallenges, secondFactors } from "@/db/schema";
import { clientKey } from "@/lib/security/client";
import { PublicError } from "@/lib/errors";
import { runHousekeeping } from "@/lib/retention/housekeeping";
import { authenticate, LOGIN_FAILURES_PER_ACCOUNT } from "./accounts";
import { listFactors, removeFactor } from "./factors";
import { addPasskey, beginPasskey, PASSKEY_OPTIONS_PER_CLIENT, passkeyLoginOptions, relyingParty } from "./passkeys";
import { registerAccount } from "./registration";
import { registerSchema } from "./schemas";
import { createSession } from "./sessions";

// A software authenticator that speaks WebAuthn as a browser and a security key would: ES256 keys, "none"
// attestation, a signature counter. The server's checks are the library's and ours, against real bytes.

const secret = "test-secret-test-secret-test-secret";
let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(closeTestDatabase);

const b64 = (bytes: Uint8Array | Buffer) => Buffer.from(bytes).toString("base64url");
const sha256 = (data: Buffer | string) => createHash("sha256").update(data).digest();

function cborHead(major: number, length: number): Buffer {
  if (length < 24) return Buffer.from([(major << 5) | length]);
  if (length < 256) return Buffer.from([(major << 5) | 24, length]);
  return Buffer.from([(major << 5) | 25, length >> 8, length & 255]);
}

type Cbor = number | string | Buffer | Map<number | string, Cbor>;
function cbor(value: Cbor): Buffer {
  if (typeof value === "number") return value >= 0 ? cborHead(0, value) : cborHead(1, -1 - value);
  if (typeof value === "string") return Buffer.concat([cborHead(3, Buffer.byteLength(value)), Buffer.from(value)]);
  if (Buffer.isBuffer(value)) return Buffer.concat([cborHead(2, value.length), value]);
  const parts = [cborHead(5, value.size)];
  for (const [k, v] of value) parts.push(cbor(k), cbor(v));
  return Buffer.concat(parts);
}

class SoftAuthenticator {
  readonly credentialId = randomBytes(32);
  private readonly keys = generateKeyPairSync("ec", { namedCurve: "P-256" });
  private counter = 0;
  constructor(
    private readonly origin: string,
    private readonly rpId: string,
  ) {}

  private authData(flags: number, attested?: Buffer): Buffer {
    const count = Buffer.alloc(4);
    count.writeUInt32BE(this.counter);
    return Buffer.concat([sha256(this.rpId), Buffer.from([flags]), count, ...(attested ? [attested] : [])]);
  }

  private clientData(type: string, challenge: string, origin = this.origin): Buffer {
    return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
  }

  /** The answer to navigator.credentials.create() for these options. */
  create(options: { challenge: string }, origin?: string): string {
    const jwk = this.keys.publicKey.export({ format: "jwk" });
    const cose = cbor(
      new Map<number, Cbor>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, Buffer.from(jwk.x!, "base64url")],
        [-3, Buffer.from(jwk.y!, "base64url")],
      ]),
    );
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(this.credentialId.length);
    const attested = Buffer.concat([Buffer.alloc(16), idLength, this.credentialId, cose]);
    const attestationObject = cbor(
      new Map<string, Cbor>([
        ["fmt", "none"],
        ["attStmt", new Map()],
        ["authData", this.authData(0x45, attested)],
      ]),
    );
    return JSON.stringify({
      id: b64(this.credentialId),
      rawId: b64(this.credentialId),
      type: "public-key",
      response: {
        clientDataJSON: b64(this.clientData("webauthn.create", options.challenge, origin)),
        attestationObject: b64(attestationObject),
        transports: ["internal"],
      },
      clientExtensionResults: {},
    });
  }

  /** The answer to navigator.credentials.get(): a signature over the challenge, the counter one higher. */
  get(options: { challenge: string }, { key = this.keys.privateKey, origin }: { key?: KeyObject; origin?: string } = {}): string {
    this.counter += 1;
    const authenticatorData = this.authData(0x05);
    const clientDataJSON = this.clientData("webauthn.get", options.challenge, origin);
    const signature = sign("sha256", Buffer.concat([authenticatorData, sha256(clientDataJSON)]), { key, dsaEncoding: "der" });
    return JSON.stringify({
      id: b64(this.credentialId),
      rawId: b64(this.credentialId),
      type: "public-key",
      response: { clientDataJSON: b64(clientDataJSON), authenticatorData: b64(authenticatorData), signature: b64(signature) },
      clientExtensionResults: {},
    });
  }
}

const password = "correct horse battery";
const client = (ip: string) => clientKey(new Headers({ "x-forwarded-for": ip }), secret);

async function person() {
  const email = `${unique("passkey")}@test.example`;
  const account = await registerAccount(registerSchema.parse({ name: "Ana", email, password }));
  const sessionId = await createSession(account.id, "Firefox on Android", "password");
  return { ...account, actor: { userId: account.id, sessionId } };
}

async function withPasskey() {
  const me = await person();
  const rp = relyingParty();
  const key = new SoftAuthenticator(rp.origin, rp.id);
  const { recoveryCodes } = await addPasskey(me.actor, key.create(await beginPasskey(me.actor)), "Phone");
  return { me, key, recoveryCodes };
}

const login = (email: string, passkey: string, ip = "203.0.113.50", pw = password) => authenticate({ email, password: pw, passkey }, client(ip), secret);

describe("passkeys", () => {
  it("a passkey is added for the challenge its person was given, named, audited, with recovery codes", async () => {
    const me = await person();
    const { org } = await makeOrg(handle, { owner: 0 });
    await handle.db.insert(memberships).values({ orgId: org.id, userId: me.id, role: "coordinator" });
    const rp = relyingParty();
    const key = new SoftAuthenticator(rp.origin, rp.id);
    const options = await beginPasskey(me.actor);
    expect(options.rp.id).toBe(rp.id);
    expect(options.authenticatorSelection?.residentKey).toBe("required");

    const { recoveryCodes } = await addPasskey(me.actor, key.create(options), "  Phone  ");
    expect(recoveryCodes).toHaveLength(10);
    const { factors } = await listFactors(me.actor);
    expect(factors.map((f) => [f.kind, f.name])).toEqual([["passkey", "Phone"]]);
    const [stored] = await handle.db.select().from(secondFactors).where(eq(secondFactors.userId, me.id));
    expect(stored).toMatchObject({ credentialId: b64(key.credentialId), signCount: 0 });
    const [entry] = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "account.factor.add"), eq(auditLog.actorId, me.id)));
    expect(entry).toMatchObject({ orgId: org.id, details: { kind: "passkey", userId: me.id } });
    // The challenge was used up: the same answer again adds nothing.
    await expect(addPasskey(me.actor, key.create(options), "Again")).rejects.toThrow(PublicError);
  });

  it("an answer to someone else's challenge, from another site, or unreadable, adds nothing", async () => {
    const [a, b] = [await person(), await person()];
    const rp = relyingParty();
    const key = new SoftAuthenticator(rp.origin, rp.id);
    const forA = await beginPasskey(a.actor);
    await expect(addPasskey(b.actor, key.create(forA), "")).rejects.toMatchObject({ messageKey: "account.passkey.failed" });
    await expect(addPasskey(a.actor, key.create(await beginPasskey(a.actor), "https://picket.example.evil"), "")).rejects.toMatchObject({
      messageKey: "account.passkey.failed",
    });
    const lookalike = new SoftAuthenticator(rp.origin, "evil.example");
    await expect(addPasskey(a.actor, lookalike.create(await beginPasskey(a.actor)), "")).rejects.toMatchObject({ messageKey: "account.passkey.failed" });
    await expect(addPasskey(a.actor, "{not json", "")).rejects.toMatchObject({ messageKey: "account.passkey.failed" });
    await expect(addPasskey(a.actor, "", "")).rejects.toMatchObject({ messageKey: "account.passkey.failed" });
    expect((await listFactors(a.actor)).factors).toEqual([]);
    expect((await listFactors(b.actor)).factors).toEqual([]);
  });

  it("logs in with the password and a passkey; the signature counts once and the counter moves on", async () => {
    const { me, key } = await withPasskey();
    expect(await authenticate({ email: me.email, password }, client("203.0.113.51"), secret)).toEqual({ ok: false, reason: "codeRequired" });

    const options = await passkeyLoginOptions(client("203.0.113.51"));
    const answer = key.get(options!);
    const result = await login(me.email, answer);
    expect(result).toMatchObject({ ok: true, method: "passkey", account: { id: me.id } });
    const [stored] = await handle.db.select().from(secondFactors).where(eq(secondFactors.userId, me.id));
    expect(stored!.signCount).toBe(1);
    expect(stored!.lastUsedAt).not.toBeNull();

    // The same answer again: its challenge is gone.
    expect(await login(me.email, answer)).toEqual({ ok: false, reason: "wrongCode" });
    // A passkey without the password gets nothing.
    expect(await login(me.email, key.get((await passkeyLoginOptions(client("203.0.113.51")))!), "203.0.113.51", "wrong password")).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("refuses another account's passkey, a forged signature, another site's origin and an unknown challenge", async () => {
    const { me, key } = await withPasskey();
    const { key: othersKey } = await withPasskey();
    const fresh = async () => (await passkeyLoginOptions(client("203.0.113.52")))!;
    expect(await login(me.email, othersKey.get(await fresh()))).toEqual({ ok: false, reason: "wrongCode" });
    expect(await login(me.email, key.get(await fresh(), { key: generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey }))).toEqual({
      ok: false,
      reason: "wrongCode",
    });
    expect(await login(me.email, key.get(await fresh(), { origin: "https://picket.example.evil" }))).toEqual({ ok: false, reason: "wrongCode" });
    expect(await login(me.email, key.get({ challenge: b64(randomBytes(32)) }))).toEqual({ ok: false, reason: "wrongCode" });
    expect(await login(me.email, "{}")).toEqual({ ok: false, reason: "wrongCode" });
    // Its own, after all that, still works.
    expect(await login(me.email, key.get(await fresh()))).toMatchObject({ ok: true, method: "passkey" });
  });

  it("a challenge left unanswered past five minutes no longer counts, and housekeeping forgets it", async () => {
    const { me, key } = await withPasskey();
    const then = new Date(Date.now() - 6 * 60 * 1000);
    const stale = await passkeyLoginOptions(client("203.0.113.53"), then);
    expect(await login(me.email, key.get(stale!))).toEqual({ ok: false, reason: "wrongCode" });
    const old = await passkeyLoginOptions(client("203.0.113.53"), then);
    const before = await handle.db.select().from(passkeyChallenges).where(eq(passkeyChallenges.challenge, old!.challenge));
    expect(before).toHaveLength(1);
    const result = await runHousekeeping();
    expect(result.challenges).toBeGreaterThanOrEqual(1);
    expect(await handle.db.select().from(passkeyChallenges).where(eq(passkeyChallenges.challenge, old!.challenge))).toEqual([]);
  });

  it("a flood of wrong passwords does not lock out the person who has the passkey", async () => {
    const { me, key } = await withPasskey();
    for (let i = 0; i < LOGIN_FAILURES_PER_ACCOUNT + 2; i++) await authenticate({ email: me.email, password: "guess " + i }, client("198.51.100.9"), secret);
    expect((await authenticate({ email: me.email, password }, client("203.0.113.54"), secret)).ok).toBe(false);
    const options = await passkeyLoginOptions(client("203.0.113.54"));
    expect(await login(me.email, key.get(options!), "203.0.113.54")).toMatchObject({ ok: true, method: "passkey" });
  });

  it("a client that asks for challenges too often is told no; others are not", async () => {
    const now = new Date();
    for (let i = 0; i < PASSKEY_OPTIONS_PER_CLIENT; i++) expect(await passkeyLoginOptions(client("192.0.2.77"), now)).not.toBeNull();
    expect(await passkeyLoginOptions(client("192.0.2.77"), now)).toBeNull();
    expect(await passkeyLoginOptions(client("192.0.2.78"), now)).not.toBeNull();
  });

  it("removing the passkey ends two-step login and the recovery codes with it", async () => {
    const { me } = await withPasskey();
    const [factor] = (await listFactors(me.actor)).factors;
    await removeFactor(me.actor, factor!.id);
    expect(await listFactors(me.actor)).toEqual({ factors: [], recoveryCodesLeft: 0 });
    expect(await authenticate({ email: me.email, password }, client("203.0.113.55"), secret)).toMatchObject({ ok: true, method: "password" });
  });
});
