import "server-only";
import { createEvents, type EventAttributes } from "ics";
import { offsetAt } from "@/lib/time/zones";
import type { PublicCampaign, PublicEvent } from "./public";
import { countryName } from "@/lib/geo/countries";

// Calendar files, built with the ics package. Times are written at the event's place, with its zone
// (DTSTART;TZID=Europe/London:…) and a VTIMEZONE that describes that zone's offsets around the events,
// so every calendar shows the place's time and converts it right; only a time the place's clocks show twice
// (when they go back) is written in UTC. SEQUENCE is the event's own counter,
// raised by every change (lib/events/events.ts), so calendars replace their copy; a cancelled event
// stays in the feed as STATUS:CANCELLED.

type IcsCampaign = Pick<PublicCampaign, "slug" | "title">;
type IcsEvent = Pick<
  PublicEvent,
  "id" | "slug" | "title" | "description" | "startsAt" | "endsAt" | "timeZone" | "venue" | "address" | "city" | "country" | "status" | "sequence" | "latitude" | "longitude"
>;

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, "0");

/** "20261219T120000": the wall clock at an offset, as iCalendar writes a local time. */
function localStamp(instant: number, offset: number): string {
  const d = new Date(instant + offset);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
}

/**
 * True when the place's clocks show this instant's time twice: the hour repeated when they go back. Such a
 * time is written in UTC, since a local time with TZID leaves calendars to guess which of the two it is.
 */
export function repeatedLocalTime(instant: number, zone: string): boolean {
  const wall = instant + offsetAt(instant, zone);
  const offsets = new Set([offsetAt(instant - 3 * 3_600_000, zone), offsetAt(instant, zone), offsetAt(instant + 3 * 3_600_000, zone)]);
  const readings = [...offsets].map((o) => wall - o).filter((t) => offsetAt(t, zone) === wall - t);
  return new Set(readings).size > 1;
}

/** "+0545" */
function offsetText(offset: number): string {
  const minutes = Math.round(offset / 60_000);
  return `${minutes < 0 ? "-" : "+"}${pad(Math.floor(Math.abs(minutes) / 60))}${pad(Math.abs(minutes) % 60)}`;
}

const HOUR = 3_600_000;

/** The instants in [from, to) where the zone's offset changes, to the minute. */
function transitions(zone: string, from: number, to: number): { at: number; before: number; after: number }[] {
  const found: { at: number; before: number; after: number }[] = [];
  let previous = offsetAt(from, zone);
  for (let t = from + 6 * HOUR; t < to; t += 6 * HOUR) {
    const current = offsetAt(t, zone);
    if (current === previous) continue;
    let lo = t - 6 * HOUR;
    let hi = t;
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
      if (offsetAt(mid, zone) === previous) lo = mid;
      else hi = mid;
    }
    found.push({ at: hi, before: previous, after: current });
    previous = current;
  }
  return found;
}

/** A VTIMEZONE with the zone's offset from a year before the first event to a year after the last. */
function vtimezone(zone: string, instants: number[]): string {
  const from = Date.UTC(new Date(Math.min(...instants)).getUTCFullYear() - 1, 0, 1);
  const to = Date.UTC(new Date(Math.max(...instants)).getUTCFullYear() + 2, 0, 1);
  const first = offsetAt(from, zone);
  const lines = ["BEGIN:VTIMEZONE", `TZID:${zone}`, "BEGIN:STANDARD", `DTSTART:${localStamp(from, first)}`, `TZOFFSETFROM:${offsetText(first)}`, `TZOFFSETTO:${offsetText(first)}`, "END:STANDARD"];
  for (const { at, before, after } of transitions(zone, from, to)) {
    const kind = after > before ? "DAYLIGHT" : "STANDARD";
    lines.push(`BEGIN:${kind}`, `DTSTART:${localStamp(at, before)}`, `TZOFFSETFROM:${offsetText(before)}`, `TZOFFSETTO:${offsetText(after)}`, `END:${kind}`);
  }
  lines.push("END:VTIMEZONE");
  return lines.join("\r\n");
}

function attributes(campaign: IcsCampaign, event: IcsEvent, origin: string, locale: string): EventAttributes {
  const url = `${origin}/c/${campaign.slug}/${event.slug}`;
  return {
    uid: `${event.id}@picket`,
    start: event.startsAt.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    end: event.endsAt.getTime(),
    endInputType: "utc",
    endOutputType: "utc",
    title: event.title,
    description: [campaign.title, event.description, url].filter(Boolean).join("\n\n"),
    // The country by its name in the reader's language, as on the event page.
    location: [event.venue, event.address, event.city, countryName(event.country, locale)].filter(Boolean).join(", ") || undefined,
    url,
    status: event.status === "cancelled" ? "CANCELLED" : "CONFIRMED",
    sequence: event.sequence,
    ...(event.latitude !== null && event.longitude !== null ? { geo: { lat: event.latitude, lon: event.longitude } } : {}),
  };
}

/** One calendar with these events, each written in its own zone. */
function calendar(campaign: IcsCampaign, list: IcsEvent[], origin: string, locale: string, name?: string): string {
  const { error, value } = createEvents(
    list.map((e) => attributes(campaign, e, origin, locale)),
    { productId: "picket/ics", method: "PUBLISH", ...(name ? { calName: name } : {}) },
  );
  if (error || !value) throw error ?? new Error("calendar file could not be built");
  // The package writes UTC (…Z); each VEVENT's start and end become the place's wall clock with its zone.
  const [head = "", ...vevents] = value.split("BEGIN:VEVENT");
  const zoned = vevents.map((block, i) => {
    const e = list[i]!;
    // A time in the hour repeated when the clocks go back stays in UTC, as the package wrote it.
    const at = (name: string, instant: Date) => (line: string) =>
      repeatedLocalTime(instant.getTime(), e.timeZone) ? line : `${name};TZID=${e.timeZone}:${localStamp(instant.getTime(), offsetAt(instant.getTime(), e.timeZone))}`;
    return block.replace(/^DTSTART:\d{8}T\d{6}Z$/m, at("DTSTART", e.startsAt)).replace(/^DTEND:\d{8}T\d{6}Z$/m, at("DTEND", e.endsAt));
  });
  const zones = [...new Set(list.map((e) => e.timeZone))].map((zone) =>
    vtimezone(
      zone,
      list.filter((e) => e.timeZone === zone).flatMap((e) => [e.startsAt.getTime(), e.endsAt.getTime()]),
    ),
  );
  const header = zones.length ? `${head.replace(/\r?\n$/, "")}\r\n${zones.join("\r\n")}\r\n` : head;
  return [header, ...zoned].join("BEGIN:VEVENT").replace(/\r?\n/g, "\r\n");
}

export function eventToIcs(campaign: IcsCampaign, event: IcsEvent, origin: string, locale = "en"): string {
  return calendar(campaign, [event], origin, locale);
}

/** The campaign's subscribable calendar: every event, cancelled ones marked so. */
export function campaignToIcs(campaign: IcsCampaign, list: IcsEvent[], origin: string, locale = "en"): string {
  return calendar(campaign, list, origin, locale, campaign.title);
}
