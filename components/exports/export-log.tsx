import { getLocale, getTranslations } from "next-intl/server";
import { Pager } from "@/components/ui/pager";
import { ColumnHead, Table } from "@/components/ui/table";
import { ATTENDEE_COLUMNS, type AttendeeColumn } from "@/lib/attendees/schemas";
import { AUDIT_PAGE_SIZE, type AuditLogEntry } from "@/lib/audit/log";
import { AUDIENCES, type AudienceChoice } from "@/lib/mail/schemas";
import { formatInstant } from "@/lib/time/format";

const FILTERS = ["status", "role", "checkedIn"] as const;
const isColumn = (c: unknown): c is AttendeeColumn => typeof c === "string" && (ATTENDEE_COLUMNS as readonly string[]).includes(c);

/** The owners' export log: who took which list, when, with which filters, how many rows. */
export async function ExportLogTable({ log, base }: { log: { entries: AuditLogEntry[]; total: number; page: number; pages: number }; base: string }) {
  const t = await getTranslations("exports.dashboard");
  const tm = await getTranslations("attendeeMessages");
  const locale = await getLocale();
  if (log.total === 0) return <p className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-center text-stone-600">{t("log.empty")}</p>;
  const first = (log.page - 1) * AUDIT_PAGE_SIZE + 1;
  const describeFilters = (details: Record<string, unknown>) => {
    const filter = (details.filter && typeof details.filter === "object" ? details.filter : {}) as Record<string, unknown>;
    const parts = FILTERS.filter((k) => typeof filter[k] === "string").map((k) => {
      const v = filter[k] as string;
      const shown =
        k === "status" && (v === "confirmed" || v === "waitlisted" || v === "cancelled")
          ? t(`statuses.${v}`)
          : k === "checkedIn" && (v === "yes" || v === "no")
            ? t(`form.${v}`)
            : v;
      return `${t(`form.${k}`)}: ${shown}`;
    });
    if (filter.searched === true) parts.push(t("log.searched"));
    return parts.length ? parts.join(" · ") : t("log.noFilters");
  };
  const describeColumns = (details: Record<string, unknown>) => {
    const cols = Array.isArray(details.columns) ? details.columns.filter(isColumn) : [];
    return cols.length ? t("log.columnsList", { columns: cols.map((c) => t(`columns.${c}`)).join(", ") }) : "";
  };
  // Every audited change (lib/audit) is listed here; each action its own words.
  const LABELS = {
    "export.csv": "csv",
    "export.sheet": "sheet",
    "message.send": "message",
    "signups.erase": "erase",
    "signups.emergencyErase": "emergencyErase",
    "member.role": "memberRole",
    "member.remove": "memberRemove",
    "scope.grant": "scopeGrant",
    "scope.revoke": "scopeRevoke",
    "invitation.create": "invitationCreate",
    "invitation.revoke": "invitationRevoke",
    "invitation.accept": "invitationAccept",
    "campaign.status": "campaignStatus",
    "event.postpone": "eventPostpone",
    "event.cancel": "eventCancel",
    "mailbox.send": "mailboxSend",
    "proposal.approve": "proposalApprove",
    "proposal.decline": "proposalDecline",
    "host.edit": "hostEdit",
    "host.cancel": "hostCancel",
  } as const;
  const actionLabel = (action: string) => {
    const key = (LABELS as Record<string, (typeof LABELS)[keyof typeof LABELS]>)[action];
    return key ? t(`log.actions.${key}`) : t("log.actions.other", { action });
  };
  // A message to attendees: its subject and who it went to, in place of filters and columns.
  const describeMessage = (details: Record<string, unknown>) => {
    const audience =
      typeof details.audience === "string" && (AUDIENCES as readonly string[]).includes(details.audience) ? (details.audience as AudienceChoice) : null;
    return [
      typeof details.subject === "string" ? t("log.messageSubject", { subject: details.subject }) : null,
      audience ? t("log.messageAudience", { audience: tm(`audiences.${audience}`) }) : null,
      typeof details.role === "string" && details.role ? t("log.messageRole", { role: details.role }) : null,
    ].filter((p): p is string => p !== null);
  };
  return (
    <div className="space-y-3">
      {log.entries.length ? (
        <p className="text-sm text-stone-700">{t("log.range", { first, last: first + log.entries.length - 1, total: log.total })}</p>
      ) : null}
      <Table
        cards
        rowsTestId="export-log-rows"
        head={
          <>
            <ColumnHead>{t("log.when")}</ColumnHead>
            <ColumnHead>{t("log.who")}</ColumnHead>
            <ColumnHead>{t("log.what")}</ColumnHead>
            <ColumnHead>{t("log.scope")}</ColumnHead>
            <ColumnHead>{t("log.filters")}</ColumnHead>
            <ColumnHead className="text-right">{t("log.rows")}</ColumnHead>
          </>
        }
      >
        {log.entries.map((e) => (
          <tr key={e.id} data-testid="export-log-row" data-action={e.action}>
            <td className="whitespace-nowrap px-3 py-2 font-semibold sm:font-normal">{formatInstant(locale, e.createdAt, "UTC")}</td>
            <td data-label={t("log.who")} className="px-3 py-2">
              {e.actorName ?? t(e.action.startsWith("host.") ? "log.host" : "log.formerMember")}
            </td>
            <td data-label={t("log.what")} className="px-3 py-2">
              {actionLabel(e.action)}
            </td>
            <td data-label={t("log.scope")} className="px-3 py-2">
              {e.scope === "event" ? (
                <>
                  <span className="font-medium">{e.eventTitle ?? t("log.deleted")}</span>
                  {e.campaignTitle ? <span className="block text-stone-600">{e.campaignTitle}</span> : null}
                </>
              ) : e.campaignTitle ? (
                t("log.allEvents", { campaign: e.campaignTitle })
              ) : (
                t("log.deleted")
              )}
            </td>
            <td data-label={t("log.filters")} className="px-3 py-2 text-stone-700">
              {e.action === "signups.erase" ? (
                typeof e.details.scheduledFor === "string" ? (
                  t("log.eraseScheduled", { when: formatInstant(locale, new Date(e.details.scheduledFor), "UTC") })
                ) : null
              ) : e.action === "message.send" ? (
                describeMessage(e.details).map((line) => (
                  <span key={line} className="block">
                    {line}
                  </span>
                ))
              ) : !e.action.startsWith("export.") ? null : (
                <>
                  <span className="block">{describeFilters(e.details)}</span>
                  <span className="block">{describeColumns(e.details)}</span>
                  {e.details.bom === true ? <span className="block">{t("log.bom")}</span> : null}
                </>
              )}
            </td>
            <td data-label={t("log.rows")} className="px-3 py-2 text-right font-semibold tabular-nums" data-testid="export-log-count">
              {e.rowCount}
            </td>
          </tr>
        ))}
      </Table>
      <Pager
        page={log.page}
        pages={log.pages}
        href={(page) => (page === 1 ? base : `${base}?page=${page}`)}
        label={t("log.paging")}
        previous={t("log.previous")}
        next={t("log.next")}
        position={t("log.page", { page: log.page, pages: log.pages })}
      />
    </div>
  );
}
