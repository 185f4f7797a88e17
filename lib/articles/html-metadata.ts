import { Parser } from "htmlparser2";

// Title, publication, date, author, language and excerpt from a page's Open Graph and HTML metadata,
// read by an HTML parser (htmlparser2) from <meta>, <title> and <html lang>; it never runs or renders the page.

export interface PageMetadata {
  title: string;
  publication: string;
  author: string;
  publishedOn: string;
  language: string;
  excerpt: string;
}

const clean = (s: string | undefined, max: number) => (s ? s.replace(/\s+/g, " ").trim().slice(0, max) : "");

/** "2012-07-18T10:00:00+00:00", "18 July 2012" … as YYYY-MM-DD, or "" when unclear. */
export function dateOnly(raw: string): string {
  const iso = raw.trim().match(/^(\d{4})-(\d{2})-(\d{2})/);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  // A date without a zone ("18 July 2012") is that day wherever the server is: read as UTC, not the server's zone.
  const asUtc = Date.parse(`${raw} UTC`);
  const t = Number.isNaN(asUtc) ? Date.parse(raw) : asUtc;
  if (Number.isNaN(t)) return "";
  return new Date(t).toISOString().slice(0, 10);
}

/** The page's <meta> values by name (the first of each), its <title> and its <html lang>, as htmlparser2 reads them. */
function scan(html: string): { meta: Map<string, string>; title: string | undefined; lang: string | undefined } {
  const meta = new Map<string, string>();
  let title: string | undefined;
  let inTitle = false;
  let lang: string | undefined;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === "html") lang ??= attributes.lang;
        else if (name === "title" && title === undefined) {
          inTitle = true;
          title = "";
        } else if (name === "meta") {
          const key = (attributes.property ?? attributes.name ?? attributes.itemprop ?? "").toLowerCase();
          if (key && attributes.content !== undefined && !meta.has(key)) meta.set(key, attributes.content);
        }
      },
      ontext(text) {
        if (inTitle) title += text;
      },
      onclosetag(name) {
        if (name === "title") inTitle = false;
      },
    },
    // Entities decoded by the parser's full HTML table; script, style and comments are never read as tags.
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return { meta, title, lang };
}

export function parseHtmlMetadata(html: string): PageMetadata {
  const { meta, title, lang: htmlLang } = scan(html);
  const lang = htmlLang ?? meta.get("og:locale")?.replace("_", "-") ?? meta.get("language") ?? "";
  const published =
    meta.get("article:published_time") ??
    meta.get("og:published_time") ??
    meta.get("datepublished") ??
    meta.get("date") ??
    meta.get("dc.date") ??
    meta.get("pubdate") ??
    "";
  const author = meta.get("author") ?? meta.get("article:author") ?? meta.get("dc.creator") ?? "";
  return {
    title: clean(meta.get("og:title") ?? meta.get("twitter:title") ?? title, 300),
    publication: clean(meta.get("og:site_name") ?? meta.get("application-name"), 160),
    // article:author is often a profile URL: keep names only.
    author: /^https?:\/\//i.test(author) ? "" : clean(author, 160),
    publishedOn: dateOnly(published),
    language: clean(lang, 20)
      .toLowerCase()
      .split(/[-_]/)[0]!
      .replace(/[^a-z]/g, ""),
    excerpt: clean(meta.get("og:description") ?? meta.get("description") ?? meta.get("twitter:description"), 2000),
  };
}
