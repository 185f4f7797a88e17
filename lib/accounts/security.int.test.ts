import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { generate } from "otplib";
import { closeTestDatabase, makeOrg, openTestDatabase, unique } from "@/db/testing";
import type { DbHandle } from "@/db/client";
import {
  accountSessions,
  auditLog,
  memberships,
  outbox,
  passwordResets,
  pendingRegistrations,
  recoveryCodes as recoveryCodesTable,
  secondFactors,
  users,
} from "@/db/schema";
import { clientKey } from "@/lib/security/client";
import { hashToken } from "@/lib/security/tokens";
import { openMessages } from "@/lib/mail/sealed-mail";
import { removeMember } from "@/lib/orgs/members";
import { requireRole } from "@/lib/orgs/authz";
import { SecondFactorRequiredError } from "@/lib/errors";
import { authenticate, LOGIN_FAILURES_PER_ACCOUNT } from "./accounts";
import { beginTotp, confirmTotp, listFactors, proveSecondFactor, removeFactor } from "./factors";
import { changePassword, requestPasswordReset, resetLinkWorks, resetPassword, RESET_VALID_MINUTES } from "./password";
import { setSecondFactorRequired } from "./policy";
import { confirmRegistration, registerAccount, requestRegistration } from "./registration";
import { registerSchema } from "./schemas";
import { createSession, deleteSession, endMemberSessions, endOtherSessions, listSessions, sessionIsLive } from "./sessions";

const secret = "test-secret-test-secret-test-secret";
let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(closeTestDatabase);

const client = (ip: string) => clientKey(new Headers({ "x-forwarded-for": ip }), secret);
const password = "correct horse battery";

async function person() {
  const email = `${unique("person")}@test.example`;
  const account = await registerAccount(registerSchema.parse({ name: "Ana", email, password }));
  return { ...account, password };
}

async function loggedIn(userId: string, n = 1, now = new Date()) {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push(await createSession(userId, "Firefox on Android", "password", now));
  return ids;
}

/** Sets up an authenticator app at `now`; returns its secret and the recovery codes. */
async function withTotp(userId: string, sessionId: string, now: Date) {
  const actor = { userId, sessionId };
  const { secret: totpSecret } = await beginTotp(actor, now);
  const code = await generate({ secret: totpSecret, epoch: Math.floor(now.getTime() / 1000) });
  const { recoveryCodes } = await confirmTotp(actor, code, now);
  return { totpSecret, recoveryCodes: recoveryCodes! };
}

const codeAt = (totpSecret: string, at: Date) => generate({ secret: totpSecret, epoch: Math.floor(at.getTime() / 1000) });

const audits = (userId: string, action: string) =>
  handle.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.actorId, userId)));

describe("sessions", () => {
  it("a login stands until its row is gone; signing out everywhere else keeps only this one, audited", async () => {
    const me = await person();
    const { org } = await makeOrg(handle, { owner: 0 });
    await handle.db.insert(memberships).values({ orgId: org.id, userId: me.id, role: "organizer" });
    const [mine, phone, laptop] = await loggedIn(me.id, 3);
    expect(await sessionIsLive(phone!, me.id)).toBe(true);
    expect(await sessionIsLive(phone!, crypto.randomUUID())).toBe(false);

    expect(await endOtherSessions({ userId: me.id, sessionId: mine! })).toBe(2);
    expect(await sessionIsLive(phone!, me.id)).toBe(false);
    expect(await sessionIsLive(laptop!, me.id)).toBe(false);
    expect(await sessionIsLive(mine!, me.id)).toBe(true);
    const listed = await listSessions({ userId: me.id, sessionId: mine! });
    expect(listed.map((s) => [s.device, s.current])).toEqual([["Firefox on Android", true]]);
    const [entry] = await audits(me.id, "account.sessions.endOthers");
    expect(entry).toMatchObject({ orgId: org.id, details: { ended: 2, userId: me.id } });
    // Logging out ends the login's row.
    await deleteSession(mine!);
    expect(await sessionIsLive(mine!, me.id)).toBe(false);
  });

  it("a login unused for a week has ended", async () => {
    const me = await person();
    const then = new Date("2026-01-10T10:00:00Z");
    const [id] = await loggedIn(me.id, 1, then);
    expect(await sessionIsLive(id!, me.id, new Date("2026-01-16T10:00:00Z"))).toBe(true);
    expect(await sessionIsLive(id!, me.id, new Date("2026-01-23T10:00:01Z"))).toBe(false);
    expect(await handle.db.select().from(accountSessions).where(eq(accountSessions.id, id!))).toHaveLength(0);
  });

  it("an owner ends a member's logins; removing a member ends them too, in the same transaction as the removal", async () => {
    const { org, people } = await makeOrg(handle, { owner: 1, coordinator: 2 });
    const owner = { userId: people.owner[0]!.userId };
    const [a, b] = [people.coordinator[0]!.userId, people.coordinator[1]!.userId];
    const aSessions = await loggedIn(a, 2);
    const bSessions = await loggedIn(b, 1);
    expect(await endMemberSessions(owner, org.id, a)).toBe(2);
    for (const s of aSessions) expect(await sessionIsLive(s, a)).toBe(false);
    await expect(endMemberSessions({ userId: b }, org.id, a)).rejects.toThrow("errors.forbidden");

    await removeMember(owner, org.id, b);
    expect(await sessionIsLive(bSessions[0]!, b)).toBe(false);
    const removed = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.id), eq(auditLog.action, "member.remove")));
    expect(removed[0]?.details).toMatchObject({ userId: b, sessionsEnded: 1 });
  });

  it("changing the password ends every other login", async () => {
    const me = await person();
    const [mine, other] = await loggedIn(me.id, 2);
    await expect(changePassword({ userId: me.id, sessionId: mine! }, "not my password", "a brand new password")).rejects.toThrow(
      "account.password.wrongCurrent",
    );
    expect(await sessionIsLive(other!, me.id)).toBe(true);
    await changePassword({ userId: me.id, sessionId: mine! }, password, "a brand new password");
    expect(await sessionIsLive(other!, me.id)).toBe(false);
    expect(await sessionIsLive(mine!, me.id)).toBe(true);
    expect((await authenticate({ email: me.email, password: "a brand new password" }, client("198.51.100.9"), secret)).ok).toBe(true);
  });
});

describe("password reset by email", () => {
  it("one link, only its hash stored, once, for 30 minutes; the same answer for an unknown address", async () => {
    const me = await person();
    const [other] = await loggedIn(me.id, 1);
    const now = new Date("2026-02-01T09:00:00Z");
    expect(await requestPasswordReset(`${unique("nobody")}@test.example`, client("198.51.100.20"), "en", now)).toEqual({ ok: true });
    expect(await requestPasswordReset(me.email, client("198.51.100.20"), "en", now)).toEqual({ ok: true });

    const [row] = await handle.db.select().from(passwordResets).where(eq(passwordResets.userId, me.id));
    const [mail] = await openMessages(handle.db, await handle.db.select().from(outbox).where(eq(outbox.kind, "account_reset")), true).then((m) =>
      m.filter((x) => x.opened?.to === me.email),
    );
    const token = /\/reset\/([A-Za-z0-9_-]{43})/.exec(mail!.body!.text)![1]!;
    expect(row!.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(mail!.orgId).toBeNull();

    const late = new Date(now.getTime() + RESET_VALID_MINUTES * 60_000 + 1000);
    expect(await resetLinkWorks(token, late)).toBe(false);
    await expect(resetPassword(token, "password after expiry", late)).rejects.toThrow("account.reset.linkInvalid");

    const inTime = new Date(now.getTime() + (RESET_VALID_MINUTES - 1) * 60_000);
    expect(await resetLinkWorks(token, inTime)).toBe(true);
    await resetPassword(token, "the reset password", inTime);
    await expect(resetPassword(token, "a second use of it", inTime)).rejects.toThrow("account.reset.linkInvalid");
    expect(await sessionIsLive(other!, me.id)).toBe(false);
    expect((await authenticate({ email: me.email, password: "the reset password" }, client("198.51.100.21"), secret)).ok).toBe(true);
  });
});

describe("lockout", () => {
  it(`counts attempts before the password is checked: of 20 parallel guesses at most ${LOGIN_FAILURES_PER_ACCOUNT} reach the password`, async () => {
    const me = await person();
    const now = new Date("2026-03-05T10:00:00Z");
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => authenticate({ email: me.email, password: `guess ${i}` }, client(`203.0.113.${i + 1}`), secret, now)),
    );
    expect(results.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(LOGIN_FAILURES_PER_ACCOUNT);
    expect(results.filter((r) => !r.ok && r.reason === "rateLimited")).toHaveLength(20 - LOGIN_FAILURES_PER_ACCOUNT);
    // The right password alone is refused now...
    expect(await authenticate({ email: me.email, password }, client("203.0.113.99"), secret, now)).toMatchObject({ ok: false, reason: "rateLimited" });
  });

  it("a locked account still lets in a login that proves the second factor", async () => {
    const me = await person();
    const [mine] = await loggedIn(me.id, 1);
    const setup = new Date("2026-03-06T08:00:00Z");
    const { totpSecret } = await withTotp(me.id, mine!, setup);
    const now = new Date("2026-03-06T10:00:00Z");
    for (let i = 0; i < LOGIN_FAILURES_PER_ACCOUNT + 3; i++) await authenticate({ email: me.email, password: `guess ${i}` }, client("192.0.2.10"), secret, now);
    const fresh = client("192.0.2.11");
    expect(await authenticate({ email: me.email, password }, fresh, secret, now)).toMatchObject({ ok: false, reason: "rateLimited" });
    // A wrong code with the right password, or the right code with a wrong password, tells nothing more.
    expect(await authenticate({ email: me.email, password, code: "000000" }, fresh, secret, now)).toMatchObject({ ok: false, reason: "rateLimited" });
    expect(await authenticate({ email: me.email, password: "wrong", code: await codeAt(totpSecret, now) }, fresh, secret, now)).toMatchObject({
      ok: false,
      reason: "rateLimited",
    });
    const result = await authenticate({ email: me.email, password, code: await codeAt(totpSecret, now) }, fresh, secret, now);
    expect(result).toMatchObject({ ok: true, method: "totp" });
  });
});

describe("second factors", () => {
  it("TOTP: asked for after the right password, accepted once per code, refused when wrong", async () => {
    const me = await person();
    const [mine] = await loggedIn(me.id, 1);
    const setup = new Date("2026-04-01T12:00:00Z");
    const { totpSecret, recoveryCodes } = await withTotp(me.id, mine!, setup);
    expect(recoveryCodes).toHaveLength(10);
    const [row] = await handle.db.select().from(secondFactors).where(eq(secondFactors.userId, me.id));
    expect(row!.secret).not.toContain(totpSecret);
    expect(row!.secret!.startsWith("v1.")).toBe(true);

    const at = new Date("2026-04-01T12:10:00Z");
    const c = client("198.51.100.40");
    expect(await authenticate({ email: me.email, password }, c, secret, at)).toEqual({ ok: false, reason: "codeRequired" });
    expect(await authenticate({ email: me.email, password, code: "123456" }, c, secret, at)).toEqual({ ok: false, reason: "wrongCode" });
    const code = await codeAt(totpSecret, at);
    // Thirty seconds of drift either way are accepted.
    expect(await proveSecondFactor(me.id, await codeAt(totpSecret, new Date(at.getTime() - 90_000)), at)).toBeNull();
    expect(await authenticate({ email: me.email, password, code }, c, secret, at)).toMatchObject({ ok: true, method: "totp" });
    // The same code again, even at once and from elsewhere: refused.
    expect(await proveSecondFactor(me.id, code, at)).toBeNull();
    expect(await proveSecondFactor(me.id, await codeAt(totpSecret, new Date(at.getTime() + 30_000)), new Date(at.getTime() + 30_000))).toBe("totp");
  });

  it("recovery codes work once each and are stored only as hashes", async () => {
    const me = await person();
    const [mine] = await loggedIn(me.id, 1);
    const { recoveryCodes } = await withTotp(me.id, mine!, new Date("2026-04-02T12:00:00Z"));
    const stored = await handle.db.select().from(recoveryCodesTable).where(eq(recoveryCodesTable.userId, me.id));
    expect(stored).toHaveLength(10);
    expect(JSON.stringify(stored)).not.toContain(recoveryCodes[0]!.replace(/-/g, ""));
    const at = new Date("2026-04-02T13:00:00Z");
    expect(await proveSecondFactor(me.id, recoveryCodes[0]!.toUpperCase(), at)).toBe("recovery");
    expect(await proveSecondFactor(me.id, recoveryCodes[0]!, at)).toBeNull();
    expect((await listFactors({ userId: me.id })).recoveryCodesLeft).toBe(9);
    expect(await audits(me.id, "account.recovery.use")).toHaveLength(0); // no organisation: nothing to show an owner
  });

  it("removing a factor ends the other logins; an organisation may require one before anything opens", async () => {
    const { org, people } = await makeOrg(handle, { owner: 1, coordinator: 1 });
    const owner = { userId: people.owner[0]!.userId, sessionId: (await loggedIn(people.owner[0]!.userId))[0]! };
    const coordinator = { userId: people.coordinator[0]!.userId, sessionId: (await loggedIn(people.coordinator[0]!.userId))[0]! };
    await expect(setSecondFactorRequired(owner, org.id, true)).rejects.toThrow("account.policy.ownerNeedsFactor");
    await withTotp(owner.userId, owner.sessionId, new Date("2026-04-03T09:00:00Z"));
    await setSecondFactorRequired(owner, org.id, true);
    await expect(requireRole(coordinator, org.id, "coordinator")).rejects.toBeInstanceOf(SecondFactorRequiredError);
    expect(await requireRole(owner, org.id, "owner")).toMatchObject({ role: "owner" });

    await withTotp(coordinator.userId, coordinator.sessionId, new Date("2026-04-03T09:05:00Z"));
    expect(await requireRole(coordinator, org.id, "coordinator")).toMatchObject({ role: "coordinator" });
    const [elsewhere] = await loggedIn(coordinator.userId, 1);
    const { factors } = await listFactors(coordinator);
    await removeFactor(coordinator, factors[0]!.id);
    expect(await sessionIsLive(elsewhere!, coordinator.userId)).toBe(false);
    expect(await sessionIsLive(coordinator.sessionId, coordinator.userId)).toBe(true);
    await expect(requireRole(coordinator, org.id, "coordinator")).rejects.toBeInstanceOf(SecondFactorRequiredError);
    const [removed] = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.id), eq(auditLog.action, "account.factor.remove")));
    expect(removed?.details).toMatchObject({ kind: "totp", sessionsEnded: 1, userId: coordinator.userId });
  });
});

describe("registration", () => {
  it("answers the same whether or not the address has an account; the account exists once the emailed link is used, once", async () => {
    const taken = await person();
    const fresh = `${unique("new")}@test.example`;
    const now = new Date("2026-05-01T10:00:00Z");
    const c = client("198.51.100.60");
    const a = await requestRegistration(
      registerSchema.parse({ name: "Bo", email: fresh, password: "a good long password" }),
      c,
      "en",
      now,
      "/invite/some-link",
    );
    const b = await requestRegistration(registerSchema.parse({ name: "Bo", email: taken.email, password: "a good long password" }), c, "en", now);
    expect(a).toEqual(b);
    expect(await handle.db.select().from(users).where(eq(users.email, fresh))).toHaveLength(0);
    expect((await authenticate({ email: fresh, password: "a good long password" }, c, secret, now)).ok).toBe(false);

    const mails = await openMessages(handle.db, await handle.db.select().from(outbox).where(eq(outbox.kind, "account_registration")), true);
    const toFresh = mails.find((m) => m.opened?.to === fresh)!;
    const toTaken = mails.find((m) => m.opened?.to === taken.email)!;
    expect(toTaken.body!.text).toContain("already has one");
    const token = /\/register\/confirm\/([A-Za-z0-9_-]{43})/.exec(toFresh.body!.text)![1]!;
    const [pending] = await handle.db.select().from(pendingRegistrations).where(eq(pendingRegistrations.email, fresh));
    expect(pending!.tokenHash).toBe(hashToken(token));

    // After the link and the first login, the person goes where they were going (an invitation).
    expect(await confirmRegistration(token, new Date(now.getTime() + 60_000))).toEqual({ email: fresh, returnPath: "/invite/some-link" });
    await expect(confirmRegistration(token, new Date(now.getTime() + 120_000))).rejects.toThrow("account.register.linkInvalid");
    expect((await authenticate({ email: fresh, password: "a good long password" }, client("198.51.100.61"), secret, now)).ok).toBe(true);
  });

  it("is limited per client", async () => {
    const now = new Date("2026-05-02T10:00:00Z");
    const c = client("198.51.100.70");
    const results = [];
    for (let i = 0; i < 11; i++)
      results.push(
        await requestRegistration(registerSchema.parse({ name: "Cy", email: `${unique("r")}@test.example`, password: "a good long password" }), c, "en", now),
      );
    expect(results.slice(0, 10).every((r) => r.ok)).toBe(true);
    expect(results[10]).toEqual({ ok: false, reason: "rateLimited" });
  });
});
