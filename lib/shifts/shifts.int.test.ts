import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { eventShifts, events, signupShifts, signups } from "@/db/schema";
import { closeTestDatabase, makeEvent, makeTeam, openTestDatabase, outcomeOf, unique } from "@/db/testing";
import { signUpWithLink } from "@/db/testing/links";
import { messagesTo } from "@/db/testing/sealed";
import { PublicError } from "@/lib/errors";
import { postponeEvent, updateEvent } from "@/lib/events/events";
import { eventSchema, postponeSchema } from "@/lib/events/schemas";
import { loadOwnCalendar, loadOwnSignupPage } from "@/lib/public/pages";
import { eventToIcs } from "@/lib/events/ics";
import { decideSignup } from "@/lib/signups/approval";
import { cancelSignup } from "@/lib/signups/manage";
import { signupSchema } from "@/lib/signups/schemas";
import { signUp } from "@/lib/signups/signups";
import { instantToZonedLocal } from "@/lib/time/zones";
import { listAttendees } from "@/lib/attendees/attendees";
import { attendeeFilterSchema, attendeeListSchema } from "@/lib/attendees/schemas";
import { exportAttendeesCsv } from "@/lib/exports/csv";
import { addOwnShift, dropOwnShift } from "./own";
import { addShift, listEventShifts, removeShift, updateShift } from "./shifts";

// Shifts: a long action split into blocks of time, each with its own places and waitlist.

let handle: DbHandle;
let team: Awaited<ReturnType<typeof makeTeam>>;
beforeAll(async () => {
  handle = await openTestDatabase();
  team = await makeTeam(handle);
});
afterAll(closeTestDatabase);

const HOUR = 3_600_000;
const ctx = () => ({ client: unique("client"), locale: "en" });
const person = (shifts: string[]) => signupSchema.parse({ name: "Aigul", email: `${unique("p")}@test.example`, shifts: shifts.join(" ") });

/** A 24-hour vigil in Almaty's zone, cut into shifts of `hours` each: [start hour, end hour, places]. */
async function vigil(shifts: [number, number, number | null][], overrides: Partial<typeof events.$inferInsert> = {}) {
  const startsAt = new Date(Math.ceil((Date.now() + 7 * 86_400_000) / HOUR) * HOUR);
  const { event } = await makeEvent(handle, team.org.id, {
    kind: "vigil",
    startsAt,
    endsAt: new Date(startsAt.getTime() + 24 * HOUR),
    timeZone: "Asia/Almaty",
    city: "Almaty",
    country: "KZ",
    waitlist: true,
    ...overrides,
  });
  const ids: string[] = [];
  for (const [from, to, capacity] of shifts) {
    const local = (h: number) => instantToZonedLocal(new Date(startsAt.getTime() + h * HOUR), event.timeZone);
    const row = await addShift(team.organizer, event.id, { startsLocal: local(from), endsLocal: local(to), label: `${from}–${to}`, capacity });
    ids.push(row.id);
  }
  return { event, ids, startsAt };
}

async function refusal(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (e) {
    if (e instanceof PublicError) return e.messageKey;
    throw e;
  }
  return "done";
}

const shiftRow = async (id: string) => (await handle.db.select().from(eventShifts).where(eq(eventShifts.id, id)))[0]!;
const placeOf = async (signupId: string, shiftId: string) =>
  (await handle.db.select().from(signupShifts).where(eq(signupShifts.signupId, signupId))).find((r) => r.shiftId === shiftId)?.status ?? null;
const signupOfToken = async (token: string) => (await loadOwnSignupPage(token))!.own;

describe("the organizer's shifts", () => {
  it("are added, changed and removed by organizers only; coordinators see them, outsiders not even that", async () => {
    const { event, ids, startsAt } = await vigil([[0, 8, 4]], { capacity: 50 });
    const [after] = await handle.db.select().from(events).where(eq(events.id, event.id));
    // The shifts' places take over from the event's own.
    expect(after!.capacity).toBeNull();
    const local = (h: number) => instantToZonedLocal(new Date(startsAt.getTime() + h * HOUR), "Asia/Almaty");
    const input = { startsLocal: local(8), endsLocal: local(16), label: "day", capacity: 6 };
    expect(await outcomeOf(addShift(team.coordinator, event.id, input))).toBe("forbidden");
    expect(await outcomeOf(addShift(team.outsider, event.id, input))).toBe("notFound");
    expect(await outcomeOf(updateShift(team.coordinator, ids[0]!, input))).toBe("forbidden");
    expect(await outcomeOf(updateShift(team.outsider, ids[0]!, input))).toBe("notFound");
    expect(await outcomeOf(removeShift(team.coordinator, ids[0]!))).toBe("forbidden");
    expect(await outcomeOf(removeShift(team.outsider, ids[0]!))).toBe("notFound");
    expect(await outcomeOf(listEventShifts(team.coordinator, event.id))).toBe("allowed");
    expect(await outcomeOf(listEventShifts(team.outsider, event.id))).toBe("notFound");
    expect((await listEventShifts(team.organizer, event.id)).map((s) => s.label)).toEqual(["0–8"]);

    // Outside the event's own time, or ending before it starts: refused.
    expect(await refusal(addShift(team.organizer, event.id, { ...input, endsLocal: local(30) }))).toBe("editor.shifts.outsideEvent");
    expect(await refusal(addShift(team.organizer, event.id, { ...input, endsLocal: local(7) }))).toBe("editor.shifts.endsBeforeStart");
    const day = await addShift(team.owner, event.id, input);
    await updateShift(team.organizer, day.id, { ...input, label: "day shift", capacity: 2 });
    expect((await shiftRow(day.id)).label).toBe("day shift");
    await removeShift(team.organizer, day.id);
    expect(await listEventShifts(team.organizer, event.id)).toHaveLength(1);
    // The event's own capacity cannot come back beside its shifts.
    const form = eventSchema.parse({
      title: event.title,
      kind: "vigil",
      startsLocal: instantToZonedLocal(event.startsAt, "Asia/Almaty"),
      endsLocal: instantToZonedLocal(event.endsAt, "Asia/Almaty"),
      timeZone: "Asia/Almaty",
      city: "Almaty",
      country: "KZ",
      capacity: "30",
      waitlist: "on",
    });
    expect(await refusal(updateEvent(team.organizer, event.id, form))).toBe("editor.shifts.eventCapacity");
  });

  it("moves the shifts with a postponed event, by as much as its start moved", async () => {
    const { event, ids } = await vigil([[4, 8, 3]]);
    const local = (d: Date) => instantToZonedLocal(new Date(d.getTime() + 2 * 86_400_000), "Asia/Almaty");
    await postponeEvent(
      team.organizer,
      event.id,
      postponeSchema.parse({ startsLocal: local(event.startsAt), endsLocal: local(event.endsAt), timeZone: "Asia/Almaty" }),
    );
    const moved = await shiftRow(ids[0]!);
    expect(moved.startsAt.getTime() - event.startsAt.getTime()).toBe(2 * 86_400_000 + 4 * HOUR);
  });

  it("splits an event only before anyone signed up for it whole", async () => {
    const { event } = await vigil([]);
    await signUp(event.id, person([]), ctx());
    const local = (d: Date) => instantToZonedLocal(d, event.timeZone);
    const input = { startsLocal: local(event.startsAt), endsLocal: local(event.endsAt), label: "", capacity: null };
    expect(await refusal(addShift(team.organizer, event.id, input))).toBe("editor.shifts.signupsBefore");
  });

  it("refuses to remove a shift someone holds a place in, and never lets its places fall below those taken", async () => {
    const { event, ids } = await vigil([
      [0, 8, 3],
      [8, 16, 3],
    ]);
    await signUp(event.id, person([ids[0]!]), ctx());
    await signUp(event.id, person([ids[0]!]), ctx());
    const input = { startsLocal: "", endsLocal: "", label: "", capacity: 1 };
    const shift = await shiftRow(ids[0]!);
    const times = { startsLocal: instantToZonedLocal(shift.startsAt, "Asia/Almaty"), endsLocal: instantToZonedLocal(shift.endsAt, "Asia/Almaty") };
    expect(await refusal(updateShift(team.organizer, ids[0]!, { ...input, ...times }))).toBe("editor.shifts.capacityBelowConfirmed");
    expect(await refusal(removeShift(team.organizer, ids[0]!))).toBe("editor.shifts.removeHasPeople");
    expect(await listEventShifts(team.organizer, event.id)).toHaveLength(2);
  });

  it("tells everyone in a shift when it moves, old and new time at the place", async () => {
    const { event, ids } = await vigil([
      [0, 8, 3],
      [8, 16, 3],
    ]);
    const inIt = person([ids[0]!]);
    const elsewhere = person([ids[1]!]);
    await signUp(event.id, inIt, ctx());
    await signUp(event.id, elsewhere, ctx());
    const shift = await shiftRow(ids[0]!);
    const local = (d: Date) => instantToZonedLocal(new Date(d.getTime() + HOUR), "Asia/Almaty");
    const [before] = await handle.db.select({ sequence: events.sequence }).from(events).where(eq(events.id, event.id));
    await updateShift(team.organizer, ids[0]!, { startsLocal: local(shift.startsAt), endsLocal: local(shift.endsAt), label: "night", capacity: 3 });
    const moved = (await messagesTo(handle, inIt.email)).filter((m) => m.kind === "event_changed");
    expect(moved).toHaveLength(1);
    expect(moved[0]!.opened?.subject).toBe("Shift moved: Protest at the embassy");
    // Old and new time, each with the shift's name as it was.
    expect(moved[0]!.body?.text).toMatch(/Before: .*\(0–8\)\nNow: .*\(0–8\)/);
    expect((await messagesTo(handle, elsewhere.email)).map((m) => m.kind)).toEqual(["signup_confirmed"]);
    const [after] = await handle.db.select({ sequence: events.sequence }).from(events).where(eq(events.id, event.id));
    expect(after!.sequence).toBe(before!.sequence + 1);
  });
});

describe("signing up for shifts", () => {
  it("never confirms more than a shift's places, however many sign up at once for its last ones", async () => {
    const { event, ids } = await vigil(
      [
        [0, 8, 3],
        [8, 16, 50],
      ],
      { waitlist: false },
    );
    await signUp(event.id, person([ids[0]!, ids[1]!]), ctx());
    const results = await Promise.allSettled(Array.from({ length: 16 }, () => signUp(event.id, person([ids[0]!, ids[1]!]), ctx())));
    const done = results.filter((r) => r.status === "fulfilled");
    const refused = results.flatMap((r) => (r.status === "rejected" ? [(r.reason as PublicError).messageKey] : []));
    expect(done).toHaveLength(2);
    expect(new Set(refused)).toEqual(new Set(["signups.shifts.full"]));
    const night = await shiftRow(ids[0]!);
    const day = await shiftRow(ids[1]!);
    expect([night.confirmedCount, day.confirmedCount]).toEqual([3, 3]);
    const rows = await handle.db.select().from(signupShifts).where(eq(signupShifts.shiftId, ids[0]!));
    expect(rows.filter((r) => r.status === "confirmed")).toHaveLength(3);
    const [e] = await handle.db.select().from(events).where(eq(events.id, event.id));
    expect(e!.confirmedCount).toBe(3);
  });

  it("puts the overflow on each shift's own waitlist, in order of arrival, and needs at least one shift", async () => {
    const { event, ids } = await vigil([
      [0, 8, 2],
      [8, 16, 2],
    ]);
    const outcomes = [];
    for (let i = 0; i < 4; i++) outcomes.push(await signUp(event.id, person([ids[0]!]), ctx()));
    expect(outcomes.map((o) => o.outcome)).toEqual(["confirmed", "confirmed", "waitlisted", "waitlisted"]);
    expect(outcomes.map((o) => (o.outcome === "waitlisted" ? o.position : null))).toEqual([null, null, 1, 2]);
    // The other shift has its own line: a place is still free in it.
    expect((await signUp(event.id, person([ids[1]!]), ctx())).outcome).toBe("confirmed");
    expect(await refusal(signUp(event.id, person([]), ctx()))).toBe("signups.shifts.required");
    expect(await refusal(signUp(event.id, person([crypto.randomUUID()]), ctx()))).toBe("signups.shifts.required");
    const parallel = await Promise.all(Array.from({ length: 8 }, () => signUp(event.id, person([ids[1]!]), ctx())));
    expect(parallel.filter((o) => o.outcome === "confirmed")).toHaveLength(1);
    expect(parallel.flatMap((o) => (o.outcome === "waitlisted" ? [o.position] : [])).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect((await shiftRow(ids[1]!)).waitlistedCount).toBe(7);
  });

  it("holds no place for a request until it is approved; approved, it takes the places each shift has", async () => {
    const { event, ids } = await vigil(
      [
        [0, 8, 1],
        [8, 16, 1],
      ],
      { approval: true },
    );
    const first = await signUpWithLink(handle, event.id, person([ids[0]!, ids[1]!]), ctx());
    const second = await signUpWithLink(handle, event.id, person([ids[0]!]), ctx());
    expect([first.outcome, second.outcome]).toEqual(["requested", "requested"]);
    expect((await shiftRow(ids[0]!)).confirmedCount).toBe(0);
    const secondId = (await signupOfToken(second.token)).id;
    const firstId = (await signupOfToken(first.token)).id;
    await decideSignup(team.organizer, secondId, "approve");
    expect(await placeOf(secondId, ids[0]!)).toBe("confirmed");
    const decided = await decideSignup(team.organizer, firstId, "approve");
    // The night shift's one place went to the request approved first; the day shift's is free.
    expect(decided.status).toBe("confirmed");
    expect([await placeOf(firstId, ids[0]!), await placeOf(firstId, ids[1]!)]).toEqual(["waitlisted", "confirmed"]);
    const third = await signUpWithLink(handle, event.id, person([ids[1]!]), ctx());
    const thirdId = (await signupOfToken(third.token)).id;
    await decideSignup(team.organizer, thirdId, "decline");
    expect(await placeOf(thirdId, ids[1]!)).toBe("cancelled");
    expect((await shiftRow(ids[1]!)).confirmedCount).toBe(1);
  });
});

describe("a supporter's shifts, from the private link", () => {
  it("drops one (its place goes to the first on that shift's waitlist) and adds another, never the last one away", async () => {
    const { event, ids } = await vigil([
      [0, 8, 1],
      [8, 16, 1],
      [16, 24, 1],
    ]);
    const a = await signUpWithLink(handle, event.id, person([ids[0]!, ids[1]!]), ctx());
    const bInput = person([ids[0]!]);
    const b = await signUpWithLink(handle, event.id, bInput, ctx());
    const c = await signUpWithLink(handle, event.id, person([ids[1]!]), ctx());
    expect([a.outcome, b.outcome, c.outcome]).toEqual(["confirmed", "waitlisted", "waitlisted"]);
    const bId = (await signupOfToken(b.token)).id;

    await dropOwnShift(a.token, ids[0]!);
    expect(await placeOf(bId, ids[0]!)).toBe("confirmed");
    expect((await signupOfToken(b.token)).status).toBe("confirmed");
    expect((await messagesTo(handle, bInput.email)).map((m) => m.kind)).toContain("signup_promoted");
    // The other shift's line did not move.
    expect((await signupOfToken(c.token)).status).toBe("waitlisted");

    expect(await refusal(dropOwnShift(a.token, ids[1]!))).toBe("signups.manage.shifts.lastShift");
    expect(await refusal(dropOwnShift(a.token, ids[2]!))).toBe("signups.manage.shifts.unknown");
    await addOwnShift(a.token, ids[2]!);
    // The night shift is full now: taking it again joins the back of its line.
    await addOwnShift(a.token, ids[0]!);
    const page = (await loadOwnSignupPage(a.token))!;
    expect(page.shifts.taken.map((s) => [s.label, s.place, s.position])).toEqual([
      ["0–8", "waitlisted", 1],
      ["8–16", "confirmed", null],
      ["16–24", "confirmed", null],
    ]);
    expect(page.shifts.others).toEqual([]);

    // Cancelling frees every place it held: the day shift goes to the next in its line.
    await cancelSignup(a.token);
    expect((await signupOfToken(c.token)).status).toBe("confirmed");
    const [e] = await handle.db.select().from(events).where(eq(events.id, event.id));
    const rows = await handle.db.select().from(signups).where(eq(signups.eventId, event.id));
    expect(e!.confirmedCount).toBe(rows.filter((r) => r.status === "confirmed").length);
    expect((await shiftRow(ids[2]!)).confirmedCount).toBe(0);
  });

  it("writes one calendar entry per shift taken, in the event's zone, and none for the shifts not taken", async () => {
    const { event, ids } = await vigil([
      [0, 8, 1],
      [8, 16, 5],
      [16, 24, 5],
    ]);
    await signUp(event.id, person([ids[0]!]), ctx());
    const mine = await signUpWithLink(handle, event.id, person([ids[0]!, ids[2]!]), ctx());
    const found = (await loadOwnCalendar(mine.token))!;
    const ics = eventToIcs(found.campaign, found.event, "https://picket.test", "en", found.shifts);
    const entries = ics.split("BEGIN:VEVENT").slice(1);
    expect(entries).toHaveLength(2);
    expect(entries.map((v) => /UID:([^\r\n]+)/.exec(v)![1])).toEqual([`${ids[0]}@picket`, `${ids[2]}@picket`]);
    // Waiting for a place: tentative; a place: confirmed. Written at the place's time, with its zone.
    expect(entries.map((v) => /STATUS:(\w+)/.exec(v)![1])).toEqual(["TENTATIVE", "CONFIRMED"]);
    expect(entries[1]).toContain("DTSTART;TZID=Asia/Almaty:");
    expect(entries[1]).toContain("SUMMARY:Protest at the embassy — 16–24");
    await cancelSignup(mine.token);
    expect((await loadOwnCalendar(mine.token))!.shifts).toEqual([]);
  });
});

describe("shifts in the attendee list and the export", () => {
  it("shows each person's shifts, and a list, check-in or export can hold one shift's people only", async () => {
    const { event, ids } = await vigil([
      [0, 8, 1],
      [8, 16, 5],
    ]);
    await signUp(event.id, signupSchema.parse({ name: "Night and day", email: `${unique("a")}@test.example`, shifts: `${ids[0]} ${ids[1]}` }), ctx());
    await signUp(event.id, signupSchema.parse({ name: "Night waiting", email: `${unique("b")}@test.example`, shifts: ids[0] }), ctx());
    await signUp(event.id, signupSchema.parse({ name: "Day only", email: `${unique("c")}@test.example`, shifts: ids[1] }), ctx());
    const list = async (shift?: string) =>
      (await listAttendees(team.coordinator, { eventId: event.id }, attendeeListSchema.parse({ shift }))).rows.map((r) => [
        r.name,
        r.shifts.map((s) => `${s.label}:${s.place}`),
      ]);
    expect(await list(ids[0])).toEqual([
      ["Night and day", ["0–8:confirmed", "8–16:confirmed"]],
      ["Night waiting", ["0–8:waitlisted"]],
    ]);
    expect((await list(ids[1])).map(([name]) => name)).toEqual(["Night and day", "Day only"]);
    expect(await list()).toHaveLength(3);
    const csv = await exportAttendeesCsv(
      team.coordinator,
      { eventId: event.id },
      { filter: attendeeFilterSchema.parse({ shift: ids[1] }), columns: ["name"], bom: false },
    );
    expect((await new Response(csv.stream).text()).trim().split(/\r?\n/).slice(1)).toEqual(["Night and day", "Day only"]);
  });
});
