// CSV by hand (RFC 4180, CRLF between records): a large export spends its time in these few
// functions, so each cell costs a character test and a regex test, and times are formatted
// from a per-day cache rather than through a Date per row.
import { offsetAt } from "@/lib/time/zones";

export const CSV_BOM = "\ufeff";
export const CSV_EOL = "\r\n";

const NEEDS_QUOTES = /[",\r\n]/;
const QUOTE = /"/g;

/** A cell a spreadsheet would run as a formula (or that hides one behind a tab or CR) starts with an apostrophe instead. */
export function defuseCell(value: string): string {
  const c = value.charCodeAt(0);
  // = + - @ tab CR
  return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13 ? `'${value}` : value;
}

/** Quoted when it holds a comma, a quote, CR or LF (a bare LF too: spreadsheets break rows on it), quotes doubled. */
export function quoteField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(QUOTE, '""')}"` : value;
}

/** A data cell: defused, then quoted as needed. */
export function csvField(value: string): string {
  return quoteField(defuseCell(value));
}

const pad = (n: number) => String(n).padStart(2, "0");
const TWO = Array.from({ length: 60 }, (_, i) => pad(i));

function offsetText(offset: number): string {
  const minutes = Math.round(Math.abs(offset) / 60_000);
  return `${offset < 0 ? "-" : "+"}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** "2026-11-28T12:00:00+00:00": the wall clock at the event's place, with its offset. */
export function isoInZone(instant: Date, zone: string): string {
  const offset = offsetAt(instant.getTime(), zone);
  const local = new Date(Math.floor(instant.getTime() / 1000) * 1000 + offset).toISOString().slice(0, 19);
  return `${local}${offsetText(offset)}`;
}

/**
 * isoInZone for many instants given as seconds since the epoch, as an export reads them: the offset
 * is looked up once per quarter hour (offsets change on quarter hours at the finest), the date once per local day.
 */
export function zonedStamps(zone: string): (epochSeconds: number) => string {
  let quarter = NaN;
  let offset = 0;
  let suffix = "";
  let day = NaN;
  let dayText = "";
  return (epochSeconds) => {
    const ms = Math.floor(epochSeconds) * 1000;
    const q = Math.floor(ms / 900_000);
    if (q !== quarter) {
      quarter = q;
      offset = offsetAt(ms, zone);
      suffix = offsetText(offset);
    }
    const local = ms + offset;
    const d = Math.floor(local / 86_400_000);
    if (d !== day) {
      day = d;
      dayText = new Date(d * 86_400_000).toISOString().slice(0, 11);
    }
    const s = Math.floor((local - d * 86_400_000) / 1000);
    return `${dayText}${TWO[Math.floor(s / 3600)]}:${TWO[Math.floor(s / 60) % 60]}:${TWO[s % 60]}${suffix}`;
  };
}

/**
 * PostgreSQL's COPY ends records with LF; RFC 4180 wants CRLF. Joins the chunks it is given into one buffer,
 * turning each LF outside a quoted field into CRLF on the way (one copy in all), and leaves line breaks inside
 * quoted fields as they were stored. A field may span calls; quotes inside a field are doubled, so counting
 * them keeps the state right.
 */
export function lfToCrlf(): (chunks: Uint8Array[]) => Buffer {
  let quoted = false;
  return (chunks) => {
    const bufs = chunks.map((c) => (Buffer.isBuffer(c) ? c : Buffer.from(c.buffer, c.byteOffset, c.byteLength)));
    const breaks = bufs.map((buf) => {
      const at: number[] = [];
      let quote = buf.indexOf(0x22);
      let lf = buf.indexOf(0x0a);
      while (lf !== -1) {
        if (quote !== -1 && quote < lf) {
          quoted = !quoted;
          quote = buf.indexOf(0x22, quote + 1);
          continue;
        }
        if (!quoted) at.push(lf);
        lf = buf.indexOf(0x0a, lf + 1);
      }
      // Quotes after the last line break still decide whether the next chunk starts inside a field.
      for (; quote !== -1; quote = buf.indexOf(0x22, quote + 1)) quoted = !quoted;
      return at;
    });
    const size = bufs.reduce((n, b, i) => n + b.length + breaks[i]!.length, 0);
    const out = Buffer.allocUnsafe(size);
    let to = 0;
    bufs.forEach((buf, i) => {
      let from = 0;
      for (const at of breaks[i]!) {
        to += buf.copy(out, to, from, at);
        out[to++] = 0x0d;
        out[to++] = 0x0a;
        from = at + 1;
      }
      to += buf.copy(out, to, from);
    });
    return out;
  };
}
