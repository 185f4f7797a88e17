import "server-only";
import { count, sql, type SQL } from "drizzle-orm";
import { getDbHandle, type DbHandle } from "@/db/client";
import { signups } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { attendeeScope, attendeesOpened, attendeeWhere, matchesSearch, type AttendeeScope, type AttendeeScopeRef } from "@/lib/attendees/attendees";
import { openPersonalPage, type Personal } from "@/lib/signups/personal";
import { ATTENDEE_COLUMNS, type AttendeeColumn, type AttendeeFilter } from "@/lib/attendees/schemas";
import { NotFoundError } from "@/lib/errors";
import en from "@/lib/i18n/messages/en/exports.json";
import { instantToZonedLocal } from "@/lib/time/zones";
import { audited, recordAccess } from "@/lib/audit";
import { CSV_BOM, CSV_EOL, csvField, quoteField, zonedStamps } from "./csv-format";
import { logFailure } from "@/lib/log";

export { defuseCell, isoInZone } from "./csv-format";

export const EXPORT_PAGE_SIZE = 2000;
/** Pages read and opened ahead of the one being written. */
const AHEAD = 2;

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

const labels = en.exports.dashboard;

export function exportFilename(scope: Pick<AttendeeScope, "campaign" | "event">, now = new Date()): string {
  const parts = scope.event
    ? [scope.campaign.slug, scope.event.slug, instantToZonedLocal(scope.event.startsAt, scope.event.timeZone).slice(0, 10)]
    : [scope.campaign.slug, now.toISOString().slice(0, 10)];
  return `${parts.map((p) => p.replace(/[^a-z0-9-]+/gi, "-").toLowerCase()).join("_")}.csv`;
}

// Positions in a page row. Times come as whole seconds since the epoch (the CSV shows seconds);
// the cursor is text so the keyset keeps the microseconds a number would round away. The event is
// read only for a campaign's list: one event's export knows it.
const EVENT_ID = 0,
  ID = 1,
  CURSOR = 2,
  PERSONAL = 3,
  ROLE = 4,
  STATUS = 5,
  CREATED_AT = 6,
  CHECKED_IN_AT = 7;
type PageRow = unknown[];
type Keyset = { cursor: string; id: string };

// Sign-up order, in keyset pages. The page reads signups alone (a join makes the planner sort the whole
// remainder per page) and comes back as arrays, not objects. For one event the WHERE fixes event_id, so
// "(created_at, id) > cursor" is a range of the index (event_id, created_at, id); the three-column
// comparison it replaces led PGlite's planner to a bitmap scan and a sort of the remainder on every page.
// Seconds come from date_part (double precision), not extract (numeric since PostgreSQL 14, a fifth of the page's time).
async function selectPage(handle: DbHandle, where: SQL, after: Keyset | null, pageSize: number, singleEvent: boolean): Promise<PageRow[]> {
  const s = signups;
  const keyset = after ? sql`(${s.createdAt}, ${s.id}) > (${after.cursor}::timestamptz, ${after.id}::uuid)` : sql`true`;
  const order = singleEvent ? sql`${s.eventId}, ${s.createdAt}, ${s.id}` : sql`${s.createdAt}, ${s.id}`;
  const page = (extra: SQL = sql``) => sql`
    select ${singleEvent ? sql`null` : s.eventId}, ${s.id}, ${s.createdAt}::text, ${s.personal}, ${s.role}, ${s.status},
           floor(date_part('epoch', ${s.createdAt})), floor(date_part('epoch', ${s.checkedInAt})) ${extra}
    from ${s} where ${where} and ${keyset} order by ${order} limit ${pageSize}`;
  if (handle.engine === "postgres") return handle.arrays(page());
  // PGlite copies every field of a result as it decodes it: one JSON field per page costs a fraction of eight per row.
  const [[json]] = (await handle.arrays(sql`
    select coalesce(json_agg(json_build_array(p.c1, p.c2, p.c3, p.c4, p.c5, p.c6, p.c7, p.c8)
                             order by p.c9, p.c2), '[]')::text
    from (${page(sql`, ${s.createdAt}`)}) p (c1, c2, c3, c4, c5, c6, c7, c8, c9)`)) as [[string]];
  return JSON.parse(json) as PageRow[];
}

interface EventCells {
  title: string;
  stamp: (epochSeconds: number) => string;
}
type CellWriter = (row: PageRow, person: Personal, event: EventCells) => string;

const text = (value: string | null) => (value == null ? "" : csvField(value));
const statusCells = Object.fromEntries(Object.entries(labels.statuses).map(([k, v]) => [k, csvField(v)])) as Record<string, string>;

function cellWriter(column: AttendeeColumn): CellWriter {
  switch (column) {
    case "event":
      return (_row, _person, event) => event.title;
    case "status":
      return (row) => statusCells[row[STATUS] as string] ?? "";
    case "createdAt":
      return (row, _person, event) => csvField(event.stamp(row[CREATED_AT] as number));
    case "checkedInAt":
      return (row, _person, event) => (row[CHECKED_IN_AT] == null ? "" : csvField(event.stamp(row[CHECKED_IN_AT] as number)));
    case "name":
      return (_row, person) => text(person.name);
    case "email":
      return (_row, person) => text(person.email);
    case "phone":
      return (_row, person) => text(person.phone);
    case "role":
      return (row) => text(row[ROLE] as string | null);
    case "comment":
      return (_row, person) => text(person.comment);
  }
}

const CHUNK_BYTES = 256 << 10;

/**
 * Encodes lines into one reused buffer and hands out a copy of the filled part: encoding short lines costs
 * far less than encoding one long string, and a page (about 100 kB) goes out as one chunk, since every chunk
 * waits for the socket to drain before the next is read.
 */
class ChunkWriter {
  private readonly buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;
  constructor(private readonly emit: (chunk: Uint8Array) => void) {}

  write(text: string) {
    // A UTF-16 unit takes at most three bytes in UTF-8.
    if (this.used + text.length * 3 > CHUNK_BYTES) {
      this.flush();
      if (text.length * 3 > CHUNK_BYTES) return this.emit(Buffer.from(text, "utf8"));
    }
    this.used += this.buffer.write(text, this.used, "utf8");
  }

  flush() {
    if (!this.used) return;
    this.emit(Buffer.from(this.buffer.subarray(0, this.used)));
    this.used = 0;
  }
}

interface OpenedPage {
  rows: PageRow[];
  people: (Personal | null)[];
}

/**
 * Writes a page of rows as CSV records with their personal fields, opened in this server (the database never sees
 * them), and searched: event titles and zones come from the scope already loaded.
 */
function pageWriter(columns: AttendeeColumn[], scopeEvents: { id: string; title: string; timeZone: string }[], search: (p: Personal) => boolean) {
  const byId = new Map<string, EventCells>(scopeEvents.map((e) => [e.id, { title: csvField(e.title), stamp: zonedStamps(e.timeZone) }]));
  const only = scopeEvents.length === 1 ? byId.get(scopeEvents[0]!.id)! : null;
  const unknown: EventCells = { title: "", stamp: zonedStamps("UTC") };
  const writers = columns.map(cellWriter);
  return ({ rows, people }: OpenedPage, out: ChunkWriter) => {
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r]!;
      const person = people[r];
      if (!person || !search(person)) continue;
      const event = only ?? byId.get(row[EVENT_ID] as string) ?? unknown;
      let line = writers[0]!(row, person, event);
      for (let i = 1; i < writers.length; i++) line += "," + writers[i]!(row, person, event);
      out.write(line + CSV_EOL);
    }
  };
}

/**
 * The attendee list of an event or a campaign as CSV (RFC 4180, UTF-8, optional BOM).
 * The permission check and the audit entry come first, in one transaction; then the rows are streamed.
 */
export async function exportAttendeesCsv(actor: Actor, ref: AttendeeScopeRef, options: CsvExportOptions, pageSize = EXPORT_PAGE_SIZE): Promise<CsvExport> {
  const handle = await getDbHandle();
  const columns = options.columns.length ? options.columns : [...ATTENDEE_COLUMNS];
  const search = matchesSearch(options.filter.q);
  const singleEvent = (scope: AttendeeScope) => scope.events.length === 1;
  const { scope, where, rowCount } = await audited(handle.db, actor, "export.csv", async (tx) => {
    const scope = await attendeeScope(actor, ref, tx);
    if (options.orgId && scope.grant.orgId !== options.orgId) throw new NotFoundError();
    const where = attendeeWhere(scope, options.filter);
    // A search runs on the opened names and addresses: the rows it takes are counted the same way.
    const rowCount = options.filter.q
      ? (await attendeesOpened(tx, scope, options.filter)).length
      : Number((await tx.select({ n: count() }).from(signups).where(where))[0]?.n ?? 0);
    const on = { orgId: scope.grant.orgId, campaignId: scope.campaign.id, eventId: scope.event?.id ?? null };
    await recordAccess(tx, actor, { ...on, kind: "export", rowCount });
    return {
      result: { scope, where, rowCount },
      audit: { ...on, details: { scope: scope.event ? "event" : "campaign", filter: auditedFilter(options.filter), columns, bom: options.bom }, rowCount },
    };
  });

  let header: string | null = (options.bom ? CSV_BOM : "") + columns.map((c) => quoteField(labels.columns[c])).join(",") + CSV_EOL;
  const writePage = pageWriter(columns, scope.events, search);
  // The pages ahead: each is read and then opened on the worker thread, and the next page's query goes out as
  // soon as the one before it is read, so the database, the opening and the writing run side by side. At most
  // AHEAD pages wait beside the one being written.
  const ahead: Promise<OpenedPage>[] = [];
  let resumeAt: Keyset | null = null;
  let cancelled = false;
  const readFrom = (after: Keyset | null) => {
    const rows = selectPage(handle, where, after, pageSize, singleEvent(scope));
    const page = rows.then(async (rows) => ({
      rows,
      people: await openPersonalPage(
        handle.db,
        rows.map((row) => row[ID] as string),
        rows.map((row) => row[PERSONAL] as string | null),
      ),
    }));
    page.catch(() => undefined); // a failure surfaces at the pull that awaits it, never as an unhandled rejection
    ahead.push(page);
    rows.then(
      (rows) => {
        const last = rows.length === pageSize ? rows[rows.length - 1]! : null;
        if (!last || cancelled) return;
        const at = { cursor: last[CURSOR] as string, id: last[ID] as string };
        if (ahead.length < AHEAD) readFrom(at);
        else resumeAt = at;
      },
      () => undefined,
    );
  };
  readFrom(null);
  let out: ChunkWriter;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      out = new ChunkWriter((chunk) => controller.enqueue(chunk));
    },
    async pull(controller) {
      try {
        const page = await ahead.shift()!;
        // A read that waited for room goes out once the pages ahead are fewer than AHEAD (never more beside this one).
        if (resumeAt && ahead.length < AHEAD) {
          readFrom(resumeAt);
          resumeAt = null;
        }
        if (header !== null) out.write(header);
        header = null;
        writePage(page, out);
        out.flush();
        if (page.rows.length < pageSize) controller.close();
      } catch (e) {
        logFailure("CSV export failed while streaming", e);
        controller.error(e);
      }
    },
    cancel() {
      cancelled = true;
    },
  });
  return { filename: exportFilename(scope), rowCount, stream };
}

/** The filters in force, without the empty ones: what the audit log shows. */
/**
 * The filters an export used, as the export log keeps them: a search is recorded as used, never its text, which
 * may be a supporter's name or address.
 */
export function auditedFilter(filter: AttendeeFilter): Partial<Omit<AttendeeFilter, "q">> & { searched?: true } {
  const { q, ...rest } = filter;
  const kept = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined && v !== "")) as Partial<Omit<AttendeeFilter, "q">>;
  return q ? { ...kept, searched: true } : kept;
}
