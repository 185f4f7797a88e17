import { useLocale } from "next-intl";
import { formatInstant, formatRange } from "@/lib/time/format";

/** A time at the event's place, in the reader's language, with the zone named ("Fri, 20 Jul 2012, 12:00 BST"). */
export function EventTime({ at, until, timeZone, className }: { at: Date | string; until?: Date | string | null; timeZone: string; className?: string }) {
  const locale = useLocale();
  const start = new Date(at);
  const text = until ? formatRange(locale, start, new Date(until), timeZone) : formatInstant(locale, start, timeZone);
  return (
    // Server and browser may name a zone differently (ICU versions); the browser's wins.
    <time dateTime={start.toISOString()} className={className} suppressHydrationWarning>
      {text}
    </time>
  );
}
