import { getLocale, getTranslations } from "next-intl/server";
import { Pager } from "@/components/ui/pager";
import { ColumnHead, Table } from "@/components/ui/table";
import { formatInstant } from "@/lib/time/format";
import { DELIVERY_PAGE_SIZE, type DeliveryLogPage } from "@/lib/webhooks/webhooks";
import { DeliveryStatusBadge } from "./delivery-status";

/** A webhook's calls, newest first, paged: topic, state, attempts, the receiver's answer, the last error. */
export async function DeliveryLog({ log, base }: { log: DeliveryLogPage; base: string }) {
  const t = await getTranslations("webhooks.deliveries");
  const locale = await getLocale();
  if (log.total === 0)
    return (
      <p className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-center text-stone-600" data-testid="deliveries-empty">
        {t("empty")}
      </p>
    );
  const first = (log.page - 1) * DELIVERY_PAGE_SIZE + 1;
  const when = (d: Date) => formatInstant(locale, d, "UTC");
  return (
    <div className="space-y-3">
      <p className="text-sm text-stone-700">{t("range", { first, last: first + log.entries.length - 1, total: log.total })}</p>
      {/* On a phone, one card per call; the table from tablet width up. */}
      <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white sm:hidden">
        {log.entries.map((d) => (
          <li key={d.id} className="space-y-1 p-3 text-sm" data-testid="delivery-item" data-topic={d.topic} data-status={d.status}>
            <p className="flex flex-wrap items-center gap-2">
              <span className="font-mono font-medium">{d.topic}</span>
              <DeliveryStatusBadge status={d.status} />
            </p>
            <p className="text-stone-700">{when(d.createdAt)}</p>
            <p className="text-stone-700">
              {t("columns.attempts")}: {d.attempts} · {t("columns.response")}: {d.responseStatus ?? "—"}
            </p>
            {d.lastError ? <p className="text-red-800 [overflow-wrap:anywhere]">{d.lastError}</p> : null}
          </li>
        ))}
      </ul>
      <Table
        className="hidden sm:block"
        head={
          <>
            <ColumnHead>{t("columns.when")}</ColumnHead>
            <ColumnHead>{t("columns.topic")}</ColumnHead>
            <ColumnHead>{t("columns.status")}</ColumnHead>
            <ColumnHead>{t("columns.attempts")}</ColumnHead>
            <ColumnHead>{t("columns.response")}</ColumnHead>
            <ColumnHead>{t("columns.error")}</ColumnHead>
          </>
        }
      >
        {log.entries.map((d) => (
          <tr key={d.id} data-testid="delivery-row" data-topic={d.topic} data-status={d.status}>
            <td className="whitespace-nowrap px-3 py-2">{when(d.createdAt)}</td>
            <td className="px-3 py-2 font-mono">{d.topic}</td>
            <td className="px-3 py-2">
              <DeliveryStatusBadge status={d.status} />
            </td>
            <td className="px-3 py-2">{d.attempts}</td>
            <td className="px-3 py-2">{d.responseStatus ?? "—"}</td>
            <td className="px-3 py-2 [overflow-wrap:anywhere]">{d.lastError ?? ""}</td>
          </tr>
        ))}
      </Table>
      <Pager
        page={log.page}
        pages={log.pages}
        href={(page) => (page > 1 ? `${base}?page=${page}` : base)}
        label={t("paging")}
        previous={t("previous")}
        next={t("next")}
        position={t("page", { page: log.page, pages: log.pages })}
      />
    </div>
  );
}
