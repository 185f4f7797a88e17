import { useLocale, useTranslations } from "next-intl";
import { countryName } from "@/lib/geo/countries";
import type { PublicEvent } from "@/lib/events/public";
import { formatInstant, zoneCity } from "@/lib/time/format";

type PlaceShown = Pick<
  PublicEvent,
  "kind" | "venue" | "address" | "city" | "country" | "latitude" | "longitude" | "onlineUrl" | "placeHidden" | "gatheringArea" | "placeRevealAt" | "timeZone"
>;

/** When a hidden place is sent, in the event's zone with the zone named: for the lines that say so. */
export function useRevealTime(event: Pick<PublicEvent, "placeRevealAt" | "timeZone">) {
  const locale = useLocale();
  const t = useTranslations("public.event");
  if (!event.placeRevealAt) return null;
  return { when: formatInstant(locale, event.placeRevealAt, event.timeZone), zone: t("localTime", { city: zoneCity(event.timeZone) }) };
}

/**
 * Address, and plain links that open it in a map app: nothing is loaded from a map service. A hidden place
 * (the public event has it emptied, lib/events/place.ts) shows its gathering area and city, and when the
 * confirmed attendees get the rest; `revealNote` false leaves that line to the page, `mapLinks` false leaves out the
 * map links (an embed, whose frame no map site may be opened in).
 */
export function EventPlace({ event, revealNote = true, mapLinks = true }: { event: PlaceShown; revealNote?: boolean; mapLinks?: boolean }) {
  const t = useTranslations("public.event");
  const locale = useLocale();
  const reveal = useRevealTime(event);
  const place = [event.address, event.city, countryName(event.country, locale)].filter(Boolean).join(", ");
  const query = encodeURIComponent([event.venue, event.address, event.city, event.country].filter(Boolean).join(", "));
  const geo = event.latitude !== null && event.longitude !== null ? `geo:${event.latitude},${event.longitude}` : `geo:0,0?q=${query}`;
  const osm =
    event.latitude !== null && event.longitude !== null
      ? `https://www.openstreetmap.org/?mlat=${event.latitude}&mlon=${event.longitude}#map=17/${event.latitude}/${event.longitude}`
      : `https://www.openstreetmap.org/search?query=${query}`;
  return (
    <div data-testid="event-place">
      {event.placeHidden && event.gatheringArea ? <p className="font-medium">{event.gatheringArea}</p> : null}
      {event.venue ? <p className="font-medium">{event.venue}</p> : null}
      <p>{place}</p>
      {mapLinks && event.kind !== "online" && !event.placeHidden ? (
        <p className="mt-1 flex flex-wrap gap-x-4 text-sm">
          <a className="text-brand-700 underline" href={geo}>
            {t("openInMapApp")}
          </a>
          <a className="text-brand-700 underline" href={osm} rel="nofollow noopener noreferrer">
            {t("openStreetMap")}
          </a>
        </p>
      ) : null}
      {event.onlineUrl ? (
        <p className="mt-1">
          <a className="text-brand-700 underline" href={event.onlineUrl} rel="nofollow noopener noreferrer">
            {t("joinOnline")}
          </a>
        </p>
      ) : null}
      {event.placeHidden && reveal && revealNote ? (
        <p className="mt-1 text-sm text-stone-700" data-testid="place-hidden">
          {t("placeHidden", reveal)}
        </p>
      ) : null}
    </div>
  );
}
