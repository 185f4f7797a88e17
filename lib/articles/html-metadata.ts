// Title, publication, date, author, language and excerpt from a page's Open Graph and HTML metadata.
// A small scanner over <meta>, <title> and <html lang>; it never runs or renders the page.

export interface PageMetadata {
  title: string;
  publication: string;
  author: string;
  publishedOn: string;
  language: string;
  excerpt: string;
}

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", ndash: "–", mdash: "—", hellip: "…", laquo: "«", raquo: "»", rsquo: "’", lsquo: "‘", ldquo: "“", rdquo: "”" };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === "#") {
      const n = code[1] === "x" || code[1] === "X" ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return n > 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff) ? String.fromCodePoint(n) : "";
    }
    return NAMED[code.toLowerCase()] ?? whole;
  });
}

const clean = (s: string | undefined, max: number) => (s ? decodeEntities(s).replace(/\s+/g, " ").trim().slice(0, max) : "");

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=\s*("([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/g)) {
    out[m[1]!.toLowerCase()] = m[3] ?? m[4] ?? m[5] ?? "";
  }
  return out;
}

/** "2012-07-18T10:00:00+00:00", "18 July 2012" … as YYYY-MM-DD, or "" when unclear. */
export function dateOnly(raw: string): string {
  const iso = raw.trim().match(/^(\d{4})-(\d{2})-(\d{2})/);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const t = Date.parse(raw);
  if (Number.isNaN(t)) return "";
  return new Date(t).toISOString().slice(0, 10);
}

export function parseHtmlMetadata(html: string): PageMetadata {
  // Comments, scripts and styles may hold anything that looks like a tag.
  const text = html.replace(/<!--[\s\S]*?-->/g, "").replace(/<(script|style|noscript)\b[\s\S]*?<\/\1\s*>/gi, "");
  const meta = new Map<string, string>();
  for (const m of text.matchAll(/<meta\b[^>]*>/gi)) {
    const a = attributes(m[0]);
    const key = (a.property ?? a.name ?? a.itemprop ?? "").toLowerCase();
    if (key && a.content !== undefined && !meta.has(key)) meta.set(key, a.content);
  }
  const titleTag = text.match(/<title\b[^>]*>([\s\S]*?)<\/title\s*>/i)?.[1];
  const htmlTag = text.match(/<html\b[^>]*>/i)?.[0];
  const lang = (htmlTag ? attributes(htmlTag).lang : undefined) ?? meta.get("og:locale")?.replace("_", "-") ?? meta.get("language") ?? "";
  const published = meta.get("article:published_time") ?? meta.get("og:published_time") ?? meta.get("datepublished") ?? meta.get("date") ?? meta.get("dc.date") ?? meta.get("pubdate") ?? "";
  const author = meta.get("author") ?? meta.get("article:author") ?? meta.get("dc.creator") ?? "";
  return {
    title: clean(meta.get("og:title") ?? meta.get("twitter:title") ?? titleTag, 300),
    publication: clean(meta.get("og:site_name") ?? meta.get("application-name"), 160),
    // article:author is often a profile URL: keep names only.
    author: /^https?:\/\//i.test(author) ? "" : clean(author, 160),
    publishedOn: dateOnly(decodeEntities(published)),
    language: clean(lang, 20).toLowerCase().split(/[-_]/)[0]!.replace(/[^a-z]/g, ""),
    excerpt: clean(meta.get("og:description") ?? meta.get("description") ?? meta.get("twitter:description"), 2000),
  };
}
