import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Options } from "@/components/ui/options";
import { Pager } from "@/components/ui/pager";
import { ColumnHead, Table } from "@/components/ui/table";
import { MAILBOX_PAGE_SIZE, type MailboxPage } from "@/lib/mail/mailbox";
import type { MailboxStatus } from "@/lib/mail/schemas";
import { formatInstant } from "@/lib/time/format";

const tones: Record<MailboxStatus, string> = {
  pending: "bg-sky-100 text-sky-900",
  sending: "bg-sky-100 text-sky-900",
  sent: "bg-green-100 text-green-900",
  failed: "bg-red-100 text-red-900",
  held: "bg-amber-100 text-amber-900",
};

export async function MailStatusBadge({ status }: { status: MailboxStatus }) {
  const t = await getTranslations("mailbox.statuses");
  return <span className={`inline-block whitespace-nowrap rounded px-2 py-0.5 text-xs font-semibold ${tones[status]}`}>{t(status)}</span>;
}

/** The mailbox's list: one row per message, its subject linking to the message. */
export async function MailboxTable({ mailbox, base, status }: { mailbox: MailboxPage; base: string; status?: MailboxStatus }) {
  const t = await getTranslations("mailbox");
  const locale = await getLocale();
  if (mailbox.total === 0) {
    return (
      <p className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-center text-stone-600" data-testid="mailbox-empty">
        {t(status ? "emptyFiltered" : "empty")}
      </p>
    );
  }
  const first = (mailbox.page - 1) * MAILBOX_PAGE_SIZE + 1;
  const pageHref = (page: number) => {
    const q = new URLSearchParams();
    if (status) q.set("status", status);
    if (page > 1) q.set("page", String(page));
    const s = q.toString();
    return s ? `${base}?${s}` : base;
  };
  return (
    <div className="space-y-3">
      {mailbox.entries.length ? (
        <p className="text-sm text-stone-700">{t("range", { first, last: first + mailbox.entries.length - 1, total: mailbox.total })}</p>
      ) : null}
      {/* On a phone, one card per message; the table from tablet width up. */}
      <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white sm:hidden">
        {mailbox.entries.map((m) => (
          <li key={m.id} className="space-y-1 p-3 text-sm" data-testid="mailbox-item">
            <Link href={`${base}/${m.id}`} className="font-medium text-brand-700 underline underline-offset-2">
              {m.subject ?? t("erased")}
            </Link>
            <p className="wrap-anywhere text-stone-800">{m.to ?? "—"}</p>
            <p className="text-stone-600">
              {t(`kinds.${m.kind}`)} · {formatInstant(locale, m.createdAt, "UTC")}
            </p>
            <MailStatusBadge status={m.status} />
          </li>
        ))}
      </ul>
      <Table
        className="hidden sm:block"
        head={
          <>
            <ColumnHead>{t("columns.when")}</ColumnHead>
            <ColumnHead>{t("columns.kind")}</ColumnHead>
            <ColumnHead>{t("columns.to")}</ColumnHead>
            <ColumnHead>{t("columns.subject")}</ColumnHead>
            <ColumnHead>{t("columns.status")}</ColumnHead>
          </>
        }
      >
        {mailbox.entries.map((m) => (
          <tr key={m.id} data-testid="mailbox-row" data-kind={m.kind} data-status={m.status}>
            <td className="whitespace-nowrap px-3 py-2">{formatInstant(locale, m.createdAt, "UTC")}</td>
            <td className="px-3 py-2">{t(`kinds.${m.kind}`)}</td>
            <td className="wrap-anywhere px-3 py-2">{m.to ?? "—"}</td>
            <td className="px-3 py-2">
              <Link href={`${base}/${m.id}`} className="text-brand-700 underline underline-offset-2">
                {m.subject ?? t("erased")}
              </Link>
            </td>
            <td className="px-3 py-2">
              <MailStatusBadge status={m.status} />
            </td>
          </tr>
        ))}
      </Table>
      <Pager
        page={mailbox.page}
        pages={mailbox.pages}
        href={pageHref}
        label={t("paging")}
        previous={t("previous")}
        next={t("next")}
        position={t("page", { page: mailbox.page, pages: mailbox.pages })}
      />
    </div>
  );
}

/** A plain GET form: works without JavaScript, and the address keeps the filter. */
export async function MailboxFilter({ base, status }: { base: string; status?: MailboxStatus }) {
  const t = await getTranslations("mailbox");
  const statuses: MailboxStatus[] = ["held", "pending", "sending", "sent", "failed"];
  return (
    <form method="get" action={base} className="mb-4 flex flex-wrap items-end gap-3" role="search">
      <div>
        <label htmlFor="mailbox-status" className="block text-sm font-medium text-stone-800">
          {t("filter.label")}
        </label>
        <select
          id="mailbox-status"
          name="status"
          defaultValue={status ?? ""}
          className="mt-1 block rounded-md border border-stone-300 bg-white px-3 py-2 text-base shadow-sm"
        >
          <Options values={statuses} blank={t("filter.any")} label={(s) => t(`statuses.${s}`)} />
        </select>
      </div>
      <button type="submit" className={buttonClass("secondary")}>
        {t("filter.submit")}
      </button>
    </form>
  );
}
