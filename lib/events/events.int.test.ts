import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeTestDatabase, makeTeam, openTestDatabase, unique } from "@/db/testing";
import type { DbHandle } from "@/db/client";
import { events, signups } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { createCampaign } from "@/lib/campaigns/campaigns";
import { campaignSchema } from "@/lib/campaigns/schemas";
import { ForbiddenError, NotFoundError, PublicError } from "@/lib/errors";
import { instantToZonedLocal } from "@/lib/time/zones";
import { cancelEvent, createEvent, duplicateEvent, eventForActor, getEventBySlug, listEvents, postponeEvent, updateEvent } from "./events";
import { cancelEventSchema, duplicateSchema, eventSchema, postponeSchema } from "./schemas";
import { openedSignups, sealedSignups } from "@/db/testing/sealed";

let handle: DbHandle;
let campaignId: string;
let owner: Actor;
let organizer: Actor;
let coordinator: Actor;
let outsider: Actor;

beforeAll(async () => {
  handle = await openTestDatabase();
  const team = await makeTeam(handle);
  ({ owner, organizer, coordinator, outsider } = team);
  campaignId = (await createCampaign(organizer, team.org.id, campaignSchema.parse({ title: unique("Embassy protests"), kind: "embassy_protest" }))).id;
});
afterAll(closeTestDatabase);

/** What the event form sends: the London picket of the day of action. */
const london = {
  title: "Picket of the Kazakh embassy",
  kind: "picket",
  description: "Stop the repression of the Zhanaozen oil workers.",
  startsLocal: "2012-07-20T12:00",
  endsLocal: "2012-07-20T14:00",
  timeZone: "Europe/London",
  venue: "Embassy of Kazakhstan",
  address: "125 Pall Mall",
  city: "London",
  country: "gb",
  capacity: "",
  deadlineLocal: "",
  roles: "Steward, legal observer\nsteward",
};

const form = (changes: Record<string, string | undefined> = {}) => eventSchema.parse({ ...london, ...changes });

function fieldErrors(fields: Record<string, string | undefined>) {
  const result = eventSchema.safeParse({ ...london, ...fields });
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((i) => [String(i.path[0]), i.message]));
}

/** Sign-ups written straight to the table, as the sign-up code will: counts move with the rows. */
async function addSignups(eventId: string, confirmed: number, waitlisted: number) {
  const rows = [
    ...Array.from({ length: confirmed }, () => ({ status: "confirmed" as const })),
    ...Array.from({ length: waitlisted }, () => ({ status: "waitlisted" as const })),
  ].map((r, i) => ({ ...r, eventId, name: `Supporter ${i}`, email: `${unique("s")}@test.example`, createdAt: new Date(Date.UTC(2012, 6, 1, 0, i)) }));
  if (rows.length) await handle.db.insert(signups).values(await sealedSignups(handle, rows));
  await handle.db.update(events).set({ confirmedCount: confirmed, waitlistedCount: waitlisted }).where(eq(events.id, eventId));
}

async function row(eventId: string) {
  const [r] = await handle.db.select().from(events).where(eq(events.id, eventId));
  return r!;
}

describe("event form validation (eventSchema)", () => {
  it.each([
    [{ endsLocal: "2012-07-20T11:00" }, "endsLocal", "validation.endAfterStart"],
    [{ endsLocal: "2012-07-20T12:00" }, "endsLocal", "validation.endAfterStart"],
    [{ deadlineLocal: "2012-07-20T12:30" }, "deadlineLocal", "validation.deadlineBeforeStart"],
    [{ deadlineLocal: "tomorrow" }, "deadlineLocal", "validation.dateTime"],
    [{ startsLocal: "2012-02-30T12:00", endsLocal: "2012-03-01T12:00" }, "startsLocal", "validation.dateTime"],
    [{ startsLocal: "" }, "startsLocal", "validation.dateTime"],
    [{ capacity: "0" }, "capacity", "validation.capacity"],
    [{ capacity: "abc" }, "capacity", "validation.capacity"],
    [{ capacity: "2.5" }, "capacity", "validation.capacity"],
    [{ country: "XX" }, "country", "validation.country"],
    [{ timeZone: "Europe/Londres" }, "timeZone", "validation.timeZone"],
    [{ timeZone: "" }, "timeZone", "validation.timeZone"],
    [{ onlineUrl: "meet.example.org/picket" }, "onlineUrl", "validation.url"],
    [{ onlineUrl: "javascript:alert(1)" }, "onlineUrl", "validation.url"],
    [{ title: "no" }, "title", "validation.tooShort"],
    [{ kind: "riot" }, "kind", "validation.choose"],
    [{ slug: "London Picket" }, "slug", "validation.slug"],
    [{ latitude: "91" }, "latitude", "validation.coordinate"],
    [{ roles: "x".repeat(41) }, "roles", "validation.roles"],
  ])("%j → %s: %s", (fields, field, message) => {
    expect(fieldErrors(fields)[field]).toBe(message);
  });

  it("turns local times at the place into instants, whatever the server's zone", () => {
    expect(new Date(0).getTimezoneOffset()).toBe(-330); // Asia/Kathmandu in 1970: the suite is not in UTC
    const parsed = form({ deadlineLocal: "2012-07-19T18:00" });
    expect(parsed.startsAt.toISOString()).toBe("2012-07-20T11:00:00.000Z");
    expect(parsed.endsAt.toISOString()).toBe("2012-07-20T13:00:00.000Z");
    expect(parsed.signupDeadline?.toISOString()).toBe("2012-07-19T17:00:00.000Z");
    expect(parsed).toMatchObject({ country: "GB", capacity: null, waitlist: false, roles: ["steward", "legal observer"], onlineUrl: null, latitude: null });
  });

  it("reads capacity, waitlist, decimal commas in coordinates", () => {
    expect(form({ capacity: "12", waitlist: "on", latitude: "51,5072", longitude: "-0.1276" })).toMatchObject({
      capacity: 12,
      waitlist: true,
      latitude: 51.5072,
      longitude: -0.1276,
    });
  });

  it("postpone, cancel and duplicate forms check their fields too", () => {
    const postpone = postponeSchema.safeParse({ startsLocal: "2012-07-27T12:00", endsLocal: "2012-07-27T10:00", timeZone: "Europe/London" });
    expect(postpone.error?.issues.map((i) => [i.path[0], i.message])).toEqual([["endsLocal", "validation.endAfterStart"]]);
    expect(cancelEventSchema.safeParse({ reason: "x".repeat(501) }).error?.issues[0]?.message).toBe("validation.tooLong");
    const duplicate = duplicateSchema.safeParse({ city: "Warsaw", country: "XX", timeZone: "Mars/Olympus" });
    expect(Object.fromEntries(duplicate.error!.issues.map((i) => [i.path[0], i.message]))).toEqual({
      country: "validation.country",
      timeZone: "validation.timeZone",
    });
  });
});

describe("creating events", () => {
  it("stores instants from local times and makes the address from title and city", async () => {
    const { id, slug } = await createEvent(organizer, campaignId, form());
    expect(slug).toBe("picket-of-the-kazakh-embassy-london");
    const stored = await row(id);
    expect(stored.startsAt.toISOString()).toBe("2012-07-20T11:00:00.000Z");
    expect(stored.endsAt.toISOString()).toBe("2012-07-20T13:00:00.000Z");
    expect(stored).toMatchObject({ timeZone: "Europe/London", country: "GB", status: "scheduled", confirmedCount: 0, roles: ["steward", "legal observer"] });
    expect(instantToZonedLocal(stored.startsAt, stored.timeZone)).toBe("2012-07-20T12:00");

    const again = await createEvent(owner, campaignId, form());
    expect(again.slug).toBe("picket-of-the-kazakh-embassy-london-2");
    const chosen = await createEvent(owner, campaignId, form({ slug: "aktau-hearing" }));
    expect(chosen.slug).toBe("aktau-hearing");
    await expect(createEvent(owner, campaignId, form({ slug: "aktau-hearing" }))).rejects.toMatchObject({ messageKey: "events.slugTaken", field: "slug" });
  });

  it("a coordinator cannot create or edit; an outsider learns nothing; an unknown campaign is not found", async () => {
    await expect(createEvent(coordinator, campaignId, form())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createEvent(outsider, campaignId, form())).rejects.toBeInstanceOf(NotFoundError);
    await expect(createEvent(null, campaignId, form())).rejects.toBeInstanceOf(NotFoundError);
    await expect(createEvent(owner, "00000000-0000-4000-8000-000000000000", form())).rejects.toBeInstanceOf(NotFoundError);
    const { id } = await createEvent(organizer, campaignId, form({ title: "Vigil for Zhanaozen" }));
    await expect(updateEvent(coordinator, id, form({ title: "Changed" }))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateEvent(outsider, id, form({ title: "Changed" }))).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      postponeEvent(coordinator, id, postponeSchema.parse({ startsLocal: "2012-07-27T12:00", endsLocal: "2012-07-27T14:00", timeZone: "Europe/London" })),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(cancelEvent(coordinator, id, "")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(duplicateEvent(outsider, id, duplicateSchema.parse({ city: "Warsaw", country: "PL", timeZone: "Europe/Warsaw" }))).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect((await row(id)).title).toBe("Vigil for Zhanaozen");
  });

  it("coordinators can read events; outsiders cannot", async () => {
    const { id, slug } = await createEvent(organizer, campaignId, form({ title: "Readable vigil" }));
    expect((await getEventBySlug(coordinator, campaignId, slug)).id).toBe(id);
    expect((await listEvents(coordinator, campaignId)).map((e) => e.id)).toContain(id);
    expect((await eventForActor(coordinator, id, "coordinator")).role).toBe("coordinator");
    await expect(getEventBySlug(outsider, campaignId, slug)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listEvents(outsider, campaignId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getEventBySlug(coordinator, campaignId, "no-such-event")).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("editing events", () => {
  it("moves the instants when the zone changes, keeping the local times typed", async () => {
    const { id } = await createEvent(organizer, campaignId, form({ title: "Zone change" }));
    await updateEvent(organizer, id, form({ title: "Zone change", timeZone: "Europe/Berlin", city: "Berlin", country: "DE" }));
    const stored = await row(id);
    expect(stored.startsAt.toISOString()).toBe("2012-07-20T10:00:00.000Z");
    expect(stored).toMatchObject({ city: "Berlin", country: "DE", timeZone: "Europe/Berlin" });
  });

  it("refuses a capacity below the confirmed count, next to the capacity field, and changes nothing", async () => {
    const { id } = await createEvent(organizer, campaignId, form({ title: "Courtroom seats", capacity: "5", waitlist: "on" }));
    await addSignups(id, 4, 0);
    const err = await updateEvent(organizer, id, form({ title: "Courtroom seats, fewer", capacity: "3", waitlist: "on" })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PublicError);
    expect(err).toMatchObject({ messageKey: "events.capacityBelowConfirmed", field: "capacity", values: { confirmed: 4 } });
    expect(await row(id)).toMatchObject({ title: "Courtroom seats", capacity: 5 });
    // Exactly the confirmed count is fine.
    await updateEvent(organizer, id, form({ title: "Courtroom seats", capacity: "4", waitlist: "on" }));
    expect((await row(id)).capacity).toBe(4);
  });

  it("raising the capacity promotes the first waitlisted, first come first served", async () => {
    const { id } = await createEvent(organizer, campaignId, form({ title: "Hearing in Aktau", capacity: "2", waitlist: "on" }));
    await addSignups(id, 2, 3);
    const result = await updateEvent(organizer, id, form({ title: "Hearing in Aktau", capacity: "4", waitlist: "on" }));
    expect(result.promoted).toBe(2);
    expect(await row(id)).toMatchObject({ capacity: 4, confirmedCount: 4, waitlistedCount: 1 });
    const left = await openedSignups(handle, eq(signups.eventId, id));
    const waiting = left.filter((s) => s.status === "waitlisted");
    expect(left).toHaveLength(5);
    expect(waiting.map((w) => w.person?.name)).toEqual(["Supporter 4"]);
  });

  it("a new address must be free within the campaign", async () => {
    const a = await createEvent(organizer, campaignId, form({ title: "First", slug: unique("first") }));
    const b = await createEvent(organizer, campaignId, form({ title: "Second" }));
    await expect(updateEvent(organizer, b.id, form({ title: "Second", slug: a.slug }))).rejects.toMatchObject({
      messageKey: "events.slugTaken",
      field: "slug",
    });
    const moved = await updateEvent(organizer, b.id, form({ title: "Second", slug: unique("second") }));
    expect(moved.slug).not.toBe(b.slug);
  });
});

describe("postponing, cancelling, duplicating", () => {
  it("postponing keeps the old date and the reason, and pulls a late deadline back to the new start", async () => {
    const { id } = await createEvent(organizer, campaignId, form({ title: "Postponed picket", deadlineLocal: "2012-07-20T10:00" }));
    await postponeEvent(
      organizer,
      id,
      postponeSchema.parse({
        startsLocal: "2012-07-20T09:00",
        endsLocal: "2012-07-20T11:00",
        timeZone: "Europe/London",
        reason: "The embassy is closed on Friday.",
      }),
    );
    const stored = await row(id);
    expect(stored.status).toBe("postponed");
    expect(stored.previousStartsAt?.toISOString()).toBe("2012-07-20T11:00:00.000Z");
    expect(stored.previousEndsAt?.toISOString()).toBe("2012-07-20T13:00:00.000Z");
    expect(stored.startsAt.toISOString()).toBe("2012-07-20T08:00:00.000Z");
    expect(stored.endsAt.toISOString()).toBe("2012-07-20T10:00:00.000Z");
    expect(stored.signupDeadline?.toISOString()).toBe("2012-07-20T08:00:00.000Z");
    expect(stored.changeReason).toBe("The embassy is closed on Friday.");
  });

  it("cancelling records the reason; a cancelled event cannot be postponed", async () => {
    const { id } = await createEvent(organizer, campaignId, form({ title: "Cancelled vigil" }));
    await addSignups(id, 2, 0);
    await cancelEvent(owner, id, "Permit refused by the police.");
    expect(await row(id)).toMatchObject({ status: "cancelled", changeReason: "Permit refused by the police.", confirmedCount: 2 });
    const err = await postponeEvent(
      organizer,
      id,
      postponeSchema.parse({ startsLocal: "2012-07-27T12:00", endsLocal: "2012-07-27T14:00", timeZone: "Europe/London" }),
    ).catch((e: unknown) => e);
    expect(err).toMatchObject({ messageKey: "events.alreadyCancelled" });
  });

  it("duplicating to another city keeps the local wall-clock times in the new zone, and starts with no sign-ups", async () => {
    const { id } = await createEvent(
      organizer,
      campaignId,
      form({ title: "Embassy picket", capacity: "30", waitlist: "on", deadlineLocal: "2012-07-20T09:00" }),
    );
    await addSignups(id, 3, 0);
    const copy = await duplicateEvent(
      organizer,
      id,
      duplicateSchema.parse({ city: "Warsaw", country: "pl", timeZone: "Europe/Warsaw", venue: "Ambasada Kazachstanu", address: "ul. Królowej Marysieńki 14" }),
    );
    expect(copy.slug).toBe("embassy-picket-warsaw");
    const stored = await row(copy.id);
    expect(instantToZonedLocal(stored.startsAt, "Europe/Warsaw")).toBe("2012-07-20T12:00");
    expect(instantToZonedLocal(stored.endsAt, "Europe/Warsaw")).toBe("2012-07-20T14:00");
    expect(instantToZonedLocal(stored.signupDeadline!, "Europe/Warsaw")).toBe("2012-07-20T09:00");
    expect(stored.startsAt.toISOString()).toBe("2012-07-20T10:00:00.000Z");
    expect(stored).toMatchObject({
      title: "Embassy picket",
      city: "Warsaw",
      country: "PL",
      timeZone: "Europe/Warsaw",
      venue: "Ambasada Kazachstanu",
      capacity: 30,
      waitlist: true,
      status: "scheduled",
      confirmedCount: 0,
      waitlistedCount: 0,
      roles: ["steward", "legal observer"],
    });

    const aktau = await duplicateEvent(owner, id, duplicateSchema.parse({ title: "Solidarity meeting", city: "Aktau", country: "KZ", timeZone: "Asia/Aqtau" }));
    const far = await row(aktau.id);
    expect(far.title).toBe("Solidarity meeting");
    expect(instantToZonedLocal(far.startsAt, "Asia/Aqtau")).toBe("2012-07-20T12:00");
    expect(far.startsAt.toISOString()).toBe("2012-07-20T07:00:00.000Z");
  });
});
