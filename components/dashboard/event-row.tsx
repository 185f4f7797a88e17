"use client";
import { ExternalLink } from "lucide-react";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { DashboardEvent } from "@/lib/campaigns/dashboard";
import { countryName } from "@/lib/geo/countries";
import { EventTime } from "./event-time";
import { SignupCounts } from "./signup-counts";
import { EventStatusBadge } from "./status-badge";

export function eventPath(org: string, campaign: string, event: string) {
  return `/dashboard/${org}/campaigns/${campaign}/events/${event}`;
}

/** One event in a live list: when (in its zone), where, status and sign-up counts. */
export function EventRow({ event, org, campaign, published }: { event: DashboardEvent; org: string; campaign: string; published: boolean }) {
  const t = useTranslations("dashboardCampaigns");
  const ta = useTranslations("attendeesUI.links");
  const locale = useLocale();
  const place = [event.city, countryName(event.country, locale)].filter(Boolean).join(", ");
  return (
    <li className="grid gap-2 py-3 sm:grid-cols-[minmax(0,1fr)_minmax(14rem,auto)] sm:items-start sm:gap-6" data-testid="event-row" data-event={event.slug}>
      <div className="min-w-0">
        <p className="flex flex-wrap items-center gap-2">
          <Link href={eventPath(org, campaign, event.slug)} className="font-medium text-brand-700 underline-offset-2 hover:underline">
            {event.title}
          </Link>
          {event.status !== "scheduled" ? <EventStatusBadge status={event.status} /> : null}
        </p>
        <p className="text-sm text-stone-700">
          <EventTime at={event.startsAt} timeZone={event.timeZone} className={event.status === "cancelled" ? "line-through" : undefined} />
          {place ? <span suppressHydrationWarning> · {place}</span> : null}
        </p>
        <p className="mt-1 flex flex-wrap gap-x-3 text-sm">
          <Link href={`${eventPath(org, campaign, event.slug)}/attendees`} className="text-brand-700 underline underline-offset-2">
            {ta("attendees")}
            <span className="sr-only"> ({event.title})</span>
          </Link>
          <Link href={`${eventPath(org, campaign, event.slug)}/check-in`} className="text-brand-700 underline underline-offset-2">
            {ta("checkIn")}
            <span className="sr-only"> ({event.title})</span>
          </Link>
        </p>
        {published ? (
          <a href={`/c/${campaign}/${event.slug}`} className="mt-1 inline-flex items-center gap-1 text-sm text-stone-600 underline underline-offset-2 hover:text-brand-700">
            <ExternalLink aria-hidden className="size-3.5" />
            {t("publicPage")}
            <span className="sr-only"> ({event.title})</span>
          </a>
        ) : null}
      </div>
      <SignupCounts confirmed={event.confirmed} waitlisted={event.waitlisted} capacity={event.capacity} bar />
    </li>
  );
}
