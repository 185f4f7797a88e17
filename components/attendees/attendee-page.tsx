import { ClipboardCheck, Download, Printer } from "lucide-react";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import type { Actor } from "@/lib/auth/actor";
import { attendeeCounts, listAttendees, type AttendeeScopeRef } from "@/lib/attendees/attendees";
import { attendeeListSchema } from "@/lib/attendees/schemas";
import type { FormAction } from "@/lib/forms";
import { formatInstant, formatWallClockRange } from "@/lib/time/format";
import { AttendeeCountsBar, AttendeeFilters, AttendeeTable } from "./attendee-list";
import { RequestList } from "./request-list";
import { shiftChoices } from "@/lib/shifts/shifts";

/** The requests shown at once above an event's list; the rest come as those are decided. */
const REQUESTS_SHOWN = 50;

/** The attendee list of an event or a whole campaign: its actions first (check-in, export, print), counts, filters, sortable table, pages. */
export async function AttendeePage({
  actor,
  scope,
  base,
  searchParams,
  title,
  lead,
  checkInPath,
  exportPath,
  sheetPath,
  decide,
}: {
  actor: Actor;
  scope: AttendeeScopeRef;
  base: string;
  searchParams: Record<string, string | string[] | undefined>;
  title: string;
  lead: string;
  checkInPath?: string;
  /** Where the export form is (the event's or the campaign's page); the printable sheet exists for one event. */
  exportPath: string;
  sheetPath?: string;
  /** An event's list: where its requests are approved or declined, when it vets its sign-ups. */
  decide?: { action: FormAction; org: string };
}) {
  const t = await getTranslations("attendees.dashboard");
  const flat = Object.fromEntries(Object.entries(searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = attendeeListSchema.safeParse(flat);
  const query = parsed.success ? parsed.data : attendeeListSchema.parse({});
  const [{ rows, total, scope: reached }, counts] = await Promise.all([listAttendees(actor, scope, query), attendeeCounts(actor, scope)]);
  const event = reached.event;
  const vetting = decide && event && (event.approval || counts.requested > 0);
  const requests = vetting ? await listAttendees(actor, scope, attendeeListSchema.parse({ status: "requested", pageSize: REQUESTS_SHOWN })) : null;
  const locale = await getLocale();
  return (
    <div className="space-y-5">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <p className="text-sm text-stone-600">{lead}</p>
          <h1 className="text-2xl font-bold tracking-tight">{title}</h1>
        </div>
        <nav aria-label={t("actions.label")} className="flex flex-wrap gap-2" data-testid="attendee-actions">
          {checkInPath ? (
            <Link href={checkInPath} className={buttonClass("primary")}>
              <ClipboardCheck aria-hidden className="size-4 shrink-0" />
              {t("openCheckIn")}
            </Link>
          ) : null}
          <Link href={exportPath} className={buttonClass("secondary")}>
            <Download aria-hidden className="size-4 shrink-0" />
            {t("actions.export")}
          </Link>
          {sheetPath ? (
            <Link prefetch={false} href={sheetPath} className={buttonClass("secondary")}>
              <Printer aria-hidden className="size-4 shrink-0" />
              {t("actions.print")}
            </Link>
          ) : null}
        </nav>
      </header>
      {!parsed.success ? <p className="text-sm text-amber-800">{t("badFilters")}</p> : null}
      <AttendeeCountsBar counts={counts} />
      {event?.signupMode === "headcount" ? <p className="text-sm text-stone-700">{t("headcountOnly", { count: counts.confirmed })}</p> : null}
      {decide && requests ? (
        <RequestList
          action={decide.action}
          org={decide.org}
          total={counts.requested}
          items={requests.rows.map((r) => ({
            id: r.id,
            name: r.name,
            role: r.role,
            comment: r.comment,
            sent: formatInstant(locale, r.createdAt, r.eventTimeZone),
            shifts: r.shifts.map((s) => s.label || formatWallClockRange(locale, s.startsAt, s.endsAt, r.eventTimeZone)),
          }))}
        />
      ) : null}
      <AttendeeFilters base={base} query={query} roles={counts.roles} shifts={event ? await shiftChoices(actor, event.id, locale) : []} />
      <AttendeeTable base={base} query={query} rows={rows} total={total} showEvent={"campaignId" in scope} />
    </div>
  );
}
