import "server-only";
import { createEvent, type EventAttributes } from "ics";
import type { PublicCampaign, PublicEvent } from "./public";

// Instants are written in UTC (…Z): every calendar places them right in every zone.
type IcsCampaign = Pick<PublicCampaign, "slug" | "title">;
type IcsEvent = Pick<
  PublicEvent,
  "id" | "slug" | "title" | "description" | "startsAt" | "endsAt" | "venue" | "address" | "city" | "country" | "status" | "updatedAt" | "latitude" | "longitude"
>;

export function eventToIcs(campaign: IcsCampaign, event: IcsEvent, origin: string): string {
  const url = `${origin}/c/${campaign.slug}/${event.slug}`;
  const attrs: EventAttributes = {
    uid: `${event.id}@picket`,
    productId: "picket/ics",
    start: event.startsAt.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    end: event.endsAt.getTime(),
    endInputType: "utc",
    endOutputType: "utc",
    title: event.title,
    description: [campaign.title, event.description, url].filter(Boolean).join("\n\n"),
    location: [event.venue, event.address, event.city, event.country].filter(Boolean).join(", ") || undefined,
    url,
    status: event.status === "cancelled" ? "CANCELLED" : "CONFIRMED",
    // Each change of the event bumps the sequence, so calendars replace the old copy.
    sequence: Math.floor(event.updatedAt.getTime() / 1000) % 2_000_000_000,
    ...(event.latitude !== null && event.longitude !== null ? { geo: { lat: event.latitude, lon: event.longitude } } : {}),
  };
  const { error, value } = createEvent(attrs);
  if (error || !value) throw error ?? new Error("calendar file could not be built");
  return value;
}
