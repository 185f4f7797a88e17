import "server-only";
import type { Readable } from "node:stream";
import { count, sql, type SQL } from "drizzle-orm";
import { getDbHandle, type DbHandle } from "@/db/client";
import { events, signups } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { attendeeScope, attendeeWhere, type AttendeeScope, type AttendeeScopeRef } from "@/lib/attendees/attendees";
import { ATTENDEE_COLUMNS, type AttendeeColumn, type AttendeeFilter } from "@/lib/attendees/schemas";
import { NotFoundError } from "@/lib/errors";
import en from "@/lib/i18n/messages/en/exports.json";
import { instantToZonedLocal } from "@/lib/time/zones";
import { recordAudit } from "./audit";
import { CSV_BOM, CSV_EOL, csvField, lfToCrlf, quoteField, zonedStamps } from "./csv-format";
import { logFailure } from "@/lib/log";

export { defuseCell, isoInZone } from "./csv-format";

export const EXPORT_PAGE_SIZE = 5000;

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

export function exportFilename(scope: Pick<AttendeeScope, "campaign" | "event">, now = new Date()): string {
  const parts = scope.event
    ? [scope.campaign.slug, scope.event.slug, instantToZonedLocal(scope.event.startsAt, scope.event.timeZone).slice(0, 10)]
    : [scope.campaign.slug, now.toISOString().slice(0, 10)];
  return `${parts.map((p) => p.replace(/[^a-z0-9-]+/gi, "-").toLowerCase()).join("_")}.csv`;
}

// Positions in a page row. Times come as whole seconds since the epoch (the CSV shows seconds);
// the cursor is text so the keyset keeps the microseconds a number would round away.
const EVENT_ID = 0, ID = 1, CURSOR = 2, NAME = 3, EMAIL = 4, PHONE = 5, ROLE = 6, STATUS = 7, COMMENT = 8, CREATED_AT = 9, CHECKED_IN_AT = 10;
type PageRow = unknown[];
type Keyset = { cursor: string; id: string };

// Sign-up order, in keyset pages. The page reads signups alone (a join makes the planner sort the whole
// remainder per page) and comes back as arrays, not objects. For one event the WHERE fixes event_id, so
// "(created_at, id) > cursor" is a range of the index (event_id, created_at, id); the three-column
// comparison it replaces led PGlite's planner to a bitmap scan and a sort of the remainder on every page.
async function selectPage(handle: DbHandle, where: SQL, after: Keyset | null, pageSize: number, singleEvent: boolean): Promise<PageRow[]> {
  const s = signups;
  const keyset = after ? sql`(${s.createdAt}, ${s.id}) > (${after.cursor}::timestamptz, ${after.id}::uuid)` : sql`true`;
  const order = singleEvent ? sql`${s.eventId}, ${s.createdAt}, ${s.id}` : sql`${s.createdAt}, ${s.id}`;
  const page = (extra: SQL = sql``) => sql`
    select ${s.eventId}, ${s.id}, ${s.createdAt}::text, ${s.name}, ${s.email}, ${s.phone}, ${s.role}, ${s.status}, ${s.comment},
           floor(extract(epoch from ${s.createdAt}))::float8, floor(extract(epoch from ${s.checkedInAt}))::float8 ${extra}
    from ${s} where ${where} and ${keyset} order by ${order} limit ${pageSize}`;
  if (handle.engine === "postgres") return handle.arrays(page());
  // PGlite copies every field of a result as it decodes it: one JSON field per page costs a fraction of eleven per row.
  const [[json]] = (await handle.arrays(sql`
    select coalesce(json_agg(json_build_array(p.c1, p.c2, p.c3, p.c4, p.c5, p.c6, p.c7, p.c8, p.c9, p.c10, p.c11)
                             order by ${sql.raw(singleEvent ? "p.c1, p.c12, p.c2" : "p.c12, p.c2")}), '[]')::text
    from (${page(sql`, ${s.createdAt}`)}) p (c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12)`)) as [[string]];
  return JSON.parse(json) as PageRow[];
}

interface EventCells {
  title: string;
  stamp: (epochSeconds: number) => string;
}
type CellWriter = (row: PageRow, event: EventCells) => string;

const text = (i: number): CellWriter => (row) => (row[i] == null ? "" : csvField(row[i] as string));
const statusCells = Object.fromEntries(Object.entries(labels.statuses).map(([k, v]) => [k, csvField(v)])) as Record<string, string>;

function cellWriter(column: AttendeeColumn): CellWriter {
  switch (column) {
    case "event":
      return (_, event) => event.title;
    case "status":
      return (row) => statusCells[row[STATUS] as string] ?? "";
    case "createdAt":
      return (row, event) => csvField(event.stamp(row[CREATED_AT] as number));
    case "checkedInAt":
      return (row, event) => (row[CHECKED_IN_AT] == null ? "" : csvField(event.stamp(row[CHECKED_IN_AT] as number)));
    case "name":
      return text(NAME);
    case "email":
      return text(EMAIL);
    case "phone":
      return text(PHONE);
    case "role":
      return text(ROLE);
    case "comment":
      return text(COMMENT);
  }
}

const CHUNK_BYTES = 1 << 20;

/**
 * Encodes lines into one reused buffer and hands out a copy of the filled part: encoding short lines costs
 * far less than encoding one long string, and a page of about half a megabyte goes out as one chunk,
 * since every chunk waits for the socket to drain before the next is read.
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

/** Writes pages of rows as CSV records; event titles and zones come from the scope already loaded. */
function recordWriter(columns: AttendeeColumn[], scopeEvents: { id: string; title: string; timeZone: string }[]) {
  const byId = new Map<string, EventCells>(scopeEvents.map((e) => [e.id, { title: csvField(e.title), stamp: zonedStamps(e.timeZone) }]));
  const unknown: EventCells = { title: "", stamp: zonedStamps("UTC") };
  const writers = columns.map(cellWriter);
  return (rows: PageRow[], out: ChunkWriter) => {
    for (const row of rows) {
      const event = byId.get(row[EVENT_ID] as string) ?? unknown;
      let line = writers[0]!(row, event);
      for (let i = 1; i < writers.length; i++) line += "," + writers[i]!(row, event);
      out.write(line + CSV_EOL);
    }
  };
}

// On PostgreSQL the server writes the CSV itself (COPY … TO STDOUT): the same cells as recordWriter, built in SQL.
const DANGEROUS_FIRST = sql.raw(`('=', '+', '-', '@', chr(9), chr(13))`);
const defused = (cell: SQL) => sql`case when left(${cell}, 1) in ${DANGEROUS_FIRST} then '''' || ${cell} else ${cell} end`;
/**
 * isoInZone in SQL: the wall clock at the event's place, to the second, with its offset as ±hh:mm. When every
 * event of the export shares one zone the statement runs in it (to_char then converts nothing per row, twice as fast).
 */
const zonedStamp = (instant: SQL, sessionZone: boolean) =>
  sessionZone
    ? sql`to_char(${instant}, 'YYYY-MM-DD"T"HH24:MI:SSTZH:TZM')`
    : sql`to_char(${instant} at time zone ${events.timeZone}, 'YYYY-MM-DD"T"HH24:MI:SS') || (
  select case when o < 0 then '-' else '+' end || lpad((abs(o) / 3600)::text, 2, '0') || ':' || lpad((abs(o) % 3600 / 60)::text, 2, '0')
  from (select extract(epoch from (${instant} at time zone ${events.timeZone}) - (${instant} at time zone 'UTC'))::int as o) offset_seconds)`;

function copyCell(column: AttendeeColumn, sessionZone: boolean): SQL {
  const s = signups;
  switch (column) {
    case "event":
      return defused(sql`${events.title}`);
    case "status":
      return sql`case ${s.status} ${sql.join(Object.entries(labels.statuses).map(([k, v]) => sql`when ${k} then ${v}`), sql` `)} end`;
    case "createdAt":
      return zonedStamp(sql`${s.createdAt}`, sessionZone);
    case "checkedInAt":
      return zonedStamp(sql`${s.checkedInAt}`, sessionZone);
    default:
      return defused(sql`${s[column]}`);
  }
}

function copySelect(where: SQL, columns: AttendeeColumn[], sessionZone: boolean): SQL {
  return sql`select ${sql.join(columns.map((c) => copyCell(c, sessionZone)), sql`, `)}
    from ${signups} join ${events} on ${events.id} = ${signups.eventId}
    where ${where} order by ${signups.createdAt}, ${signups.id}`;
}

const COPY_CHUNK_BYTES = 256 << 10;

/** The next chunk the server sent, null at the end. */
function nextChunk(source: Readable): Promise<Buffer | null> {
  const chunk = source.read() as Buffer | null;
  if (chunk !== null || source.readableEnded) return Promise.resolve(chunk);
  return new Promise((resolve, reject) => {
    const done = () => {
      source.off("readable", done).off("end", done).off("error", fail).off("close", done);
      resolve(source.read() as Buffer | null);
    };
    const fail = (e: Error) => {
      source.off("readable", done).off("end", done).off("close", done);
      reject(e);
    };
    source.once("readable", done).once("end", done).once("error", fail).once("close", done);
  });
}

/** The server's CSV after the header, records ending in CRLF, in chunks of about 256 kB; the connection goes back when done or abandoned. */
function copyStream(handle: DbHandle, query: SQL, header: string, timeZone: string | undefined): ReadableStream<Uint8Array> {
  const crlf = lfToCrlf();
  let source: Readable | null = null;
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      source = await handle.copyCsv!(query, { timeZone });
      controller.enqueue(Buffer.from(header, "utf8"));
    },
    async pull(controller) {
      try {
        const parts: Buffer[] = [];
        let size = 0;
        let chunk: Buffer | null = null;
        while (size < COPY_CHUNK_BYTES && (chunk = await nextChunk(source!)) !== null) {
          parts.push(chunk);
          size += chunk.length;
        }
        if (size) controller.enqueue(crlf(parts));
        if (chunk === null) controller.close();
      } catch (e) {
        logFailure("CSV export failed while streaming", e);
        controller.error(e);
      }
    },
    cancel() {
      source?.destroy();
    },
  });
}

/**
 * The attendee list of an event or a campaign as CSV (RFC 4180, UTF-8, optional BOM).
 * The permission check and the audit entry come first, in one transaction; then the rows are streamed.
 */
export async function exportAttendeesCsv(actor: Actor, ref: AttendeeScopeRef, options: CsvExportOptions, pageSize = EXPORT_PAGE_SIZE): Promise<CsvExport> {
  const handle = await getDbHandle();
  const columns = options.columns.length ? options.columns : [...ATTENDEE_COLUMNS];
  const { scope, where, rowCount } = await handle.db.transaction(async (tx) => {
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

  let header: string | null = (options.bom ? CSV_BOM : "") + columns.map((c) => quoteField(labels.columns[c])).join(",") + CSV_EOL;
  if (handle.copyCsv) {
    const zones = new Set(scope.events.map((e) => e.timeZone));
    const zone = zones.size === 1 ? [...zones][0] : undefined;
    return { filename: exportFilename(scope), rowCount, stream: copyStream(handle, copySelect(where, columns, zone !== undefined), header, zone) };
  }

  const singleEvent = scope.events.length === 1;
  const fetchPage = (after: Keyset | null) => {
    const page = selectPage(handle, where, after, pageSize, singleEvent);
    page.catch(() => undefined); // a failure surfaces at the pull that awaits it, never as an unhandled rejection
    return page;
  };
  const records = recordWriter(columns, scope.events);
  // At most one page is held while the next is read: the query for the next page runs while this one is written out.
  let next: Promise<PageRow[]> | null = fetchPage(null);
  let out: ChunkWriter;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      out = new ChunkWriter((chunk) => controller.enqueue(chunk));
    },
    async pull(controller) {
      try {
        const rows = next ? await next : [];
        const last = rows.length === pageSize ? rows[rows.length - 1]! : null;
        next = last ? fetchPage({ cursor: last[CURSOR] as string, id: last[ID] as string }) : null;
        if (header !== null) out.write(header);
        header = null;
        records(rows, out);
        out.flush();
        if (!next) controller.close();
      } catch (e) {
        logFailure("CSV export failed while streaming", e);
        controller.error(e);
      }
    },
    cancel() {
      next = null;
    },
  });
  return { filename: exportFilename(scope), rowCount, stream };
}

/** The filters in force, without the empty ones: what the audit log shows. */
export function compactFilter(filter: AttendeeFilter): Partial<AttendeeFilter> {
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined && v !== "")) as Partial<AttendeeFilter>;
}
