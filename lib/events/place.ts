import type { Event } from "@/db/schema";

// An event's exact place (venue, address, point on the map, online link) may be hidden: the public see only the
// city, the country and the gathering area, and confirmed attendees are sent the rest `placeRevealMinutes`
// before the start. Every public reading and every message goes through these, never through the row itself.

type Hideable = Pick<Event, "placeHidden" | "gatheringArea" | "placeRevealMinutes" | "startsAt">;
type Exact = Pick<Event, "venue" | "address" | "latitude" | "longitude" | "onlineUrl">;

/** The exact place alone: what a confirmed attendee is sent. */
export type ExactPlace = Exact;

/** When a hidden place is sent to the confirmed attendees. */
export function placeRevealAt(event: Pick<Hideable, "startsAt" | "placeRevealMinutes">): Date {
  return new Date(event.startsAt.getTime() - event.placeRevealMinutes * 60_000);
}

/** True when a confirmed attendee may be told the exact place now: it is not hidden, or its time has come. */
export function placeDue(event: Hideable, now: Date): boolean {
  return !event.placeHidden || placeRevealAt(event) <= now;
}

/**
 * The event as the public may see it: a hidden place's exact parts emptied, its gathering area kept; an open
 * place's gathering area is not shown (it says nothing the venue does not).
 */
export function withPublicPlace<T extends Hideable & Exact>(event: T): T {
  if (!event.placeHidden) return { ...event, gatheringArea: "" };
  return { ...event, venue: "", address: "", latitude: null, longitude: null, onlineUrl: null };
}

/** The event with its exact place when `exact`, or as the public see it. */
export function withPlaceFor<T extends Hideable & Exact>(event: T, exact: boolean): T {
  return exact ? event : withPublicPlace(event);
}

export function exactPlaceOf(event: Exact): ExactPlace {
  return { venue: event.venue, address: event.address, latitude: event.latitude, longitude: event.longitude, onlineUrl: event.onlineUrl };
}

/** A link that opens the point (or the address) on OpenStreetMap: nothing is loaded from a map service before. */
export function mapLinkOf(place: Pick<Event, "venue" | "address" | "city" | "country" | "latitude" | "longitude">): string | null {
  if (place.latitude !== null && place.longitude !== null)
    return `https://www.openstreetmap.org/?mlat=${place.latitude}&mlon=${place.longitude}#map=17/${place.latitude}/${place.longitude}`;
  const query = [place.venue, place.address, place.city, place.country].filter(Boolean).join(", ");
  return place.address || place.venue ? `https://www.openstreetmap.org/search?query=${encodeURIComponent(query)}` : null;
}
