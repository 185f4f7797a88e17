import { useLocale, useTranslations } from "next-intl";
import { countryName } from "@/lib/geo/countries";
import type { PublicEvent } from "@/lib/events/public";

/** Address, and plain links that open it in a map app: nothing is loaded from a map service. */
export function EventPlace({ event }: { event: PublicEvent }) {
  const t = useTranslations("public.event");
  const locale = useLocale();
  const place = [event.address, event.city, countryName(event.country, locale)].filter(Boolean).join(", ");
  const query = encodeURIComponent([event.venue, event.address, event.city, event.country].filter(Boolean).join(", "));
  const geo = event.latitude !== null && event.longitude !== null ? `geo:${event.latitude},${event.longitude}` : `geo:0,0?q=${query}`;
  const osm =
    event.latitude !== null && event.longitude !== null
      ? `https://www.openstreetmap.org/?mlat=${event.latitude}&mlon=${event.longitude}#map=17/${event.latitude}/${event.longitude}`
      : `https://www.openstreetmap.org/search?query=${query}`;
  return (
    <div data-testid="event-place">
      {event.venue ? <p className="font-medium">{event.venue}</p> : null}
      <p>{place}</p>
      {event.kind !== "online" ? (
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
    </div>
  );
}
