import { useLocale, useTranslations } from "next-intl";
import type { PublicEvent } from "@/lib/events/public";
import { formatRange, zoneCity } from "@/lib/time/format";
import { Places } from "./places";

/** One event in a list; `host` names who runs it, when a campaign has several hosts. */
export function EventListItem({
  event,
  campaignSlug,
  campaignTitle,
  host,
}: {
  event: PublicEvent;
  campaignSlug: string;
  campaignTitle?: string;
  host?: string;
}) {
  const locale = useLocale();
  const t = useTranslations("public.event");
  return (
    <li className="py-3" data-testid="event-item">
      <a href={`/c/${campaignSlug}/${event.slug}`} className="font-semibold text-brand-700 underline-offset-2 hover:underline">
        {event.title}
      </a>
      {event.status === "cancelled" ? (
        <span className="ml-2 rounded bg-red-100 px-2 py-0.5 text-xs font-semibold text-red-800">{t("cancelledShort")}</span>
      ) : null}
      {event.status === "postponed" ? (
        <span className="ml-2 rounded bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">{t("postponedShort")}</span>
      ) : null}
      {campaignTitle ? <p className="text-sm text-stone-600">{campaignTitle}</p> : null}
      {host ? (
        <p className="text-sm text-stone-600" data-testid="event-host">
          {t("hostedBy", { host })}
        </p>
      ) : null}
      <p className="text-sm">
        <time dateTime={event.startsAt.toISOString()}>{formatRange(locale, event.startsAt, event.endsAt, event.timeZone)}</time>
        <span className="text-stone-600"> — {t("localTime", { city: zoneCity(event.timeZone) })}</span>
      </p>
      <p className="text-sm text-stone-700">
        {[event.venue, event.gatheringArea, event.city].filter(Boolean).join(", ")}{" "}
        {event.capacity !== null && event.status !== "cancelled" ? (
          <>
            · <Places event={event} />
          </>
        ) : null}
      </p>
    </li>
  );
}
