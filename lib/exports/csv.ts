import "server-only";
import { Readable, pipeline } from "node:stream";
import { stringify } from "csv-stringify";
import { and, asc, count, sql, type SQL } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { signups } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { attendeeScope, attendeeWhere, type AttendeeScope, type AttendeeScopeRef } from "@/lib/attendees/attendees";
import { ATTENDEE_COLUMNS, type AttendeeColumn, type AttendeeFilter } from "@/lib/attendees/schemas";
import { NotFoundError } from "@/lib/errors";
import en from "@/lib/i18n/messages/en/exports.json";
import { instantToZonedLocal, offsetAt } from "@/lib/time/zones";
import { recordAudit } from "./audit";

export const EXPORT_PAGE_SIZE = 1000;

export interface CsvExportOptions {
  filter: AttendeeFilter;
  columns: AttendeeColumn[];
  bom: boolean;
  /** The organisation named in the address: an event of another one is not found. */
  orgId?: string;
}

export interface CsvExport {
  filename: string;
  rowCount: number;
  stream: ReadableStream<Uint8Array>;
}

const labels = en.exportsUI;

/** A cell a spreadsheet would run as a formula (or that hides one behind a tab or CR) starts with an apostrophe instead. */
export function defuseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** "2026-11-28T12:00:00+00:00": the wall clock at the event's place, with its offset. */
export function isoInZone(instant: Date, zone: string): string {
  const offset = offsetAt(instant.getTime(), zone);
  const local = new Date(Math.floor(instant.getTime() / 1000) * 1000 + offset).toISOString().slice(0, 19);
  const minutes = Math.round(Math.abs(offset) / 60_000);
  return `${local}${offset < 0 ? "-" : "+"}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

export function exportFilename(scope: Pick<AttendeeScope, "campaign" | "event">, now = new Date()): string {
  const parts = scope.event
    ? [scope.campaign.slug, scope.event.slug, instantToZonedLocal(scope.event.startsAt, scope.event.timeZone).slice(0, 10)]
    : [scope.campaign.slug, now.toISOString().slice(0, 10)];
  return `${parts.map((p) => p.replace(/[^a-z0-9-]+/gi, "-").toLowerCase()).join("_")}.csv`;
}

const exportColumns = {
  id: signups.id,
  eventId: signups.eventId,
  // Text keeps the microseconds the keyset needs; a JS Date would round them away.
  cursor: sql<string>`${signups.createdAt}::text`,
  name: sql<string>`${signups.name}`,
  email: signups.email,
  phone: signups.phone,
  role: signups.role,
  status: signups.status,
  comment: signups.comment,
  createdAt: signups.createdAt,
  checkedInAt: signups.checkedInAt,
};
// Sign-up order. For one event the keyset includes the event, matching the index (event_id, created_at, id),
// so every page starts where the last ended instead of rescanning from the top.
function selectPage(db: Db, where: SQL, after: { eventId: string; cursor: string; id: string } | null, pageSize: number, singleEvent: boolean) {
  const keyset = !after
    ? undefined
    : singleEvent
      ? sql`(${signups.eventId}, ${signups.createdAt}, ${signups.id}) > (${after.eventId}::uuid, ${after.cursor}::timestamptz, ${after.id}::uuid)`
      : sql`(${signups.createdAt}, ${signups.id}) > (${after.cursor}::timestamptz, ${after.id}::uuid)`;
  return db
    .select(exportColumns)
    .from(signups)
    .where(and(where, keyset))
    .orderBy(...(singleEvent ? [asc(signups.eventId)] : []), asc(signups.createdAt), asc(signups.id))
    .limit(pageSize);
}
type ExportRow = Awaited<ReturnType<typeof selectPage>>[number] & { eventTitle: string; eventTimeZone: string };

function cell(row: ExportRow, column: AttendeeColumn): string {
  switch (column) {
    case "event":
      return row.eventTitle;
    case "status":
      return labels.statuses[row.status];
    case "createdAt":
      return isoInZone(row.createdAt, row.eventTimeZone);
    case "checkedInAt":
      return row.checkedInAt ? isoInZone(row.checkedInAt, row.eventTimeZone) : "";
    default:
      return row[column] ?? "";
  }
}

/** Keyset pages in sign-up order: at most one page is ever held in memory. */
// The page query reads signups alone (a join makes the planner sort the whole remainder per page);
// event titles and zones come from the scope already loaded.
async function* exportRecords(db: Db, where: SQL, columns: AttendeeColumn[], pageSize: number, scopeEvents: { id: string; title: string; timeZone: string }[]) {
  const byId = new Map(scopeEvents.map((e) => [e.id, e]));
  let after: { eventId: string; cursor: string; id: string } | null = null;
  for (;;) {
    const rows = await selectPage(db, where, after, pageSize, scopeEvents.length === 1);
    for (const raw of rows) {
      const event = byId.get(raw.eventId);
      const row = { ...raw, eventTitle: event?.title ?? "", eventTimeZone: event?.timeZone ?? "UTC" };
      yield Object.fromEntries(columns.map((c) => [c, defuseCell(cell(row, c))]));
    }
    if (rows.length < pageSize) return;
    const last = rows[rows.length - 1]!;
    after = { eventId: last.eventId, cursor: last.cursor, id: last.id };
  }
}

/**
 * The attendee list of an event or a campaign as CSV (RFC 4180, UTF-8, optional BOM).
 * The permission check and the audit entry come first, in one transaction; then the rows are streamed.
 */
export async function exportAttendeesCsv(actor: Actor, ref: AttendeeScopeRef, options: CsvExportOptions, pageSize = EXPORT_PAGE_SIZE): Promise<CsvExport> {
  const db = await getDb();
  const columns = options.columns.length ? options.columns : [...ATTENDEE_COLUMNS];
  const { scope, where, rowCount } = await db.transaction(async (tx) => {
    const scope = await attendeeScope(actor, ref, tx);
    if (options.orgId && scope.campaign.orgId !== options.orgId) throw new NotFoundError();
    const where = attendeeWhere(scope, options.filter);
    const [total] = await tx.select({ n: count() }).from(signups).where(where);
    const rowCount = Number(total?.n ?? 0);
    await recordAudit(tx, {
      orgId: scope.campaign.orgId,
      actorId: scope.grant.userId,
      action: "export.csv",
      campaignId: scope.campaign.id,
      eventId: scope.event?.id ?? null,
      details: { scope: scope.event ? "event" : "campaign", filter: compactFilter(options.filter), columns, bom: options.bom },
      rowCount,
    });
    return { scope, where, rowCount };
  });

  const stringifier = stringify({
    header: true,
    columns: columns.map((c) => ({ key: c, header: labels.columns[c] })),
    bom: options.bom,
    record_delimiter: "windows",
  });
  const source = Readable.from(exportRecords(db, where, columns, pageSize, scope.events));
  pipeline(source, stringifier, () => {});
  const chunks = stringifier[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  // ignoreBOM keeps the byte-order mark the stringifier wrote when asked to.
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  const stream = new ReadableStream<Uint8Array>({
    // One chunk of about 64 KB per pull rather than one per record: 100,000 tiny writes cost more than the rows.
    async pull(controller) {
      try {
        const parts: string[] = [];
        let size = 0;
        let finished = false;
        while (size < 65_536) {
          const { value, done } = await chunks.next();
          if (done) {
            finished = true;
            break;
          }
          const text = typeof value === "string" ? value : decoder.decode(value as Uint8Array, { stream: true });
          parts.push(text);
          size += text.length;
        }
        if (parts.length) controller.enqueue(encoder.encode(parts.join("")));
        if (finished) controller.close();
      } catch (e) {
        console.error("picket: CSV export failed while streaming:", e);
        controller.error(e);
      }
    },
    async cancel() {
      source.destroy();
      stringifier.destroy();
    },
  });
  return { filename: exportFilename(scope), rowCount, stream };
}

/** The filters in force, without the empty ones: what the audit log shows. */
export function compactFilter(filter: AttendeeFilter): Partial<AttendeeFilter> {
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined && v !== "")) as Partial<AttendeeFilter>;
}
