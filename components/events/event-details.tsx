import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { EventTime } from "@/components/dashboard/event-time";
import { Card } from "@/components/ui/card";
import { countryName } from "@/lib/geo/countries";
import { placeRevealAt } from "@/lib/events/place";
import { formatInstant, zoneCity } from "@/lib/time/format";

interface Details {
  kind: string;
  description: string;
  venue: string;
  address: string;
  city: string;
  country: string;
  onlineUrl: string | null;
  capacity: number | null;
  waitlist: boolean;
  signupDeadline: Date | null;
  timeZone: string;
  roles: string[];
  signupMode: "named" | "pseudonymous" | "headcount";
  approval: boolean;
  placeHidden: boolean;
  gatheringArea: string;
  placeRevealMinutes: number;
  startsAt: Date;
}

/** For the people who run an event: its place is hidden from the public, and when its attendees get it. */
export function PlaceRevealNote({
  event,
  now = new Date(),
}: {
  event: Pick<Details, "placeHidden" | "placeRevealMinutes" | "startsAt" | "timeZone">;
  now?: Date;
}) {
  const td = useTranslations("editor.eventPage");
  const tp = useTranslations("public.event");
  const locale = useLocale();
  if (!event.placeHidden) return null;
  const at = placeRevealAt(event);
  const values = { when: formatInstant(locale, at, event.timeZone), zone: tp("localTime", { city: zoneCity(event.timeZone) }) };
  return (
    <p data-testid="place-reveal-note" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
      {at <= now ? td("placeHiddenSent", values) : td("placeHiddenUntil", values)}
    </p>
  );
}

/** What coordinators need to know about an event, read-only. */
export function EventDetails({ event }: { event: Details }) {
  const t = useTranslations("editor.eventPage.fields");
  const tk = useTranslations("editor.eventKinds");
  const tm = useTranslations("editor.signupModes");
  const td = useTranslations("editor.eventPage");
  const locale = useLocale();
  const rows: [string, ReactNode][] = [
    [t("kind"), tk(event.kind as "protest")],
    [t("venue"), event.venue],
    [t("address"), event.address],
    [t("place"), [event.city, countryName(event.country, locale)].filter(Boolean).join(", ")],
    [t("publicPlace"), event.placeHidden ? [event.gatheringArea, event.city, countryName(event.country, locale)].filter(Boolean).join(", ") : ""],
    [
      t("onlineUrl"),
      event.onlineUrl ? (
        <a href={event.onlineUrl} className="break-all text-brand-700 underline" rel="noreferrer noopener">
          {event.onlineUrl}
        </a>
      ) : (
        ""
      ),
    ],
    [t("capacity"), event.capacity === null ? td("noLimit") : String(event.capacity)],
    [t("waitlist"), event.waitlist ? td("yes") : td("no")],
    [t("signupMode"), tm(event.signupMode)],
    [t("approval"), event.approval ? td("yes") : td("no")],
    [t("deadline"), event.signupDeadline ? <EventTime at={event.signupDeadline} timeZone={event.timeZone} /> : td("none")],
    [t("roles"), event.roles.join(", ")],
  ];
  return (
    <Card>
      <h2 className="text-lg font-semibold">{td("details")}</h2>
      <dl className="mt-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[12rem_1fr]">
        {rows
          .filter(([, v]) => v !== "")
          .map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="font-medium text-stone-700">{label}</dt>
              <dd className="text-stone-900">{value}</dd>
            </div>
          ))}
      </dl>
      <div className="mt-3">
        <PlaceRevealNote event={event} />
      </div>
      {event.description ? <p className="mt-4 whitespace-pre-line text-sm text-stone-800">{event.description}</p> : null}
    </Card>
  );
}
