import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { events, signups } from "@/db/schema";
import { closeTestDatabase, makeEvent, makeOrg, openTestDatabase, outcomeOf, unique } from "@/db/testing";
import { signUpWithLink } from "@/db/testing/links";
import type { Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { signupSchema } from "@/lib/signups/schemas";
import { cancelSignup } from "@/lib/signups/manage";
import { signUp } from "@/lib/signups/signups";
import { addWalkIn, attendeeCounts, listAttendees, setCheckedIn } from "./attendees";
import { attendeeListSchema } from "./schemas";

let handle: DbHandle;
let actors: Record<string, Actor>;
let eventId: string;
let orgSlug: string;
let otherSlug: string;
let campaignId: string;

const query = (q: Record<string, string> = {}) => attendeeListSchema.parse(q);

beforeAll(async () => {
  handle = await openTestDatabase();
  const { org, people } = await makeOrg(handle, { owner: 1, organizer: 1, coordinator: 2 });
  const other = await makeOrg(handle, { owner: 1 });
  orgSlug = org.slug;
  otherSlug = other.org.slug;
  actors = {
    owner: people.owner[0]!,
    organizer: people.organizer[0]!,
    coordinator: people.coordinator[0]!,
    coordinator2: people.coordinator[1]!,
    outsider: other.people.owner[0]!,
    anonymous: null,
  };
  const { event, campaign } = await makeEvent(handle, org.id, { capacity: 30, waitlist: true, roles: ["steward", "driver"] });
  eventId = event.id;
  campaignId = campaign.id;
  const names = ["Anna Schmidt", "Айгуль Нурланова", "Łukasz Nowak", "Tom Hughes"];
  for (let i = 0; i < 32; i++) {
    const name = `${names[i % 4]} ${i}`;
    await signUp(eventId, signupSchema.parse({ name, email: `${unique("a")}@test.example`, role: i % 2 ? "steward" : "driver" }), {
      client: unique("c"),
      locale: "en",
    });
  }
});
afterAll(closeTestDatabase);

describe("who may see and check in", () => {
  const expected: Record<string, string> = { owner: "allowed", organizer: "allowed", coordinator: "allowed", outsider: "notFound", anonymous: "notFound" };
  for (const [who, result] of Object.entries(expected)) {
    it(`${who}: list, counts and check-in ${result}`, async () => {
      const first = (await listAttendees(actors.owner!, { eventId }, query())).rows[0]!;
      expect(await outcomeOf(listAttendees(actors[who]!, { eventId }, query()))).toBe(result);
      expect(await outcomeOf(listAttendees(actors[who]!, { campaignId }, query()))).toBe(result);
      expect(await outcomeOf(attendeeCounts(actors[who]!, { eventId }))).toBe(result);
      expect(await outcomeOf(setCheckedIn(actors[who]!, first.id, false))).toBe(result);
    });
  }

  it("an address naming another organisation than the event's reveals nothing, even to the event's coordinator", async () => {
    const first = (await listAttendees(actors.owner!, { eventId }, query())).rows[0]!;
    expect(await outcomeOf(listAttendees(actors.coordinator!, { eventId, orgSlug }, query()))).toBe("allowed");
    expect(await outcomeOf(listAttendees(actors.coordinator!, { eventId, orgSlug: otherSlug }, query()))).toBe("notFound");
    expect(await outcomeOf(attendeeCounts(actors.coordinator!, { eventId, orgSlug: otherSlug }))).toBe("notFound");
    expect(await outcomeOf(setCheckedIn(actors.coordinator!, first.id, true, new Date(), otherSlug))).toBe("notFound");
    expect(await outcomeOf(addWalkIn(actors.coordinator!, eventId, { name: "Door" }, new Date(), otherSlug))).toBe("notFound");
  });

  it("a guessed id reveals nothing", async () => {
    expect(await outcomeOf(listAttendees(actors.coordinator!, { eventId: "00000000-0000-4000-8000-000000000000" }, query()))).toBe("notFound");
    expect(await outcomeOf(setCheckedIn(actors.outsider!, "00000000-0000-4000-8000-000000000000", true))).toBe("notFound");
  });
});

describe("lists", () => {
  it("counts, filters, search and pages", async () => {
    const counts = await attendeeCounts(actors.coordinator!, { eventId });
    expect(counts).toMatchObject({ confirmed: 30, waitlisted: 2, cancelled: 0, capacity: 30 });
    expect((await listAttendees(actors.coordinator!, { eventId }, query({ status: "waitlisted" }))).total).toBe(2);
    expect((await listAttendees(actors.coordinator!, { eventId }, query({ role: "driver" }))).total).toBe(16);
    const cyrillic = await listAttendees(actors.coordinator!, { eventId }, query({ q: "айгуль" }));
    expect(cyrillic.total).toBe(8);
    expect(cyrillic.rows.every((r) => r.name.startsWith("Айгуль"))).toBe(true);
    const page2 = await listAttendees(actors.coordinator!, { eventId }, query({ sort: "name", pageSize: "10", page: "2" }));
    expect(page2.rows).toHaveLength(10);
    expect(page2.total).toBe(32);
    const all = await listAttendees(actors.coordinator!, { eventId }, query({ sort: "name", pageSize: "50" }));
    expect(page2.rows.map((r) => r.id)).toEqual(all.rows.slice(10, 20).map((r) => r.id));
  });

  it("a search with % or _ matches them literally", async () => {
    expect((await listAttendees(actors.coordinator!, { eventId }, query({ q: "%" }))).total).toBe(0);
  });
});

describe("check-in at the door", () => {
  it("two coordinators checking people in at once lose none of each other's check-ins", async () => {
    const { rows } = await listAttendees(actors.coordinator!, { eventId }, query({ status: "confirmed", pageSize: "50" }));
    const half = Math.floor(rows.length / 2);
    await Promise.all(rows.map((r, i) => setCheckedIn(i < half ? actors.coordinator! : actors.coordinator2!, r.id, true)));
    const checked = await listAttendees(actors.coordinator!, { eventId }, query({ checkedIn: "yes", pageSize: "50" }));
    expect(checked.total).toBe(rows.length);
    // Undo one; checking in twice keeps the first time.
    const [a, b] = rows as unknown as [{ id: string }, { id: string }];
    const before = (await handle.db.select().from(signups).where(eq(signups.id, b.id)))[0]!.checkedInAt;
    await Promise.all([setCheckedIn(actors.coordinator!, a.id, false), setCheckedIn(actors.coordinator2!, b.id, true)]);
    const [rowA] = await handle.db.select().from(signups).where(eq(signups.id, a.id));
    const [rowB] = await handle.db.select().from(signups).where(eq(signups.id, b.id));
    expect(rowA!.checkedInAt).toBeNull();
    expect(rowB!.checkedInAt).toEqual(before);
    expect((await attendeeCounts(actors.coordinator!, { eventId })).checkedIn).toBe(rows.length - 1);
  });

  it("someone from the waitlist who comes is confirmed at the door, apart from the capacity; undo puts them back in their place", async () => {
    const { org, people } = await makeOrg(handle, { owner: 1 });
    const actor = people.owner[0]!;
    const { event } = await makeEvent(handle, org.id, { capacity: 1, waitlist: true });
    const signed = [];
    for (const name of ["First", "Second", "Third"]) {
      signed.push(
        await signUpWithLink(handle, event.id, signupSchema.parse({ name, email: `${unique("w")}@test.example` }), { client: unique("c"), locale: "en" }),
      );
    }
    const list = await listAttendees(actor, { eventId: event.id }, query({ status: "expected", sort: "createdAt" }));
    expect(list.rows.map((r) => [r.name, r.status])).toEqual([
      ["First", "confirmed"],
      ["Second", "waitlisted"],
      ["Third", "waitlisted"],
    ]);
    const third = list.rows[2]!;

    expect(await setCheckedIn(actor, third.id, true)).toMatchObject({ status: "confirmed" });
    const [ev] = await handle.db.select().from(events).where(eq(events.id, event.id));
    expect(ev).toMatchObject({ confirmedCount: 1, waitlistedCount: 1 });
    expect(await attendeeCounts(actor, { eventId: event.id })).toMatchObject({ confirmed: 2, waitlisted: 1, checkedIn: 1, outsideCapacity: 1, capacity: 1 });

    // The confirmed one cancels: the freed place goes to the waitlist's first (Second), not to the one already in.
    await cancelSignup(signed[0]!.token);
    const after = await listAttendees(actor, { eventId: event.id }, query({ status: "expected", sort: "createdAt" }));
    expect(after.rows.map((r) => [r.name, r.status])).toEqual([
      ["Second", "confirmed"],
      ["Third", "confirmed"],
    ]);
    expect((await handle.db.select().from(events).where(eq(events.id, event.id)))[0]).toMatchObject({ confirmedCount: 1, waitlistedCount: 0 });

    // The door confirmation undone (a wrong tap): back on the waitlist, first in line again.
    expect(await setCheckedIn(actor, third.id, false)).toMatchObject({ status: "waitlisted", checkedInAt: null });
    expect((await handle.db.select().from(events).where(eq(events.id, event.id)))[0]).toMatchObject({ confirmedCount: 1, waitlistedCount: 1 });
    expect(await attendeeCounts(actor, { eventId: event.id })).toMatchObject({ confirmed: 1, waitlisted: 1, outsideCapacity: 0 });

    // Cancelling a door confirmation frees no place it never held.
    await setCheckedIn(actor, third.id, true);
    await cancelSignup(signed[2]!.token);
    expect((await handle.db.select().from(events).where(eq(events.id, event.id)))[0]).toMatchObject({ confirmedCount: 1, waitlistedCount: 0 });
    await expect(setCheckedIn(actor, third.id, true)).rejects.toThrow("attendees.cancelledCheckIn");
  });

  it("concurrent taps on a waitlisted person confirm them once", async () => {
    const { org, people } = await makeOrg(handle, { owner: 1, coordinator: 1 });
    const { event } = await makeEvent(handle, org.id, { capacity: 1, waitlist: true });
    for (const name of ["Placed", "Waiting"])
      await signUp(event.id, signupSchema.parse({ name, email: `${unique("w")}@test.example` }), { client: unique("c"), locale: "en" });
    const waiting = (await listAttendees(people.owner[0]!, { eventId: event.id }, query({ status: "waitlisted" }))).rows[0]!;
    await Promise.all([setCheckedIn(people.owner[0]!, waiting.id, true), setCheckedIn(people.coordinator[0]!, waiting.id, true)]);
    expect((await handle.db.select().from(events).where(eq(events.id, event.id)))[0]).toMatchObject({ confirmedCount: 1, waitlistedCount: 0 });
  });

  it("walk-ins count as checked in, apart from the capacity, also when the event is full", async () => {
    const { org } = await makeOrg(handle, { owner: 1 });
    const coordinator = (await handle.db.query.memberships.findFirst({ where: (m, { eq: e }) => e(m.orgId, org.id) }))!;
    const actor = { userId: coordinator.userId };
    const { event } = await makeEvent(handle, org.id, { capacity: 1 });
    await signUp(event.id, signupSchema.parse({ name: "Signed up", email: `${unique("f")}@test.example` }), { client: unique("c"), locale: "en" });
    await addWalkIn(actor, event.id, { name: "Ержан", email: undefined });
    await addWalkIn(actor, event.id, { name: "Second", email: undefined });
    expect(await attendeeCounts(actor, { eventId: event.id })).toMatchObject({ confirmed: 3, checkedIn: 2, outsideCapacity: 2, capacity: 1 });
    expect((await handle.db.select().from(events).where(eq(events.id, event.id)))[0]).toMatchObject({ confirmedCount: 1 });
    await expect(addWalkIn(actors.outsider!, event.id, { name: "Intruder" })).rejects.toBeInstanceOf(NotFoundError);
  });
});
