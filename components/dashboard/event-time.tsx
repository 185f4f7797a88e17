import { useFormatter } from "next-intl";

const style = { weekday: "short", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short" } as const;

/** A time at the event's place, in the reader's language, with the zone named ("Fri, 20 Jul 2012, 12:00 BST"). */
export function EventTime({ at, until, timeZone, className }: { at: Date | string; until?: Date | string | null; timeZone: string; className?: string }) {
  const format = useFormatter();
  const start = new Date(at);
  const text = until ? format.dateTimeRange(start, new Date(until), { ...style, timeZone }) : format.dateTime(start, { ...style, timeZone });
  return (
    // Server and browser may name a zone differently (ICU versions); the browser's wins.
    <time dateTime={start.toISOString()} className={className} suppressHydrationWarning>
      {text}
    </time>
  );
}
