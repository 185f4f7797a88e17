import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { events, signups } from "@/db/schema";
import { closeTestDatabase, makeEvent, makeOrg, openTestDatabase, unique } from "@/db/testing";
import { signupSchema } from "./schemas";
import { cancelSignup, changeSignupRole, eraseSignup, getSignupByToken, signUp } from "./signups";

let handle: DbHandle;
let orgId: string;
beforeAll(async () => {
  handle = await openTestDatabase();
  orgId = (await makeOrg(handle)).org.id;
});
afterAll(closeTestDatabase);

const person = (name = "Ana", extra: Record<string, string> = {}) =>
  signupSchema.parse({ name, email: `${unique("p")}@test.example`, ...extra });
const ctx = () => ({ client: unique("client"), locale: "en" });

async function statuses(eventId: string) {
  const rows = await handle.db.select({ status: signups.status }).from(signups).where(eq(signups.eventId, eventId));
  const counts = { confirmed: 0, waitlisted: 0, cancelled: 0 };
  for (const r of rows) counts[r.status]++;
  const [e] = await handle.db.select().from(events).where(eq(events.id, eventId));
  return { ...counts, confirmedCount: e!.confirmedCount, waitlistedCount: e!.waitlistedCount };
}

describe("capacity and the waitlist", () => {
  it("200 parallel sign-ups for 20 places: exactly 20 confirmed, 180 waitlisted in arrival order", async () => {
    const { event } = await makeEvent(handle, orgId, { capacity: 20, waitlist: true });
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => signUp(event.id, person(`P${i}`), ctx())));
    expect(results.filter((r) => r.outcome === "confirmed")).toHaveLength(20);
    const waitlisted = results.filter((r) => r.outcome === "waitlisted");
    expect(waitlisted).toHaveLength(180);
    expect(waitlisted.map((r) => (r.outcome === "waitlisted" ? r.position : 0)).sort((a, b) => a - b)).toEqual(Array.from({ length: 180 }, (_, i) => i + 1));
    expect(await statuses(event.id)).toEqual({ confirmed: 20, waitlisted: 180, cancelled: 0, confirmedCount: 20, waitlistedCount: 180 });
  });

  it("without a waitlist, the person after the last place is told the event is full", async () => {
    const { event } = await makeEvent(handle, orgId, { capacity: 2, waitlist: false });
    await signUp(event.id, person(), ctx());
    await signUp(event.id, person(), ctx());
    await expect(signUp(event.id, person(), ctx())).rejects.toThrow("signups.closed.full");
    expect(await statuses(event.id)).toMatchObject({ confirmed: 2, waitlisted: 0 });
  });

  it("a cancellation promotes the first waitlisted; erasing does too", async () => {
    const { event } = await makeEvent(handle, orgId, { capacity: 1, waitlist: true });
    const first = await signUp(event.id, person("First"), ctx());
    const second = await signUp(event.id, person("Second"), ctx());
    const third = await signUp(event.id, person("Third"), ctx());
    if (first.outcome !== "confirmed" || second.outcome !== "waitlisted" || third.outcome !== "waitlisted") throw new Error("unexpected outcomes");
    expect([second.position, third.position]).toEqual([1, 2]);

    await cancelSignup(first.token);
    expect((await getSignupByToken(second.token))?.status).toBe("confirmed");
    expect((await getSignupByToken(third.token))?.position).toBe(1);

    await eraseSignup(second.token);
    expect(await getSignupByToken(second.token)).toBeNull();
    expect((await getSignupByToken(third.token))?.status).toBe("confirmed");
    expect(await statuses(event.id)).toMatchObject({ confirmed: 1, waitlisted: 0, cancelled: 2, confirmedCount: 1, waitlistedCount: 0 });
  });
});

describe("one sign-up per event and email", () => {
  it("10 identical parallel submissions make one row", async () => {
    const { event } = await makeEvent(handle, orgId);
    const same = person("Twin");
    const results = await Promise.all(Array.from({ length: 10 }, () => signUp(event.id, { ...same, email: same.email.toUpperCase().toLowerCase() }, ctx())));
    expect(results.filter((r) => r.outcome === "confirmed")).toHaveLength(1);
    expect(results.filter((r) => r.outcome === "duplicate")).toHaveLength(9);
    expect(await statuses(event.id)).toMatchObject({ confirmed: 1, confirmedCount: 1 });
  });

  it("a second sign-up reveals nothing and changes nothing", async () => {
    const { event } = await makeEvent(handle, orgId);
    const original = person("Original", { phone: "+44 20 7946 0000" });
    await signUp(event.id, original, ctx());
    const again = await signUp(event.id, signupSchema.parse({ name: "Impostor", email: ` ${original.email.toUpperCase()} ` }), ctx());
    expect(again).toEqual({ outcome: "duplicate" });
    const rows = await handle.db.select().from(signups).where(eq(signups.eventId, event.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.name).toBe("Original");
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

  it("the honeypot stores nothing", async () => {
    const { event } = await makeEvent(handle, orgId);
    expect(await signUp(event.id, person("Bot", { website: "http://spam.example" }), ctx())).toEqual({ outcome: "ignored" });
    expect(await handle.db.select().from(signups).where(eq(signups.eventId, event.id))).toHaveLength(0);
  });
});

describe("the private link", () => {
  it("stores only a hash; shows, changes role, cancels", async () => {
    const { event } = await makeEvent(handle, orgId);
    const r = await signUp(event.id, person("Dana", { role: "steward" }), ctx());
    if (r.outcome !== "confirmed") throw new Error("expected confirmed");
    expect(r.token.length).toBeGreaterThanOrEqual(43); // 256 bits, base64url
    const [row] = await handle.db.select().from(signups).where(eq(signups.eventId, event.id));
    expect(JSON.stringify(row)).not.toContain(r.token);
    await changeSignupRole(r.token, "observer");
    expect((await getSignupByToken(r.token))?.role).toBe("observer");
    await cancelSignup(r.token);
    expect((await getSignupByToken(r.token))?.status).toBe("cancelled");
  });

  it("erasing removes every personal field at once", async () => {
    const { event } = await makeEvent(handle, orgId);
    const r = await signUp(event.id, person("Erin", { phone: "+48 22 000 00 00", comment: "I bring a banner" }), ctx());
    if (r.outcome !== "confirmed") throw new Error("expected confirmed");
    await eraseSignup(r.token);
    const [row] = await handle.db.select().from(signups).where(eq(signups.eventId, event.id));
    expect(row).toMatchObject({ name: null, email: null, phone: null, comment: null, manageTokenHash: null, status: "cancelled" });
    expect(row!.erasedAt).not.toBeNull();
  });

  it("100 different people behind one address within minutes all get in", async () => {
    const { event } = await makeEvent(handle, orgId);
    const venueWifi = { client: unique("venue-wifi"), locale: "en" };
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => signUp(event.id, person(`Guest ${i}`), venueWifi)));
    expect(results.every((r) => r.outcome === "confirmed")).toBe(true);
  });
});
