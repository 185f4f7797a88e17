import ICAL from "ical.js";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { events } from "@/db/schema";
import { closeTestDatabase, makeEvent, openWithOrg, unique } from "@/db/testing";
import type { Actor } from "@/lib/auth/actor";
import { signupSchema } from "@/lib/signups/schemas";
import { signUp } from "@/lib/signups/signups";
import { GET as campaignCalendar } from "@/app/(public)/c/[campaign]/calendar.ics/route";
import { cancelEvent, updateEvent } from "./events";
import { campaignToIcs, eventToIcs, repeatedLocalTime } from "./ics";
import { getPublicCampaign, getPublicEvent } from "./public";
import { instantToZonedLocal } from "@/lib/time/zones";
import { eventSchema } from "./schemas";

let handle: DbHandle;
let orgId: string;
let organizer: Actor;
beforeAll(async () => {
  const made = await openWithOrg({ organizer: 1 });
  ({
    handle,
    org: { id: orgId },
  } = made);
  organizer = made.people.organizer[0]!;
});
afterAll(closeTestDatabase);

/** The VEVENTs of a calendar file, read back by an iCalendar parser that applies the file's own VTIMEZONEs. */
function parse(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  for (const tz of root.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(tz);
  return {
    root,
    events: root.getAllSubcomponents("vevent").map((c) => {
      const e = new ICAL.Event(c);
      const start = c.getFirstProperty("dtstart")!;
      return {
        uid: e.uid,
        summary: e.summary,
        start: e.startDate.toJSDate(),
        end: e.endDate.toJSDate(),
        tzid: start.getParameter("tzid"),
        raw: start.toICALString(),
        sequence: e.sequence,
        status: c.getFirstPropertyValue("status"),
      };
    }),
  };
}

const at = (iso: string) => new Date(iso);

describe("calendar files", () => {
  it("write each event at its place's time with its zone, and calendars convert them back to the right instant", async () => {
    const { campaign, event: london } = await makeEvent(handle, orgId, {
      title: "London picket",
      timeZone: "Europe/London",
      startsAt: at("2026-12-19T12:00:00Z"),
      endsAt: at("2026-12-19T14:00:00Z"),
    });
    const [summer] = await handle.db
      .insert(events)
      .values({
        campaignId: campaign.id,
        slug: unique("summer"),
        title: "London in summer",
        kind: "picket",
        timeZone: "Europe/London",
        country: "GB",
        startsAt: at("2027-07-20T11:00:00Z"),
        endsAt: at("2027-07-20T13:00:00Z"),
      })
      .returning();
    const [kathmandu] = await handle.db
      .insert(events)
      .values({
        campaignId: campaign.id,
        slug: unique("ktm"),
        title: "Kathmandu vigil",
        kind: "vigil",
        timeZone: "Asia/Kathmandu",
        country: "NP",
        startsAt: at("2026-12-20T12:15:00Z"),
        endsAt: at("2026-12-20T13:15:00Z"),
      })
      .returning();

    const single = parse(eventToIcs(campaign, (await getPublicEvent(campaign.slug, london.slug))!.event, "https://picket.test"));
    expect(single.events).toHaveLength(1);
    // The place names its country, in the reader's language: never a bare code.
    expect(single.root.getFirstSubcomponent("vevent")!.getFirstPropertyValue("location")).toMatch(/, United Kingdom$/);
    const russian = parse(eventToIcs(campaign, (await getPublicEvent(campaign.slug, london.slug))!.event, "https://picket.test", "ru"));
    expect(russian.root.getFirstSubcomponent("vevent")!.getFirstPropertyValue("location")).toMatch(/, Великобритания$/);
    expect(single.events[0]).toMatchObject({ uid: `${london.id}@picket`, tzid: "Europe/London", raw: "DTSTART;TZID=Europe/London:20261219T120000" });
    expect(single.events[0]!.start).toEqual(london.startsAt);

    const feed = parse(campaignToIcs(campaign, (await getPublicCampaign(campaign.slug))!.events, "https://picket.test"));
    expect(feed.root.getFirstPropertyValue("x-wr-calname")).toBe(campaign.title);
    expect(feed.root.getFirstPropertyValue("method")).toBe("PUBLISH");
    // One VTIMEZONE for each zone the events are in, whatever the number of events in it.
    expect(
      feed.root
        .getAllSubcomponents("vtimezone")
        .map((tz) => tz.getFirstPropertyValue("tzid"))
        .sort(),
    ).toEqual(["Asia/Kathmandu", "Europe/London"]);
    const byTitle = Object.fromEntries(feed.events.map((e) => [e.summary, e]));
    expect(byTitle["London in summer"]).toMatchObject({ tzid: "Europe/London", raw: "DTSTART;TZID=Europe/London:20270720T120000" });
    expect(byTitle["London in summer"]!.start).toEqual(summer!.startsAt);
    expect(byTitle["Kathmandu vigil"]).toMatchObject({ tzid: "Asia/Kathmandu", raw: "DTSTART;TZID=Asia/Kathmandu:20261220T180000" });
    expect(byTitle["Kathmandu vigil"]!.start).toEqual(kathmandu!.startsAt);
    expect(byTitle["Kathmandu vigil"]!.end).toEqual(kathmandu!.endsAt);
  });

  it("a time the place's clocks show twice is written in UTC, so no calendar has to guess which one", async () => {
    // London's clocks go back at 02:00 BST on 25 October 2026: 01:30 comes twice, at 00:30 and 01:30 UTC.
    const { campaign, event } = await makeEvent(handle, orgId, {
      title: "Night vigil",
      timeZone: "Europe/London",
      startsAt: at("2026-10-25T01:30:00Z"),
      endsAt: at("2026-10-25T03:00:00Z"),
    });
    const [first] = parse(eventToIcs(campaign, (await getPublicEvent(campaign.slug, event.slug))!.event, "https://picket.test")).events;
    expect(first!.raw).toBe("DTSTART:20261025T013000Z");
    expect(first!.start).toEqual(event.startsAt);
    // The whole event is written in UTC then, its end too, and converts back to the same instants.
    expect(first!.end).toEqual(event.endsAt);
    expect(eventToIcs(campaign, (await getPublicEvent(campaign.slug, event.slug))!.event, "https://picket.test")).toContain("DTEND:20261025T030000Z");

    expect(repeatedLocalTime(Date.parse("2026-10-25T00:30:00Z"), "Europe/London")).toBe(true);
    expect(repeatedLocalTime(Date.parse("2026-10-25T01:59:00Z"), "Europe/London")).toBe(true);
    expect(repeatedLocalTime(Date.parse("2026-10-25T02:00:00Z"), "Europe/London")).toBe(false);
    expect(repeatedLocalTime(Date.parse("2026-10-24T23:59:00Z"), "Europe/London")).toBe(false);
    // The hour skipped in spring is not repeated; zones without clock changes never are.
    expect(repeatedLocalTime(Date.parse("2026-03-29T01:30:00Z"), "Europe/London")).toBe(false);
    expect(repeatedLocalTime(Date.parse("2026-10-25T00:30:00Z"), "Asia/Kathmandu")).toBe(false);
    // Lord Howe Island goes back half an hour.
    expect(repeatedLocalTime(Date.parse("2026-04-04T15:15:00Z"), "Australia/Lord_Howe")).toBe(true);
  });

  it("the campaign's feed marks a cancelled event cancelled, and an organizer's change raises its SEQUENCE by one; sign-ups do not", async () => {
    const { campaign, event } = await makeEvent(handle, orgId, { title: "Warsaw picket", timeZone: "Europe/Warsaw", country: "PL", city: "Warsaw" });
    const [other] = await handle.db
      .insert(events)
      .values({
        campaignId: campaign.id,
        slug: unique("other"),
        title: "Berlin picket",
        kind: "picket",
        timeZone: "Europe/Berlin",
        country: "DE",
        startsAt: event.startsAt,
        endsAt: event.endsAt,
      })
      .returning();
    const sequenceOf = async (id: string) =>
      parse(campaignToIcs(campaign, (await getPublicCampaign(campaign.slug))!.events, "https://picket.test")).events.find((e) => e.uid === `${id}@picket`)!;
    expect((await sequenceOf(event.id)).sequence).toBe(0);

    await signUp(event.id, signupSchema.parse({ name: "Zofia", email: `${unique("z")}@test.example` }), { client: unique("c"), locale: "pl" });
    expect((await sequenceOf(event.id)).sequence).toBe(0);

    const local = (d: Date) => instantToZonedLocal(d, "Europe/Warsaw");
    await updateEvent(
      organizer,
      event.id,
      eventSchema.parse({
        title: "Warsaw picket, later",
        kind: "picket",
        startsLocal: local(new Date(event.startsAt.getTime() + 3_600_000)),
        endsLocal: local(new Date(event.endsAt.getTime() + 3_600_000)),
        timeZone: "Europe/Warsaw",
        country: "PL",
        city: "Warsaw",
      }),
    );
    const moved = await sequenceOf(event.id);
    expect(moved.sequence).toBe(1);
    expect(moved.status).toBe("CONFIRMED");
    // An hour later, to the minute the form holds.
    expect(moved.start.getTime()).toBe(Math.floor(event.startsAt.getTime() / 60_000) * 60_000 + 3_600_000);

    await cancelEvent(organizer, other!.id, "Venue refused");
    const cancelled = await sequenceOf(other!.id);
    expect(cancelled).toMatchObject({ status: "CANCELLED", sequence: 1 });
    // Cancelling twice changes nothing more.
    await cancelEvent(organizer, other!.id, "");
    expect((await sequenceOf(other!.id)).sequence).toBe(1);
  });

  it("answers /c/{campaign}/calendar.ics with text/calendar for a published campaign, and draft campaigns are not public", async () => {
    const { campaign, event } = await makeEvent(handle, orgId, { title: "Brussels picket" });
    const res = await campaignCalendar(new Request(`https://picket.test/c/${campaign.slug}/calendar.ics`), {
      params: Promise.resolve({ campaign: campaign.slug }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(parse(await res.text()).events.map((e) => e.uid)).toEqual([`${event.id}@picket`]);

    const { campaign: draft } = await makeEvent(handle, orgId, {}, "draft");
    expect(await getPublicCampaign(draft.slug)).toBeNull();
    const [row] = await handle.db.select().from(events).where(eq(events.campaignId, draft.id));
    expect(row).toBeDefined();
  });
});
