import type { DehydratedState } from "@tanstack/react-query";
import { HydrationBoundary } from "@tanstack/react-query";
import { ClipboardCheck, ExternalLink, Mail, Users } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LiveEventCounts } from "@/components/dashboard/live-campaign-events";
import { CancelEventForm } from "@/components/events/cancel-event-form";
import { DuplicateEventForm } from "@/components/events/duplicate-event-form";
import { PostponeForm } from "@/components/events/postpone-form";
import type { CountryOption } from "@/components/events/zone-options";
import { ConfirmDeleteForm } from "@/components/trials/confirm-delete-form";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { getEventBySlug } from "@/lib/events/events";
import { instantToZonedLocal } from "@/lib/time/zones";
import type { RoleNeed } from "@/lib/signups/role-room";
import { cancelEventAction, deleteEventAction, duplicateEventAction, postponeEventAction } from "../../../actions";

// The event page's panels: its sign-ups with the ways to its people, and the organizer's changes beside it.

type DashboardEvent = Awaited<ReturnType<typeof getEventBySlug>>;

/** How many signed up, live, with the attendee list, the check-in, the public page and a message to them. */
export async function SignupsPanel({
  org,
  campaign,
  event,
  dashboard,
  canEdit,
  roles,
}: {
  org: string;
  campaign: { slug: string; status: string };
  event: Pick<DashboardEvent, "id" | "slug" | "confirmedCount" | "waitlistedCount" | "requestedCount" | "capacity">;
  dashboard: DehydratedState;
  canEdit: boolean;
  /** Its roles with what each needs and has. */
  roles: RoleNeed[];
}) {
  const t = await getTranslations("editor.eventPage");
  const tm = await getTranslations("attendeeMessages");
  const ta = await getTranslations("attendees.dashboard");
  const eventPath = `/dashboard/${org}/campaigns/${campaign.slug}/events/${event.slug}`;
  const publicPath = `/c/${campaign.slug}/${event.slug}`;
  return (
    <Card title={t("signups")}>
      <div className="mt-2">
        <HydrationBoundary state={dashboard}>
          <LiveEventCounts
            org={org}
            eventId={event.id}
            initial={{ confirmed: event.confirmedCount, waitlisted: event.waitlistedCount, capacity: event.capacity }}
          />
        </HydrationBoundary>
      </div>
      {event.requestedCount > 0 ? (
        <p className="mt-3">
          <Link
            href={`${eventPath}/attendees#requests-title`}
            className="inline-flex min-h-11 items-center gap-2 rounded-md bg-amber-50 px-3 font-semibold text-amber-900 ring-1 ring-amber-300"
            data-testid="requests-waiting"
          >
            {ta("requestsWaiting", { count: event.requestedCount })}
          </Link>
        </p>
      ) : null}
      {roles.some((r) => r.needed !== null) ? (
        <ul className="mt-3 flex flex-wrap gap-2 text-sm" data-testid="role-fill" aria-label={t("rolesFilled")}>
          {roles.map((r) => (
            <li key={r.role} className={`rounded-full px-3 py-1 ${r.missing ? "bg-amber-50 ring-1 ring-amber-300" : "bg-stone-100"}`}>
              {r.needed === null ? t("roleTaken", { role: r.role, taken: r.taken }) : t("roleFill", { role: r.role, taken: r.taken, needed: r.needed })}
            </li>
          ))}
        </ul>
      ) : null}
      <nav aria-label={ta("links.attendees")} className="mt-3 flex flex-wrap gap-2" data-testid="event-attendee-links">
        <Link href={`${eventPath}/attendees`} className={buttonClass("secondary")}>
          <Users aria-hidden className="size-4 shrink-0" />
          {ta("links.attendees")}
        </Link>
        <Link href={`${eventPath}/check-in`} className={buttonClass("primary")}>
          <ClipboardCheck aria-hidden className="size-4 shrink-0" />
          {ta("openCheckIn")}
        </Link>
      </nav>
      <p className="mt-3 text-sm text-stone-700">
        {campaign.status === "published" ? (
          <a href={publicPath} className="inline-flex items-center gap-1 break-all text-brand-700 underline underline-offset-2">
            <ExternalLink aria-hidden className="size-4 shrink-0" />
            {t("publicPage")}
          </a>
        ) : (
          t("notPublic", { path: publicPath })
        )}
      </p>
      {canEdit ? (
        <p className="mt-3 border-t border-stone-200 pt-3 text-sm">
          <Link href={`${eventPath}/message`} className="inline-flex min-h-11 items-center gap-2 font-medium text-brand-700 underline underline-offset-2">
            <Mail aria-hidden className="size-4 shrink-0" />
            {tm("link")}
          </Link>
          <span className="block text-stone-600">{tm("linkLead")}</span>
        </p>
      ) : null}
    </Card>
  );
}

/** Postpone, copy to another city, cancel, and delete while nobody has signed up: the organizer's side column. */
export async function EventActions({
  org,
  campaign,
  event,
  version,
  localTimes,
  countries,
  zones,
}: {
  org: string;
  campaign: string;
  event: DashboardEvent;
  /** Forms remount when the event changes on the server. */
  version: string;
  localTimes: string;
  countries: CountryOption[];
  zones: string[];
}) {
  const t = await getTranslations("editor.eventPage");
  const cancelled = event.status === "cancelled";
  const local = (d: Date) => instantToZonedLocal(d, event.timeZone);
  return (
    <div className="space-y-6">
      {!cancelled ? (
        <Card id="postpone" title={t("postponeTitle")} lead={t("postponeLead")}>
          <div className="mt-4">
            <PostponeForm
              key={version}
              action={postponeEventAction}
              org={org}
              campaign={campaign}
              eventId={event.id}
              timeZone={event.timeZone}
              startsLocal={local(event.startsAt)}
              endsLocal={local(event.endsAt)}
            />
          </div>
        </Card>
      ) : null}
      <Card id="duplicate" title={t("duplicateTitle")}>
        <div className="mt-3">
          <DuplicateEventForm
            action={duplicateEventAction}
            org={org}
            campaign={campaign}
            eventId={event.id}
            title={event.title}
            localTimes={localTimes}
            countries={countries}
            zones={zones}
          />
        </div>
      </Card>
      {!cancelled ? (
        <Card className="border-red-200" id="cancel" title={t("cancelTitle")} lead={t("cancelLead")} danger>
          <div className="mt-4">
            <CancelEventForm
              action={cancelEventAction}
              org={org}
              campaign={campaign}
              eventId={event.id}
              eventTitle={event.title}
              signups={event.confirmedCount + event.waitlistedCount}
            />
          </div>
        </Card>
      ) : null}
      {event.confirmedCount + event.waitlistedCount === 0 ? (
        // Made by mistake: gone without a trace on the public pages, while nobody has signed up.
        <Card className="border-red-200" id="delete" title={t("deleteTitle")} lead={t("deleteLead")} danger>
          <div className="mt-4">
            <ConfirmDeleteForm
              id={`delete-event-${event.id}`}
              action={deleteEventAction}
              fields={{ org, campaign, eventId: event.id }}
              label={t("deleteSubmit")}
              title={t("deleteConfirmTitle", { title: event.title })}
              body={t("deleteConfirmBody")}
              confirmLabel={t("deleteConfirm")}
              cancelLabel={t("deleteKeep")}
            />
          </div>
        </Card>
      ) : null}
    </div>
  );
}
