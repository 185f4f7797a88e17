"use client";
import { ExternalLink } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { DashboardEvent } from "@/lib/campaigns/dashboard";
import { SignupCounts } from "./signup-counts";
import { EventStatusBadge } from "./status-badge";

export function eventPath(org: string, campaign: string, event: string) {
  return `/dashboard/${org}/campaigns/${campaign}/events/${event}`;
}

/** One event in a live list: when (in its zone), where, status and sign-up counts. */
export function EventRow({ event, org, campaign, published }: { event: DashboardEvent; org: string; campaign: string; published: boolean }) {
  const t = useTranslations("campaigns.dashboard");
  const ta = useTranslations("attendees.dashboard.links");
  return (
    <li className="grid gap-2 py-3 sm:grid-cols-[minmax(0,1fr)_minmax(14rem,auto)] sm:items-start sm:gap-6" data-testid="event-row" data-event={event.slug}>
      <div className="min-w-0">
        <p className="flex flex-wrap items-center gap-2">
          {event.host ? (
            <span className="font-medium">{event.title}</span>
          ) : (
            <Link href={eventPath(org, campaign, event.slug)} className="font-medium text-brand-700 underline-offset-2 hover:underline">
              {event.title}
            </Link>
          )}
          {event.status !== "scheduled" ? <EventStatusBadge status={event.status} /> : null}
        </p>
        <p className="text-sm text-stone-700">
          <time dateTime={event.startsAt} className={event.status === "cancelled" ? "line-through" : undefined} data-testid="event-row-when">
            {event.when}
          </time>
          {event.place ? <span> · {event.place}</span> : null}
        </p>
        {event.host ? (
          // A partner's event: its counts, and who runs it; its people are the partner's alone.
          <p className="mt-1 text-sm text-stone-600" data-testid="event-row-host">
            {t("runBy", { org: event.host })}
          </p>
        ) : (
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
        )}
        {published ? (
          <a
            href={`/c/${campaign}/${event.slug}`}
            className="mt-1 inline-flex items-center gap-1 text-sm text-stone-600 underline underline-offset-2 hover:text-brand-700"
          >
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
