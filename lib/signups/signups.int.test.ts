import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { events, outbox, signups } from "@/db/schema";
import { closeTestDatabase, makeEvent, openWithOrg, unique } from "@/db/testing";
import { messagesTo, openedMessages, signupOf, signupsOf } from "@/db/testing/sealed";
import { issueManageLink } from "./links";
import { cancelSignup, changeSignupRole, eraseSignup, getSignupByToken } from "./manage";
import { signupSchema, type NamedSignupInput } from "./schemas";
import { signUp } from "./signups";

let handle: DbHandle;
let orgId: string;
beforeAll(async () => {
  ({
    handle,
    org: { id: orgId },
  } = await openWithOrg());
});
afterAll(closeTestDatabase);

const person = (name = "Ana", extra: Record<string, string> = {}) => signupSchema.parse({ name, email: `${unique("p")}@test.example`, ...extra });
const ctx = () => ({ client: unique("client"), locale: "en" });

/** The private link a sign-up's email would carry: made the way the mail worker makes it when it sends one. */
async function linkOf(eventId: string, input: NamedSignupInput): Promise<string> {
  const row = await signupOf(handle, input.email, eventId);
  const token = await issueManageLink(handle.db, row.id);
  if (!token) throw new Error("no link for an erased sign-up");
  return token;
}

async function statuses(eventId: string) {
  const rows = await handle.db.select({ status: signups.status }).from(signups).where(eq(signups.eventId, eventId));
  const counts = { confirmed: 0, waitlisted: 0, cancelled: 0, requested: 0, declined: 0 };
  for (const r of rows) counts[r.status]++;
  const [e] = await handle.db.select().from(events).where(eq(events.id, eventId));
  return { ...counts, confirmedCount: e!.confirmedCount, waitlistedCount: e!.waitlistedCount, requestedCount: e!.requestedCount };
}

describe("capacity and the waitlist", () => {
  it("200 parallel sign-ups for 20 places: exactly 20 confirmed, 180 waitlisted in arrival order", async () => {
    const { event } = await makeEvent(handle, orgId, { capacity: 20, waitlist: true });
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => signUp(event.id, person(`P${i}`), ctx())));
    expect(results.filter((r) => r.outcome === "confirmed")).toHaveLength(20);
    const waitlisted = results.filter((r) => r.outcome === "waitlisted");
    expect(waitlisted).toHaveLength(180);
    expect(waitlisted.map((r) => (r.outcome === "waitlisted" ? r.position : 0)).sort((a, b) => a - b)).toEqual(Array.from({ length: 180 }, (_, i) => i + 1));
    expect(await statuses(event.id)).toEqual({
      confirmed: 20,
      waitlisted: 180,
      cancelled: 0,
      requested: 0,
      declined: 0,
      confirmedCount: 20,
      waitlistedCount: 180,
      requestedCount: 0,
    });
    // Two hundred sealed sign-ups, each its own transaction on one locked event row: on two busy cores, tens of seconds.
  }, 180_000);

  it("without a waitlist, the person after the last place is told the event is full", async () => {
    const { event } = await makeEvent(handle, orgId, { capacity: 2, waitlist: false });
    await signUp(event.id, person(), ctx());
    await signUp(event.id, person(), ctx());
    await expect(signUp(event.id, person(), ctx())).rejects.toThrow("signups.closed.full");
    expect(await statuses(event.id)).toMatchObject({ confirmed: 2, waitlisted: 0 });
  });

  it("a cancellation promotes the first waitlisted; erasing does too", async () => {
    const { campaign, event } = await makeEvent(handle, orgId, { capacity: 1, waitlist: true });
    const people = [person("First"), person("Second"), person("Third")];
    const outcomes = [];
    for (const p of people) outcomes.push(await signUp(event.id, p, ctx()));
    expect(outcomes).toEqual([
      { outcome: "confirmed", stored: true },
      { outcome: "waitlisted", position: 1, stored: true },
      { outcome: "waitlisted", position: 2, stored: true },
    ]);
    const [first, second, third] = await Promise.all(people.map((p) => linkOf(event.id, p)));

    await cancelSignup(first!);
    expect((await getSignupByToken(second!))?.status).toBe("confirmed");
    expect((await getSignupByToken(third!))?.position).toBe(1);

    // Erased, the person is taken back to the event's public page.
    expect(await eraseSignup(second!)).toEqual({ campaign: campaign.slug, event: event.slug });
    expect(await getSignupByToken(second!)).toBeNull();
    expect((await getSignupByToken(third!))?.status).toBe("confirmed");
    expect(await statuses(event.id)).toMatchObject({ confirmed: 1, waitlisted: 0, cancelled: 2, confirmedCount: 1, waitlistedCount: 0 });
  });
});

describe("one sign-up per event and email", () => {
  it("10 identical parallel submissions make one row, and all ten get the same answer", async () => {
    const { event } = await makeEvent(handle, orgId);
    const same = person("Twin");
    const results = await Promise.all(Array.from({ length: 10 }, () => signUp(event.id, { ...same, email: same.email.toUpperCase().toLowerCase() }, ctx())));
    expect(results.map(({ outcome }) => outcome)).toEqual(Array(10).fill("confirmed"));
    expect(results.filter((r) => r.stored)).toHaveLength(1);
    expect(await statuses(event.id)).toMatchObject({ confirmed: 1, confirmedCount: 1 });
  });

  it("a second sign-up is answered as a first one would be, changes nothing, and emails the address a new link", async () => {
    const { event } = await makeEvent(handle, orgId);
    const original = person("Original", { phone: "+44 20 7946 0000" });
    const first = await signUp(event.id, original, ctx());
    const again = await signUp(event.id, signupSchema.parse({ name: "Impostor", email: ` ${original.email.toUpperCase()} ` }), ctx());
    const stranger = await signUp(event.id, person("Stranger"), ctx());
    expect([first, again, stranger].map(({ stored: _stored, ...answer }) => answer)).toEqual([
      { outcome: "confirmed" },
      { outcome: "confirmed" },
      { outcome: "confirmed" },
    ]);
    const rows = await signupsOf(handle, original.email, eq(signups.eventId, event.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.person?.name).toBe("Original");
    const mail = await messagesTo(handle, original.email, eq(outbox.eventId, event.id));
    expect(mail.map((m) => m.kind).sort()).toEqual(["signup_confirmed", "signup_link"]);
    // The impostor's name is nowhere in what the address receives.
    expect(mail.map((m) => m.body?.text).join("\n")).not.toContain("Impostor");
  });

  it("on a full event with a waitlist, an address already confirmed is answered with the next waitlist place, like anyone new", async () => {
    const { event } = await makeEvent(handle, orgId, { capacity: 1, waitlist: true });
    const confirmed = person("Early");
    await signUp(event.id, confirmed, ctx());
    await signUp(event.id, person("Waiting"), ctx());
    const again = await signUp(event.id, confirmed, ctx());
    const newcomer = await signUp(event.id, person("Newcomer"), ctx());
    expect(again).toEqual({ outcome: "waitlisted", position: 2, stored: false });
    expect(newcomer).toEqual({ outcome: "waitlisted", position: 2, stored: true });
  });

  it("the link is emailed again at most once an hour", async () => {
    const { event } = await makeEvent(handle, orgId);
    const p = person("Often");
    const start = new Date();
    await signUp(event.id, p, { ...ctx(), now: start });
    for (const minutes of [1, 30, 59, 61]) await signUp(event.id, p, { ...ctx(), now: new Date(start.getTime() + minutes * 60_000) });
    const resent = await messagesTo(handle, p.email, and(eq(outbox.eventId, event.id), eq(outbox.kind, "signup_link")));
    expect(resent).toHaveLength(2);
  });
});

describe("when sign-ups are closed", () => {
  it.each([
    ["cancelled", { status: "cancelled" as const }, "published", "signups.closed.cancelled"],
    ["past", { startsAt: new Date("2012-07-20T10:00:00Z"), endsAt: new Date("2012-07-20T12:00:00Z") }, "published", "signups.closed.past"],
    ["after the deadline", { signupDeadline: new Date(Date.now() - 60_000) }, "published", "signups.closed.deadline"],
    ["archived campaign", {}, "archived", "signups.closed.archived"],
    ["draft campaign", {}, "draft", "errors.notFound"],
  ] as const)("%s: refused, nothing stored", async (_label, overrides, campaignStatus, message) => {
    const { event } = await makeEvent(handle, orgId, overrides, campaignStatus);
    await expect(signUp(event.id, person(), ctx())).rejects.toThrow(message);
    expect(await handle.db.select().from(signups).where(eq(signups.eventId, event.id))).toHaveLength(0);
  });

  it("a role the event does not ask for is refused next to the field", async () => {
    const { event } = await makeEvent(handle, orgId);
    const err = await signUp(event.id, person("A", { role: "general" }), ctx()).catch((e) => e);
    expect(err.field).toBe("role");
  });

  it("the honeypot stores nothing, and the bot is answered like anyone", async () => {
    const { event } = await makeEvent(handle, orgId);
    expect(await signUp(event.id, person("Bot", { website: "http://spam.example" }), ctx())).toEqual({ outcome: "confirmed", stored: false });
    expect(await handle.db.select().from(signups).where(eq(signups.eventId, event.id))).toHaveLength(0);
    expect(await handle.db.select().from(outbox).where(eq(outbox.eventId, event.id))).toHaveLength(0);
  });
});

describe("the private link", () => {
  it("exists only as a hash: a sign-up stores none and its confirmation holds a placeholder", async () => {
    const { event } = await makeEvent(handle, orgId);
    const p = person("Dana", { role: "steward" });
    await signUp(event.id, p, ctx());
    const [row] = await handle.db.select().from(signups).where(eq(signups.eventId, event.id));
    expect(row!.manageTokenHash).toBeNull();
    const [mail] = await openedMessages(handle, eq(outbox.signupId, row!.id));
    expect(mail!.body?.text).toContain("{{picket:private-link}}");
    expect(mail!.body?.text).not.toMatch(/\/s\/[A-Za-z0-9_-]{20,}/);
  });

  it("shows, changes role and cancels from the link; a new link makes the old one stop working", async () => {
    const { event } = await makeEvent(handle, orgId);
    const p = person("Dana", { role: "steward" });
    await signUp(event.id, p, ctx());
    const token = await linkOf(event.id, p);
    expect(token.length).toBeGreaterThanOrEqual(43); // 256 bits, base64url
    const [row] = await handle.db.select().from(signups).where(eq(signups.eventId, event.id));
    expect(JSON.stringify(row)).not.toContain(token);
    await changeSignupRole(token, "observer");
    expect((await getSignupByToken(token))?.role).toBe("observer");
    const newer = await linkOf(event.id, p);
    expect(await getSignupByToken(token)).toBeNull();
    await cancelSignup(newer);
    expect((await getSignupByToken(newer))?.status).toBe("cancelled");
  });

  it("erasing removes every personal field at once and keeps its times only to the hour", async () => {
    const { event } = await makeEvent(handle, orgId);
    const p = person("Erin", { phone: "+48 22 000 00 00", comment: "I bring a banner" });
    const at = new Date("2026-12-06T17:42:13.456Z");
    await signUp(event.id, p, { ...ctx(), now: at });
    await eraseSignup(await linkOf(event.id, p), new Date("2026-12-06T18:05:59.001Z"));
    const [row] = await handle.db.select().from(signups).where(eq(signups.eventId, event.id));
    expect(row).toMatchObject({ personal: null, emailHash: null, manageTokenHash: null, status: "cancelled" });
    expect([row!.createdAt, row!.cancelledAt, row!.erasedAt, row!.updatedAt].map((d) => d?.toISOString())).toEqual([
      "2026-12-06T17:00:00.000Z",
      "2026-12-06T18:00:00.000Z",
      "2026-12-06T18:00:00.000Z",
      "2026-12-06T18:00:00.000Z",
    ]);
  });

  it("100 different people behind one address within minutes all get in", async () => {
    const { event } = await makeEvent(handle, orgId);
    const venueWifi = { client: unique("venue-wifi"), locale: "en" };
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => signUp(event.id, person(`Guest ${i}`), venueWifi)));
    expect(results.every((r) => r.outcome === "confirmed")).toBe(true);
  });
});
