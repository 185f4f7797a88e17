import { runHousekeeping } from "@/lib/retention/housekeeping";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeTestDatabase, openTestDatabase, unique } from "@/db/testing";
import type { DbHandle } from "@/db/client";
import { rateLimits, users } from "@/db/schema";
import { eq } from "drizzle-orm";
import { clientKey } from "@/lib/security/client";
import { authenticate, LOGIN_FAILURES_PER_ACCOUNT, LOGIN_FAILURES_PER_CLIENT, registerAccount } from "./accounts";
import { registerSchema } from "./schemas";

const secret = "test-secret-test-secret-test-secret";
let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(closeTestDatabase);

const headersFrom = (ip: string) => new Headers({ "x-forwarded-for": ip });

async function newAccount(password = "correct horse battery") {
  const email = `${unique("person")}@test.example`;
  await registerAccount(registerSchema.parse({ name: "Ana", email: `  ${email.toUpperCase()} `, password }));
  return { email, password };
}

describe("registration", () => {
  it("stores a normalised email and an argon2id hash, never the password", async () => {
    const { email, password } = await newAccount();
    const [row] = await handle.db.select().from(users).where(eq(users.email, email));
    expect(row?.email).toBe(email);
    expect(row?.passwordHash.startsWith("$argon2id$")).toBe(true);
    expect(row?.passwordHash).not.toContain(password);
  });

  it("refuses a second account for the same address, whatever its case", async () => {
    const { email } = await newAccount();
    await expect(registerAccount(registerSchema.parse({ name: "Bo", email: email.toUpperCase(), password: "another long one" }))).rejects.toThrow(
      "accounts.register.emailTaken",
    );
    expect(await handle.db.select().from(users).where(eq(users.email, email))).toHaveLength(1);
  });

  it("asks for at least ten characters", () => {
    const r = registerSchema.safeParse({ name: "Ana", email: "a@b.org", password: "short" });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe("validation.passwordTooShort");
  });
});

describe("login", () => {
  it("accepts the right password and refuses a wrong one", async () => {
    const { email, password } = await newAccount();
    const client = clientKey(headersFrom("198.51.100.1"), secret);
    expect((await authenticate({ email, password }, client, secret)).ok).toBe(true);
    expect(await authenticate({ email, password: "wrong password!" }, client, secret)).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticate({ email: "nobody@test.example", password }, client, secret)).toEqual({ ok: false, reason: "invalid" });
  });

  it(`pauses an account after ${LOGIN_FAILURES_PER_ACCOUNT} failures, even from many addresses and with the right password`, async () => {
    const { email, password } = await newAccount();
    const now = new Date("2026-03-01T12:01:00Z");
    for (let i = 0; i < LOGIN_FAILURES_PER_ACCOUNT; i++) {
      const client = clientKey(headersFrom(`203.0.113.${i}`), secret);
      expect((await authenticate({ email, password: "guess " + i }, client, secret, now)).ok).toBe(false);
    }
    const fresh = clientKey(headersFrom("203.0.113.200"), secret);
    const refused = await authenticate({ email, password }, fresh, secret, now);
    expect(refused).toMatchObject({ ok: false, reason: "rateLimited" });
    // The pause slides: a moment before the time it names the account is still paused, at that time the owner gets in.
    const retryAt = (refused as { retryAt: Date }).retryAt;
    expect(retryAt.getTime()).toBeGreaterThan(now.getTime() + 15 * 60_000);
    expect(await authenticate({ email, password }, fresh, secret, new Date(retryAt.getTime() - 1000))).toMatchObject({ ok: false, reason: "rateLimited" });
    expect((await authenticate({ email, password }, fresh, secret, retryAt)).ok).toBe(true);
  });

  it(`pauses one client after ${LOGIN_FAILURES_PER_CLIENT} failures across accounts; others are unaffected`, async () => {
    const now = new Date("2026-04-01T08:00:00Z");
    const attacker = clientKey(headersFrom("192.0.2.66"), secret);
    for (let i = 0; i < LOGIN_FAILURES_PER_CLIENT; i++) {
      await authenticate({ email: `${unique("victim")}@test.example`, password: "guess" }, attacker, secret, now);
    }
    const { email, password } = await newAccount();
    expect(await authenticate({ email, password }, attacker, secret, now)).toMatchObject({ ok: false, reason: "rateLimited" });
    const someoneElse = clientKey(headersFrom("192.0.2.67"), secret);
    expect((await authenticate({ email, password }, someoneElse, secret, now)).ok).toBe(true);
  });

  it(`counts only failures against a client: people behind one address log in more than ${LOGIN_FAILURES_PER_CLIENT} times`, async () => {
    const now = new Date("2026-04-02T08:00:00Z");
    const office = clientKey(headersFrom("192.0.2.70"), secret);
    const { email, password } = await newAccount();
    for (let i = 0; i < LOGIN_FAILURES_PER_CLIENT + 10; i++) expect((await authenticate({ email, password }, office, secret, now)).ok).toBe(true);
    expect(await authenticate({ email: `${unique("victim")}@test.example`, password: "guess" }, office, secret, now)).toEqual({ ok: false, reason: "invalid" });
  });

  it("keeps client addresses only as keyed hashes, and only for their window", async () => {
    const ip = "198.51.100.77";
    const now = new Date("2026-05-01T09:00:00Z");
    await authenticate({ email: "nobody@test.example", password: "x" }, clientKey(headersFrom(ip), secret), secret, now);
    const rows = await handle.db.select().from(rateLimits);
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain(ip);
    expect(JSON.stringify(rows)).not.toContain("nobody@test.example");
    // The hourly purge, once the rows count nothing any more, forgets them.
    const later = new Date(now.getTime() + 60 * 60_000);
    expect((await runHousekeeping(later)).limits).toBeGreaterThan(0);
    const remaining = await handle.db.select().from(rateLimits);
    expect(remaining.every((r) => r.expiresAt > later)).toBe(true);
  });
});
