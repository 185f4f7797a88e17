import { ClipboardCheck } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/auth/actor";
import { attendeeCounts, listAttendees, type AttendeeScopeRef } from "@/lib/attendees/attendees";
import { attendeeListSchema } from "@/lib/attendees/schemas";
import { AttendeeCountsBar, AttendeeFilters, AttendeeTable } from "./attendee-list";

/** The attendee list of an event or a whole campaign: counts, filters, sortable table, pages. */
export async function AttendeePage({
  actor,
  scope,
  base,
  searchParams,
  title,
  lead,
  checkInPath,
}: {
  actor: Actor;
  scope: AttendeeScopeRef;
  base: string;
  searchParams: Record<string, string | string[] | undefined>;
  title: string;
  lead: string;
  checkInPath?: string;
}) {
  const t = await getTranslations("attendeesUI");
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
        {checkInPath ? (
          <Link href={checkInPath} className="inline-flex min-h-11 items-center gap-2 rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white">
            <ClipboardCheck aria-hidden className="size-4" />
            {t("openCheckIn")}
          </Link>
        ) : null}
      </header>
      {!parsed.success ? <p className="text-sm text-amber-800">{t("badFilters")}</p> : null}
      <AttendeeCountsBar counts={counts} />
      <AttendeeFilters base={base} query={query} roles={counts.roles} />
      <AttendeeTable base={base} query={query} rows={rows} total={total} showEvent={"campaignId" in scope} />
    </div>
  );
}
