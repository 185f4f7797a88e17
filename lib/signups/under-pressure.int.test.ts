import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditLog, events, outbox, signups } from "@/db/schema";
import { closeTestDatabase, makeEvent, makeTeam, openTestDatabase, outcomeOf, unique } from "@/db/testing";
import { signUpWithLink } from "@/db/testing/links";
import { messagesTo } from "@/db/testing/sealed";
import { listAttendees } from "@/lib/attendees/attendees";
import { attendeeListSchema } from "@/lib/attendees/schemas";
import { PublicError } from "@/lib/errors";
import { updateEvent } from "@/lib/events/events";
import { eventSchema, parseRoles, rolesText } from "@/lib/events/schemas";
import { decideSignup } from "./approval";
import { cancelSignup, changeSignupRole, getSignupByToken } from "./manage";
import { publicRoleNeeds } from "./roles";
import { headcountSignupSchema, pseudonymousSignupSchema, signupSchema } from "./schemas";
import { signUp } from "./signups";

// Actions under pressure: sign-ups an organizer approves one by one, nicknames without an address, and a headcount
// that keeps nobody's data.

let handle: DbHandle;
let team: Awaited<ReturnType<typeof makeTeam>>;
beforeAll(async () => {
  handle = await openTestDatabase();
  team = await makeTeam(handle);
});
afterAll(closeTestDatabase);

const ctx = () => ({ client: unique("client"), locale: "en" });
const named = (name: string) => signupSchema.parse({ name, email: `${unique("p")}@test.example`, comment: "I can bring a banner" });
const counters = async (eventId: string) => {
  const [e] = await handle.db.select().from(events).where(eq(events.id, eventId));
  return { confirmed: e!.confirmedCount, waitlisted: e!.waitlistedCount, requested: e!.requestedCount };
};
const statusOf = async (id: string) => (await handle.db.select({ status: signups.status }).from(signups).where(eq(signups.id, id)))[0]!.status;
const kindsTo = async (email: string) => (await messagesTo(handle, email)).map((m) => m.kind).sort();

/** The event form as an organizer sends it, approval unticked. */
const FORM = {
  title: "Protest at the embassy",
  kind: "protest",
  startsLocal: "2031-05-10T12:00",
  endsLocal: "2031-05-10T14:00",
  timeZone: "Europe/London",
  city: "London",
  country: "GB",
  capacity: "",
  roles: "steward",
};
const formErrors = (changes: Record<string, string>) =>
  Object.fromEntries((eventSchema.safeParse({ ...FORM, ...changes }).error?.issues ?? []).map((i) => [String(i.path[0]), i.message]));

async function refusal(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (e) {
    if (e instanceof PublicError) return e.messageKey;
    throw e;
  }
  return "done";
}

describe("the event form", () => {
  it("refuses what could not work: a headcount with a waitlist or approval, a hidden place with nowhere to head for", () => {
    expect(formErrors({ signupMode: "headcount", waitlist: "on", approval: "on" })).toEqual({
      waitlist: "validation.headcountWaitlist",
      approval: "validation.headcountApproval",
    });
    expect(formErrors({ placeHidden: "on", city: "", gatheringArea: "" })).toEqual({ gatheringArea: "validation.gatheringArea" });
    expect(formErrors({ placeHidden: "on", city: "", gatheringArea: "Near the central station" })).toEqual({});
    expect(formErrors({ placeRevealMinutes: "7" })).toEqual({ placeRevealMinutes: "validation.choose" });
    expect(formErrors({ signupMode: "anonymous" })).toEqual({ signupMode: "validation.choose" });
    expect(eventSchema.parse({ ...FORM, signupMode: "pseudonymous", approval: "on", placeRevealMinutes: "60" })).toMatchObject({
      signupMode: "pseudonymous",
      approval: true,
      placeHidden: false,
      placeRevealMinutes: 60,
    });
  });
});

describe("vetted sign-ups", () => {
  it("a request holds no place; approval confirms it, decline refuses it, and the supporter is told each time", async () => {
    const { event } = await makeEvent(handle, team.org.id, { approval: true, capacity: 2 });
    const ana = named("Ana");
    const signed = await signUpWithLink(handle, event.id, ana, ctx());
    expect(signed).toMatchObject({ outcome: "requested", stored: true });
    expect(await counters(event.id)).toEqual({ confirmed: 0, waitlisted: 0, requested: 1 });
    expect(await getSignupByToken(signed.token)).toMatchObject({ status: "requested", name: "Ana" });
    expect(await kindsTo(ana.email)).toEqual(["signup_requested"]);

    const row = (await handle.db.select().from(signups).where(eq(signups.eventId, event.id)))[0]!;
    expect(await decideSignup(team.coordinator, row.id, "approve")).toEqual({ status: "confirmed", position: null });
    expect(await counters(event.id)).toEqual({ confirmed: 1, waitlisted: 0, requested: 0 });
    expect(await getSignupByToken(signed.token)).toMatchObject({ status: "confirmed" });
    expect(await kindsTo(ana.email)).toEqual(["signup_approved", "signup_requested"]);
    // Tapped twice (a slow phone): nothing changes, nothing more is sent or recorded.
    expect(await decideSignup(team.coordinator, row.id, "approve")).toEqual({ status: "confirmed", position: null });
    expect(await kindsTo(ana.email)).toHaveLength(2);
    const audits = await handle.db.select().from(auditLog).where(eq(auditLog.eventId, event.id));
    expect(audits.map((a) => [a.action, a.actorId, a.rowCount])).toEqual([["signup.approve", team.coordinator.userId, 1]]);
    // The audit row says who decided, never whose request it was.
    expect(JSON.stringify(audits[0]!.details)).not.toContain("Ana");

    const bob = named("Bob");
    const bobSigned = await signUpWithLink(handle, event.id, bob, ctx());
    const bobRow = (await handle.db.select().from(signups).where(eq(signups.eventId, event.id))).find((r) => r.id !== row.id)!;
    expect(await decideSignup(team.organizer, bobRow.id, "decline")).toEqual({ status: "declined", position: null });
    expect(await counters(event.id)).toEqual({ confirmed: 1, waitlisted: 0, requested: 0 });
    expect(await getSignupByToken(bobSigned.token)).toMatchObject({ status: "declined" });
    expect(await kindsTo(bob.email)).toEqual(["signup_declined", "signup_requested"]);
    // A declined request cannot be approved afterwards by a second tap elsewhere.
    expect(await refusal(decideSignup(team.organizer, bobRow.id, "approve"))).toBe("attendees.approval.notRequested");
  });

  it("approving into a full event puts the request on the waitlist when there is one, and is refused when there is none", async () => {
    const { event } = await makeEvent(handle, team.org.id, { approval: true, capacity: 1, waitlist: true });
    for (const name of ["First", "Second"]) await signUp(event.id, named(name), ctx());
    const [first, second] = await handle.db.select().from(signups).where(eq(signups.eventId, event.id)).orderBy(signups.createdAt, signups.id);
    await decideSignup(team.owner, first!.id, "approve");
    expect(await decideSignup(team.owner, second!.id, "approve")).toEqual({ status: "waitlisted", position: 1 });
    expect(await counters(event.id)).toEqual({ confirmed: 1, waitlisted: 1, requested: 0 });

    const { event: noWaitlist } = await makeEvent(handle, team.org.id, { approval: true, capacity: 1 });
    for (const name of ["One", "Two"]) await signUp(noWaitlist.id, named(name), ctx());
    const [one, two] = await handle.db.select().from(signups).where(eq(signups.eventId, noWaitlist.id)).orderBy(signups.createdAt, signups.id);
    await decideSignup(team.owner, one!.id, "approve");
    expect(await refusal(decideSignup(team.owner, two!.id, "approve"))).toBe("attendees.approval.full");
    expect(await statusOf(two!.id)).toBe("requested");
    expect(await counters(noWaitlist.id)).toEqual({ confirmed: 1, waitlisted: 0, requested: 1 });
  });

  it("only members who reach the event decide: a coordinator not given it and an outsider see nothing", async () => {
    const { event } = await makeEvent(handle, team.org.id, { approval: true }, "published", { scoped: false });
    await signUp(event.id, named("Careful"), ctx());
    const [row] = await handle.db.select().from(signups).where(eq(signups.eventId, event.id));
    expect(await outcomeOf(decideSignup(team.coordinator, row!.id, "approve"))).toBe("notFound");
    expect(await outcomeOf(decideSignup(team.outsider, row!.id, "decline"))).toBe("notFound");
    expect(await outcomeOf(decideSignup(null, row!.id, "approve"))).toBe("notFound");
    expect(await statusOf(row!.id)).toBe("requested");
    expect(await outcomeOf(decideSignup(team.owner, row!.id, "approve"))).toBe("allowed");
  });

  it("a request cancelled from its private link frees its count; approval cannot be switched off while requests wait", async () => {
    const { event } = await makeEvent(handle, team.org.id, { approval: true });
    const kept = await signUpWithLink(handle, event.id, named("Kept"), ctx());
    const gone = await signUpWithLink(handle, event.id, named("Gone"), ctx());
    await cancelSignup(gone.token);
    expect(await counters(event.id)).toEqual({ confirmed: 0, waitlisted: 0, requested: 1 });
    expect(await refusal(updateEvent(team.owner, event.id, eventSchema.parse(FORM)))).toBe("events.requestsPending");
    await updateEvent(team.owner, event.id, eventSchema.parse({ ...FORM, approval: "on" }));
    expect(await getSignupByToken(kept.token)).toMatchObject({ status: "requested" });
  });

  it("the same address again gets the same answer and no second request", async () => {
    const { event } = await makeEvent(handle, team.org.id, { approval: true });
    const ana = named("Ana");
    await signUp(event.id, ana, ctx());
    expect(await signUp(event.id, { ...ana, name: "Impostor" }, ctx())).toEqual({ outcome: "requested", stored: false });
    expect(await counters(event.id)).toEqual({ confirmed: 0, waitlisted: 0, requested: 1 });
  });
});

describe("pseudonymous sign-ups", () => {
  it("keep a nickname and no address, send nothing, and give the private link in the answer only", async () => {
    const { event } = await makeEvent(handle, team.org.id, { signupMode: "pseudonymous", capacity: 10 });
    const nickname = unique("Fox");
    // Whatever a stale form sends along, no address, phone or consent is kept.
    const input = { ...pseudonymousSignupSchema.parse({ name: nickname, role: "steward", comment: "late" }), email: "leak@test.example", phone: "+7 700" };
    const result = await signUp(event.id, input, ctx());
    expect(result).toMatchObject({ outcome: "confirmed", stored: true });
    expect(result.link).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [row] = await handle.db.select().from(signups).where(eq(signups.eventId, event.id));
    expect(row).toMatchObject({ emailHash: null, consentToContact: false, role: "steward" });
    expect(row!.personal).not.toContain(nickname);
    expect(await getSignupByToken(result.link!)).toMatchObject({ name: nickname, email: null, phone: null, comment: "late", status: "confirmed" });
    expect(await handle.db.select().from(outbox).where(eq(outbox.signupId, row!.id))).toEqual([]);
    // Two people may pick the same nickname: each is its own sign-up.
    expect((await signUp(event.id, pseudonymousSignupSchema.parse({ name: nickname }), ctx())).stored).toBe(true);
    expect(await counters(event.id)).toEqual({ confirmed: 2, waitlisted: 0, requested: 0 });
  });

  it("a pseudonymous request is approved without any email, and its page says so", async () => {
    const { event } = await makeEvent(handle, team.org.id, { signupMode: "pseudonymous", approval: true });
    const result = await signUp(event.id, pseudonymousSignupSchema.parse({ name: "Owl" }), ctx());
    expect(result.outcome).toBe("requested");
    const [row] = await handle.db.select().from(signups).where(eq(signups.eventId, event.id));
    await decideSignup(team.organizer, row!.id, "approve");
    expect(await getSignupByToken(result.link!)).toMatchObject({ status: "confirmed", email: null });
    expect(await handle.db.select().from(outbox).where(eq(outbox.eventId, event.id))).toEqual([]);
  });

  it("a named event refuses a sign-up without an address, next to the field", async () => {
    const { event } = await makeEvent(handle, team.org.id);
    const error = await signUp(event.id, pseudonymousSignupSchema.parse({ name: "NoMail" }), ctx()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PublicError);
    expect(error).toMatchObject({ messageKey: "validation.required", field: "email" });
    expect(await counters(event.id)).toEqual({ confirmed: 0, waitlisted: 0, requested: 0 });
  });
});

describe("headcount sign-ups", () => {
  it("store no personal field at all, count a browser once, and count it again after it cancelled nothing", async () => {
    const { event } = await makeEvent(handle, team.org.id, { signupMode: "headcount", capacity: 3, roles: ["steward"] });
    const typed = { ...headcountSignupSchema.parse({ name: "Should vanish", email: "x@test.example" }), role: "steward", comment: "secret" };
    const first = await signUp(event.id, typed, ctx());
    expect(first).toMatchObject({ outcome: "confirmed", stored: true });
    expect(first.counted?.until).toEqual(event.endsAt);
    const rows = await handle.db.select().from(signups).where(eq(signups.eventId, event.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ personal: null, emailHash: null, role: null, consentToContact: false, status: "confirmed" });
    // The browser's token is kept as a hash: it opens no private page.
    expect(rows[0]!.manageTokenHash).not.toBe(first.counted!.token);
    expect(await getSignupByToken(first.counted!.token)).toBeNull();

    // The same browser again: the same answer, nothing stored.
    expect(await signUp(event.id, typed, { ...ctx(), counted: first.counted!.token })).toMatchObject({ outcome: "confirmed", stored: false });
    // Another browser (or one that threw the cookie away) is another person: the rate limits bound that.
    expect((await signUp(event.id, typed, { ...ctx(), counted: "not-a-token" })).stored).toBe(true);
    expect(await counters(event.id)).toEqual({ confirmed: 2, waitlisted: 0, requested: 0 });
    expect(await handle.db.select().from(outbox).where(eq(outbox.eventId, event.id))).toEqual([]);
  });

  it("a full headcount closes: nobody could be told of a place on a waitlist", async () => {
    const { event } = await makeEvent(handle, team.org.id, { signupMode: "headcount", capacity: 1 });
    await signUp(event.id, headcountSignupSchema.parse({}), ctx());
    expect(await refusal(signUp(event.id, headcountSignupSchema.parse({}), ctx()))).toBe("signups.closed.full");
  });

  it("the attendee list shows no rows for a headcount, and the counts are right", async () => {
    const { event } = await makeEvent(handle, team.org.id, { signupMode: "headcount" });
    for (let i = 0; i < 3; i++) await signUp(event.id, headcountSignupSchema.parse({}), ctx());
    const { rows, total } = await listAttendees(team.coordinator, { eventId: event.id }, attendeeListSchema.parse({}));
    expect([rows, total]).toEqual([[], 0]);
    expect(await counters(event.id)).toEqual({ confirmed: 3, waitlisted: 0, requested: 0 });
  });
});

describe("roles with numbers", () => {
  it("reads “steward: 4” as a role and how many it needs, and refuses numbers out of range", () => {
    expect(parseRoles("Steward: 4, legal observer:2\nspeaker, steward: 9")).toEqual({
      roles: ["steward", "legal observer", "speaker"],
      roleNeeds: { steward: 4, "legal observer": 2 },
    });
    expect(parseRoles("steward: 0")).toBeNull();
    expect(parseRoles("steward: 1001")).toBeNull();
    expect(formErrors({ roles: "steward: 0" })).toEqual({ roles: "validation.roles" });
    expect(rolesText(["steward", "speaker"], { steward: 4 })).toBe("steward: 4, speaker");
  });

  it("a role with as many as it needs is refused, under concurrency too, and freed by a cancellation", async () => {
    const { event } = await makeEvent(handle, team.org.id, { roles: ["steward", "speaker"], roleNeeds: { steward: 2 } });
    const steward = (name: string) => signupSchema.parse({ name, email: `${unique("s")}@test.example`, role: "steward" });
    const results = await Promise.allSettled(Array.from({ length: 6 }, (_, i) => signUpWithLink(handle, event.id, steward(`Steward ${i}`), ctx())));
    const taken = results.filter((r) => r.status === "fulfilled");
    expect(taken).toHaveLength(2);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ messageKey: "signups.roleFull", field: "role" });
    expect(await publicRoleNeeds({ ...event, roleNeeds: { steward: 2 } })).toEqual([
      { role: "steward", needed: 2, taken: 2, missing: 0 },
      { role: "speaker", needed: null, taken: 0, missing: null },
    ]);
    // A role without a number takes anyone; changing to a full role from the private page is refused.
    const speakerInput = signupSchema.parse({ name: "Speaker", email: `${unique("s")}@test.example`, role: "speaker" });
    const speaker = await signUpWithLink(handle, event.id, speakerInput, ctx());
    expect(await refusal(changeSignupRole(speaker.token, "steward"))).toBe("signups.roleFull");
    await cancelSignup((taken[0] as PromiseFulfilledResult<{ token: string }>).value.token);
    await changeSignupRole(speaker.token, "steward");
    expect((await getSignupByToken(speaker.token))?.role).toBe("steward");
    // The one who holds it may keep it.
    await changeSignupRole(speaker.token, "steward");
  });
});
