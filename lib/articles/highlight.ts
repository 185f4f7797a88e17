// ts_headline marks matches with two private-use characters; they never occur in articles
// typed by people, and turning them into <mark> elements needs no raw HTML.
export const MARK_START = "\uE000";
export const MARK_END = "\uE001";
export const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`;

export interface Segment {
  text: string;
  mark: boolean;
}

/** Splits a headline into plain and matched parts. */
export function headlineSegments(headline: string): Segment[] {
  const out: Segment[] = [];
  let rest = headline;
  while (rest.length) {
    const start = rest.indexOf(MARK_START);
    if (start < 0) {
      out.push({ text: rest, mark: false });
      break;
    }
    if (start > 0) out.push({ text: rest.slice(0, start), mark: false });
    const end = rest.indexOf(MARK_END, start + 1);
    const stop = end < 0 ? rest.length : end;
    out.push({ text: rest.slice(start + 1, stop), mark: true });
    rest = rest.slice(stop + 1);
  }
  return out.filter((s) => s.text.length > 0);
}
