import { rolesText } from "@/lib/events/schemas";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Breadcrumbs } from "@/components/dashboard/breadcrumbs";
import { EventTime } from "@/components/dashboard/event-time";
import { EventStatusBadge } from "@/components/dashboard/status-badge";
import { EventDetails, PlaceRevealNote } from "@/components/events/event-details";
import { EventForm } from "@/components/events/event-form";
import { countryOptions, zoneOptions } from "@/components/events/zone-options";
import { EmbedPanel } from "@/components/events/embed-panel";
import { EventExportsPanel } from "@/components/exports/event-exports-panel";
import { RetentionPanel } from "@/components/retention/retention-panel";
import { Alert } from "@/components/ui/alert";
import { Card, PageTitle } from "@/components/ui/card";
import { TranslationsPanel } from "@/components/translations/translations-panel";
import { listEventTranslations } from "@/lib/translations/translations";
import { deleteEventTranslationAction, saveEventTranslationAction } from "../../../translation-actions";
import { countryName } from "@/lib/geo/countries";
import { formatWallClockRange } from "@/lib/time/format";
import { instantToZonedLocal } from "@/lib/time/zones";
import { updateEventAction } from "../../../actions";
import { listCaseChoices } from "@/lib/trials/trials";
import { loadEventPage } from "@/lib/orgs/page-guard";
import { eventRoleNeeds } from "@/lib/signups/roles";
import { prefetchDashboard } from "../../../load";
import { EventActions, SignupsPanel } from "./panels";
import { ShiftsPanel } from "@/components/shifts/shifts-panel";
import { listEventShifts } from "@/lib/shifts/shifts";

type Params = Promise<{ org: string; campaign: string; event: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { org, campaign, event } = await params;
  const page = await loadEventPage(org, campaign, event, "coordinator", `/dashboard/${org}/campaigns/${campaign}/events/${event}`);
  return { title: page.event.title };
}

export default async function EventPage({ params, searchParams }: { params: Params; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { org: orgSlug, campaign: campaignSlug, event: eventSlug } = await params;
  const flags = await searchParams;
  const { actor, org, campaign, event, canEdit } = await loadEventPage(
    orgSlug,
    campaignSlug,
    eventSlug,
    "coordinator",
    `/dashboard/${orgSlug}/campaigns/${campaignSlug}/events/${eventSlug}`,
  );
  const [dashboard, locale] = await Promise.all([prefetchDashboard(actor, org.id, org.slug), getLocale()]);
  const t = await getTranslations("editor.eventPage");
  const tc = await getTranslations("campaigns.dashboard");
  const zone = event.timeZone;
  const local = (d: Date | null) => (d ? instantToZonedLocal(d, zone) : "");
  const place = [event.venue, event.city, countryName(event.country, locale)].filter(Boolean).join(", ");
  const cancelled = event.status === "cancelled";
  const countries = canEdit ? countryOptions(locale) : [];
  const zones = canEdit ? zoneOptions(zone) : [];
  // The wall-clock times a copy keeps, without a zone: the copy gets its own.
  const localTimes = formatWallClockRange(locale, event.startsAt, event.endsAt, zone);
  // A cancelled event says so below in any case.
  const flag = (["created", "duplicated", "saved", "postponed"] as const).find((f) => flags[f]);
  const promoted = Number(flags.promoted) || 0;
  // Forms remount when the event changes on the server, so no field shows a value from before.
  const version = event.updatedAt.toISOString();
  // A trial watch's cases are its lead's: a partner's hearing is not attached to one.
  const cases = canEdit && campaign.lead ? await listCaseChoices(actor, campaign.id) : [];
  return (
    <>
      <Breadcrumbs
        items={[
          { href: `/dashboard/${org.slug}/campaigns`, label: tc("nav") },
          { href: `/dashboard/${org.slug}/campaigns/${campaign.slug}`, label: campaign.title },
          { label: event.title },
        ]}
      />
      <PageTitle
        lead={
          <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
            {event.status !== "scheduled" ? <EventStatusBadge status={event.status} /> : null}
            <EventTime at={event.startsAt} until={event.endsAt} timeZone={zone} className={cancelled ? "line-through" : undefined} />
            {place ? <span>· {place}</span> : null}
          </span>
        }
      >
        {event.title}
      </PageTitle>

      <div className="mb-6 space-y-3">
        {flag ? <Alert tone="success">{flag === "saved" && promoted > 0 ? t("flash.savedPromoted", { count: promoted }) : t(`flash.${flag}`)}</Alert> : null}
        {cancelled ? (
          <Alert tone="error" title={t("cancelledTitle")}>
            {event.changeReason ? t("reason", { reason: event.changeReason }) : null}
          </Alert>
        ) : null}
        {event.status === "postponed" && event.previousStartsAt ? (
          <Alert tone="warning" title={t("postponedTitle")}>
            <p>
              {t("previously")} <EventTime at={event.previousStartsAt} until={event.previousEndsAt} timeZone={zone} />
            </p>
            {event.changeReason ? <p>{t("reason", { reason: event.changeReason })}</p> : null}
          </Alert>
        ) : null}
      </div>

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <SignupsPanel
            org={org.slug}
            campaign={campaign}
            event={event}
            dashboard={dashboard}
            canEdit={canEdit}
            roles={await eventRoleNeeds(actor, event.id)}
          />
          <ShiftsPanel org={org.slug} campaign={campaign.slug} event={event} shifts={await listEventShifts(actor, event.id)} canEdit={canEdit && !cancelled} />
          <RetentionPanel
            org={org.slug}
            campaign={campaign.slug}
            eventId={event.id}
            title={event.title}
            endsAt={event.endsAt}
            timeZone={zone}
            retentionDays={campaign.retentionDays}
            erasedAt={event.personalDataErasedAt}
            canErase={canEdit}
          />
          {canEdit ? (
            // On a phone the side column comes last: say it is there.
            <nav aria-label={t("otherActions")} className="flex flex-wrap gap-x-4 gap-y-2 text-sm lg:hidden">
              {!cancelled ? (
                <a href="#postpone" className="text-brand-700 underline underline-offset-2">
                  {t("postponeTitle")}
                </a>
              ) : null}
              <a href="#duplicate" className="text-brand-700 underline underline-offset-2">
                {t("duplicateTitle")}
              </a>
              {!cancelled ? (
                <a href="#cancel" className="text-brand-700 underline underline-offset-2">
                  {t("cancelTitle")}
                </a>
              ) : null}
            </nav>
          ) : null}
          {canEdit ? <PlaceRevealNote event={event} /> : null}
          {canEdit ? (
            <Card>
              <h2 className="mb-4 text-lg font-semibold">{t("editTitle")}</h2>
              <EventForm
                key={version}
                action={updateEventAction}
                org={org.slug}
                campaign={campaign.slug}
                campaignId={campaign.id}
                countries={countries}
                zones={zones}
                cases={cases}
                values={{
                  id: event.id,
                  slug: event.slug,
                  title: event.title,
                  kind: event.kind,
                  description: event.description,
                  startsLocal: local(event.startsAt),
                  endsLocal: local(event.endsAt),
                  deadlineLocal: local(event.signupDeadline),
                  timeZone: zone,
                  venue: event.venue,
                  address: event.address,
                  city: event.city,
                  country: event.country,
                  latitude: event.latitude?.toString() ?? "",
                  longitude: event.longitude?.toString() ?? "",
                  onlineUrl: event.onlineUrl ?? "",
                  capacity: event.capacity?.toString() ?? "",
                  waitlist: event.waitlist,
                  caseId: event.caseId ?? "",
                  roles: rolesText(event.roles, event.roleNeeds),
                  signupMode: event.signupMode,
                  approval: event.approval,
                  placeHidden: event.placeHidden,
                  gatheringArea: event.gatheringArea,
                  placeRevealMinutes: String(event.placeRevealMinutes),
                  confirmed: event.confirmedCount,
                  language: event.language,
                }}
              />
            </Card>
          ) : (
            <EventDetails event={event} />
          )}
          <EventExportsPanel actor={actor} org={org.slug} campaign={campaign} event={event} />
          <EmbedPanel org={org.slug} campaign={campaign} event={event} />
          {canEdit ? (
            <TranslationsPanel
              kind="event"
              hidden={{ org: org.slug, campaign: campaign.slug, campaignId: campaign.id, event: event.slug, eventId: event.id }}
              translations={await listEventTranslations(actor, event.id)}
              save={saveEventTranslationAction}
              remove={deleteEventTranslationAction}
              original={event.language}
              notice={typeof flags.translation === "string" ? flags.translation : undefined}
            />
          ) : null}
        </div>

        {canEdit ? (
          <EventActions org={org.slug} campaign={campaign.slug} event={event} version={version} localTimes={localTimes} countries={countries} zones={zones} />
        ) : null}
      </div>
    </>
  );
}
