import Link from "next/link";
import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { Options } from "@/components/ui/options";
import { Pager } from "@/components/ui/pager";
import { ColumnHead, Table } from "@/components/ui/table";
import type { AttendeeCounts, AttendeeRow } from "@/lib/attendees/attendees";
import { CHECKED_IN_CHOICES, STATUS_CHOICES, type AttendeeListQuery } from "@/lib/attendees/schemas";
import { formatInstant, formatWallClockRange } from "@/lib/time/format";
import { filterControl as control } from "./filters";

type Sort = AttendeeListQuery["sort"];

/** One of the list's filters: a labelled select that keeps the choice in force. */
function FilterSelect({ name, label, value, children }: { name: string; label: string; value: string | undefined; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={name} className="text-sm font-medium">
        {label}
      </label>
      <select id={name} name={name} defaultValue={value ?? ""} className={control}>
        {children}
      </select>
    </div>
  );
}

function href(base: string, query: AttendeeListQuery, change: Partial<AttendeeListQuery>) {
  const merged = { ...query, ...change };
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(merged))
    if (v !== undefined && v !== "" && !(k === "page" && v === 1) && !(k === "pageSize" && v === 50)) params.set(k, String(v));
  const s = params.toString();
  return s ? `${base}?${s}` : base;
}

export async function AttendeeCountsBar({ counts }: { counts: AttendeeCounts }) {
  const t = await getTranslations("attendees.dashboard.counts");
  const items: [string, string | number][] = [
    [t("confirmed"), counts.confirmed],
    [t("waitlisted"), counts.waitlisted],
    [t("cancelled"), counts.cancelled],
    [t("checkedIn"), counts.checkedIn],
    [t("capacity"), counts.capacity ?? t("noLimit")],
    ...(counts.requested ? [[t("requested"), counts.requested] as [string, number]] : []),
    ...(counts.declined ? [[t("declined"), counts.declined] as [string, number]] : []),
  ];
  return (
    <dl className="grid grid-cols-2 gap-2 sm:grid-cols-[repeat(auto-fit,minmax(7rem,1fr))]" data-testid="attendee-counts">
      {items.map(([label, value]) => (
        <div key={label} className="rounded-md bg-white p-3 text-center shadow-sm ring-1 ring-stone-200">
          <dt className="text-xs uppercase tracking-wide text-stone-600">{label}</dt>
          <dd className="text-2xl font-bold">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export async function AttendeeFilters({
  base,
  query,
  roles,
  shifts = [],
}: {
  base: string;
  query: AttendeeListQuery;
  roles: string[];
  /** An event split into shifts: each shift by its id, named by its label and times. */
  shifts?: { id: string; name: string }[];
}) {
  const t = await getTranslations("attendees.dashboard.filters");
  return (
    // Keyed by the query: after a client-side navigation the fields show the filters in force.
    <form
      key={JSON.stringify(query)}
      method="get"
      action={base}
      className="grid gap-3 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-5 sm:items-end"
      role="search"
    >
      <div className="sm:col-span-2">
        <label htmlFor="q" className="text-sm font-medium">
          {t("search")}
        </label>
        <input id="q" name="q" type="search" defaultValue={query.q ?? ""} className={control} />
      </div>
      <FilterSelect name="status" label={t("status")} value={query.status}>
        <Options values={STATUS_CHOICES} blank={t("any")} label={(s) => t(s)} />
      </FilterSelect>
      <FilterSelect name="role" label={t("role")} value={query.role}>
        <Options values={roles} blank={t("any")} />
      </FilterSelect>
      <FilterSelect name="checkedIn" label={t("checkedIn")} value={query.checkedIn}>
        <Options values={CHECKED_IN_CHOICES} blank={t("any")} label={(c) => t(c)} />
      </FilterSelect>
      {shifts.length ? (
        <FilterSelect name="shift" label={t("shift")} value={query.shift}>
          <Options values={shifts.map((s) => s.id)} blank={t("any")} label={(id) => shifts.find((s) => s.id === id)?.name ?? id} />
        </FilterSelect>
      ) : null}
      <input type="hidden" name="sort" value={query.sort} />
      <input type="hidden" name="dir" value={query.dir} />
      <div className="flex gap-2 sm:col-span-5">
        <button type="submit" className="min-h-11 rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white">
          {t("apply")}
        </button>
        <Link href={base} className="inline-flex min-h-11 items-center rounded-md px-3 text-sm text-stone-700 underline">
          {t("reset")}
        </Link>
      </div>
    </form>
  );
}

export async function AttendeeTable({
  base,
  query,
  rows,
  total,
  showEvent,
}: {
  base: string;
  query: AttendeeListQuery;
  rows: AttendeeRow[];
  total: number;
  showEvent: boolean;
}) {
  const t = await getTranslations("attendees.dashboard.table");
  const ts = await getTranslations("signups.status");
  const locale = await getLocale();
  // A sortable column's header: the header says how the table is sorted (aria-sort), its link sorts it.
  const sortable = (sort: Sort, label: string) => {
    const active = query.sort === sort;
    const dir = active && query.dir === "asc" ? "desc" : "asc";
    return (
      <ColumnHead data-sort aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : undefined}>
        <Link href={href(base, query, { sort, dir, page: 1 })} className="underline-offset-2 hover:underline">
          {label}
          {active ? (query.dir === "asc" ? " ↑" : " ↓") : ""}
        </Link>
      </ColumnHead>
    );
  };
  if (total === 0)
    return (
      <p className="rounded-lg border border-dashed border-stone-300 p-6 text-center text-stone-600">
        {query.q || query.status || query.role || query.checkedIn || query.shift ? t("noMatch") : t("empty")}
      </p>
    );
  const first = (query.page - 1) * query.pageSize + 1;
  const last = Math.min(total, query.page * query.pageSize);
  const pages = Math.ceil(total / query.pageSize);
  const withShifts = rows.some((r) => r.shifts.length > 0);
  return (
    <div className="space-y-3">
      <p className="text-sm text-stone-700" data-testid="attendee-range">
        {t("range", { first, last, total })}
      </p>
      <Table
        cards
        rowsTestId="attendee-rows"
        head={
          <>
            {sortable("name", t("name"))}
            {showEvent ? <ColumnHead>{t("event")}</ColumnHead> : null}
            <ColumnHead>{t("email")}</ColumnHead>
            <ColumnHead>{t("phone")}</ColumnHead>
            {sortable("role", t("role"))}
            {sortable("status", t("status"))}
            {withShifts ? <ColumnHead>{t("shifts")}</ColumnHead> : null}
            {sortable("createdAt", t("signedUp"))}
            {sortable("checkedInAt", t("checkedIn"))}
            <ColumnHead>{t("comment")}</ColumnHead>
          </>
        }
      >
        {rows.map((r) => (
          <tr key={r.id}>
            <td className="px-3 py-2 text-base font-semibold sm:text-sm sm:font-medium">{r.name}</td>
            {showEvent ? (
              <td data-label={t("event")} className="px-3 py-2">
                {r.eventCity || r.eventTitle}
              </td>
            ) : null}
            <td data-label={t("email")} className="px-3 py-2">
              {r.email}
            </td>
            <td data-label={t("phone")} className="px-3 py-2">
              {r.phone}
            </td>
            <td data-label={t("role")} className="px-3 py-2">
              {r.role}
            </td>
            <td data-label={t("status")} className="px-3 py-2">
              {ts(r.status)}
              {r.walkIn ? ` · ${t("walkIn")}` : ""}
            </td>
            {withShifts ? (
              <td data-label={t("shifts")} className="px-3 py-2" data-testid="attendee-shifts">
                <ul>
                  {r.shifts.map((s) => (
                    <li key={s.id} className="whitespace-nowrap">
                      {s.label || formatWallClockRange(locale, s.startsAt, s.endsAt, r.eventTimeZone)}
                      {s.place === "confirmed" ? "" : ` · ${ts(s.place)}`}
                    </li>
                  ))}
                </ul>
              </td>
            ) : null}
            <td data-label={t("signedUp")} className="whitespace-nowrap px-3 py-2">
              {formatInstant(locale, r.createdAt, r.eventTimeZone)}
            </td>
            <td data-label={t("checkedIn")} className="whitespace-nowrap px-3 py-2">
              {r.checkedInAt ? formatInstant(locale, r.checkedInAt, r.eventTimeZone) : "—"}
            </td>
            <td data-label={t("comment")} className="max-w-64 px-3 py-2 text-stone-700">
              {r.comment}
            </td>
          </tr>
        ))}
      </Table>
      <Pager
        page={query.page}
        pages={pages}
        href={(page) => href(base, query, { page })}
        label={t("paging")}
        previous={t("previous")}
        next={t("next")}
        position={t("page", { page: query.page, pages })}
      />
    </div>
  );
}
