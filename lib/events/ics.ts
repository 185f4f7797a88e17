import "server-only";
import { TZDate } from "@date-fns/tz";
import { ICalCalendar, ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import { tzlib_get_ical_block, tzlib_get_timezones } from "timezones-ical-library";
import { offsetAt } from "@/lib/time/zones";
import type { PublicCampaign, PublicEvent } from "./public";
import { countryName } from "@/lib/geo/countries";

// Calendar files, written by ical-generator. Times are written at the event's place, with its zone
// (DTSTART;TZID=Europe/London:…) and the zone's VTIMEZONE from timezones-ical-library, so every calendar shows
// the place's time and converts it right. An event whose start or end the place's clocks show twice (when they
// go back) is written in UTC, since a local time in that hour leaves calendars to guess which of the two it is;
// so is an event in a zone the library does not describe. SEQUENCE is the event's own counter, raised by every
// change (lib/events/events.ts), so calendars replace their copy; a cancelled event stays in the feed as
// STATUS:CANCELLED.

type IcsCampaign = Pick<PublicCampaign, "slug" | "title">;
type IcsEvent = Pick<
  PublicEvent,
  | "id"
  | "slug"
  | "title"
  | "description"
  | "startsAt"
  | "endsAt"
  | "timeZone"
  | "venue"
  | "address"
  | "gatheringArea"
  | "city"
  | "country"
  | "status"
  | "sequence"
  | "latitude"
  | "longitude"
>;

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

const describedZones = new Set(tzlib_get_timezones());

/** The zone an event is written in: its place's, or none (UTC) when a calendar could not read it unambiguously. */
function writtenZone(event: IcsEvent): string | null {
  if (!describedZones.has(event.timeZone)) return null;
  const ambiguous = repeatedLocalTime(event.startsAt.getTime(), event.timeZone) || repeatedLocalTime(event.endsAt.getTime(), event.timeZone);
  return ambiguous ? null : event.timeZone;
}

/**
 * A shift a supporter took of an event split into shifts: written as an event of its own, with its own times and a
 * UID of its own; one waited for (on its waitlist, or asked for) is TENTATIVE.
 */
export interface IcsShift {
  id: string;
  startsAt: Date;
  endsAt: Date;
  label: string;
  place: "confirmed" | "waitlisted" | "requested";
}

function addEvent(cal: ICalCalendar, campaign: IcsCampaign, event: IcsEvent, origin: string, locale: string, shift?: IcsShift) {
  const url = `${origin}/c/${campaign.slug}/${event.slug}`;
  const zone = writtenZone(event);
  // A zoned date, so that the library writes the wall clock of the place (a plain Date would be read in the server's zone).
  const time = (instant: Date) => (zone ? new TZDate(instant.getTime(), zone) : instant);
  // The country by its name in the reader's language, as on the event page. A hidden place comes here emptied
  // (lib/events/place.ts), with only its gathering area.
  const place = [event.venue, event.address, event.gatheringArea, event.city, countryName(event.country, locale)].filter(Boolean).join(", ");
  const geo = event.latitude !== null && event.longitude !== null ? { lat: event.latitude, lon: event.longitude } : undefined;
  cal.createEvent({
    id: `${event.id}@picket`,
    start: time(event.startsAt),
    end: time(event.endsAt),
    timezone: zone,
    summary: shift?.label ? `${event.title} — ${shift.label}` : event.title,
    description: [campaign.title, event.description, url].filter(Boolean).join("\n\n"),
    location: place ? { title: place, ...(geo ? { geo } : {}) } : geo ? { geo } : null,
    url,
    status:
      event.status === "cancelled" ? ICalEventStatus.CANCELLED : shift && shift.place !== "confirmed" ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
    sequence: event.sequence,
  });
}

/** One calendar with these events, each written in its own zone, with a VTIMEZONE for each zone used. */
function calendar(campaign: IcsCampaign, list: IcsEvent[], origin: string, locale: string, name?: string, shifts?: IcsShift[]): string {
  const cal = new ICalCalendar({
    prodId: { company: "picket", product: "ics" },
    method: ICalCalendarMethod.PUBLISH,
    ...(name ? { name } : {}),
    // No zone of the calendar's own: the generator is asked for the zone of each event.
    timezone: { name: null, generator: (zone) => (describedZones.has(zone) ? (tzlib_get_ical_block(zone)[0] ?? null) : null) },
  });
  for (const event of list) {
    if (!shifts?.length) addEvent(cal, campaign, event, origin, locale);
    else for (const s of shifts) addEvent(cal, campaign, { ...event, id: s.id, startsAt: s.startsAt, endsAt: s.endsAt }, origin, locale, s);
  }
  return cal.toString();
}

/** One event; for a supporter who took shifts of it, one entry per shift taken instead. */
export function eventToIcs(campaign: IcsCampaign, event: IcsEvent, origin: string, locale = "en", shifts?: IcsShift[]): string {
  return calendar(campaign, [event], origin, locale, undefined, shifts);
}

/** The campaign's subscribable calendar: every event, cancelled ones marked so. */
export function campaignToIcs(campaign: IcsCampaign, list: IcsEvent[], origin: string, locale = "en"): string {
  return calendar(campaign, list, origin, locale, campaign.title);
}
