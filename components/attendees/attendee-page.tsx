import { ClipboardCheck, Download, Printer } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import type { Actor } from "@/lib/auth/actor";
import { attendeeCounts, listAttendees, type AttendeeScopeRef } from "@/lib/attendees/attendees";
import { attendeeListSchema } from "@/lib/attendees/schemas";
import { AttendeeCountsBar, AttendeeFilters, AttendeeTable } from "./attendee-list";

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
}) {
  const t = await getTranslations("attendees.dashboard");
  const flat = Object.fromEntries(Object.entries(searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = attendeeListSchema.safeParse(flat);
  const query = parsed.success ? parsed.data : attendeeListSchema.parse({});
  const [{ rows, total }, counts] = await Promise.all([listAttendees(actor, scope, query), attendeeCounts(actor, scope)]);
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
      <AttendeeFilters base={base} query={query} roles={counts.roles} />
      <AttendeeTable base={base} query={query} rows={rows} total={total} showEvent={"campaignId" in scope} />
    </div>
  );
}
