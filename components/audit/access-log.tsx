import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Pager } from "@/components/ui/pager";
import { ACCESS_PAGE_SIZE, type AccessEntry } from "@/lib/audit/access-log";
import { formatInstant } from "@/lib/time/format";

interface Props {
  log: { entries: AccessEntry[]; total: number; page: number; pages: number };
  filters: { members: { id: string; name: string }[]; events: { id: string; title: string; campaignTitle: string }[] };
  current: { member: string; event: string; order: "newest" | "oldest" | "mostRows" };
  base: string;
}

const select = "min-h-11 w-full rounded-md border border-stone-300 bg-white px-2 py-1 text-sm";

/** The owners' access log: a filter form that works without JavaScript, the reads, and pages. Reads well at 360 px. */
export async function AccessLog({ log, filters, current, base }: Props) {
  const t = await getTranslations("access");
  const locale = await getLocale();
  const link = (page: number) => {
    const q = new URLSearchParams();
    if (current.member) q.set("member", current.member);
    if (current.event) q.set("event", current.event);
    if (current.order !== "newest") q.set("order", current.order);
    if (page > 1) q.set("page", String(page));
    const s = q.toString();
    return s ? `${base}?${s}` : base;
  };
  const filtered = !!(current.member || current.event);
  const first = (log.page - 1) * ACCESS_PAGE_SIZE + 1;
  return (
    <div className="space-y-4">
      <form
        method="get"
        action={base}
        aria-label={t("filters")}
        className="grid gap-3 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-4 sm:items-end"
      >
        <label className="block text-sm font-medium">
          {t("member")}
          <select name="member" defaultValue={current.member} className={select}>
            <option value="">{t("allMembers")}</option>
            {filters.members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm font-medium">
          {t("event")}
          <select name="event" defaultValue={current.event} className={select}>
            <option value="">{t("allEvents")}</option>
            {filters.events.map((e) => (
              <option key={e.id} value={e.id}>
                {e.campaignTitle} — {e.title}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm font-medium">
          {t("sort")}
          <select name="order" defaultValue={current.order} className={select}>
            {(["newest", "oldest", "mostRows"] as const).map((o) => (
              <option key={o} value={o}>
                {t(`sorts.${o}`)}
              </option>
            ))}
          </select>
        </label>
        <div className="flex gap-3">
          <button type="submit" className="min-h-11 rounded-md bg-brand-700 px-4 text-sm font-semibold text-white hover:bg-brand-800">
            {t("apply")}
          </button>
          {filtered || current.order !== "newest" ? (
            <Link href={base} className="inline-flex min-h-11 items-center text-sm text-brand-700 underline">
              {t("reset")}
            </Link>
          ) : null}
        </div>
      </form>
      {log.total === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-center text-stone-600" data-testid="access-empty">
          {filtered ? t("emptyFiltered") : t("empty")}
        </p>
      ) : (
        <>
          <p className="text-sm text-stone-700">{t("range", { first, last: first + log.entries.length - 1, total: log.total })}</p>
          <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white" data-testid="access-rows">
            {log.entries.map((e) => (
              <li key={e.id} className="grid gap-1 px-4 py-3 text-sm sm:grid-cols-[11rem_1fr_1fr_5rem] sm:gap-3" data-testid="access-row" data-kind={e.kind}>
                <span className="text-stone-700">{formatInstant(locale, e.createdAt, "UTC")}</span>
                <span>
                  {e.actorId ? (
                    <Link className="font-medium text-brand-700 underline" href={`${base}?member=${e.actorId}`}>
                      {e.actorName ?? t("formerMember")}
                    </Link>
                  ) : (
                    t(e.kind === "host" ? "hostReader" : "formerMember")
                  )}
                  <span className="block text-stone-600">
                    {t(`kinds.${e.kind}`)} · {t("times", { count: e.times })}
                  </span>
                </span>
                <span>
                  {e.eventId ? (
                    <Link className="text-brand-700 underline" href={`${base}?event=${e.eventId}`}>
                      {e.eventTitle}
                    </Link>
                  ) : e.campaignTitle ? (
                    t("allEventsOf", { campaign: e.campaignTitle })
                  ) : null}
                  {e.eventId && e.campaignTitle ? <span className="block text-stone-600">{e.campaignTitle}</span> : null}
                </span>
                <span className="font-semibold tabular-nums sm:text-right" data-testid="access-rows-count">
                  <span className="sr-only">{t("rows")}: </span>
                  {e.rowCount}
                </span>
              </li>
            ))}
          </ul>
          <Pager
            page={log.page}
            pages={log.pages}
            href={link}
            label={t("paging")}
            previous={t("previous")}
            next={t("next")}
            position={t("page", { page: log.page, pages: log.pages })}
          />
        </>
      )}
    </div>
  );
}
