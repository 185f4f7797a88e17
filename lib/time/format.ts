import { zoneCity } from "./zones";

// Event times are read in the event's own zone, with the zone named.

const intlLocale = (locale: string) => (locale === "en" ? "en-GB" : locale);

const whenOptions = (timeZone: string): Intl.DateTimeFormatOptions => ({
  weekday: "short",
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone,
  timeZoneName: "short",
});

// Building a formatter costs far more than using one (about a millisecond against a few
// microseconds): one per language, zone and shape, kept.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(shape: "when" | "wall" | "day" | "time", locale: string, timeZone: string): Intl.DateTimeFormat {
  const key = `${shape}|${locale}|${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      shape === "when"
        ? whenOptions(timeZone)
        : shape === "wall"
          ? { ...whenOptions(timeZone), timeZoneName: undefined }
          : shape === "day"
            ? { weekday: "short", day: "numeric", month: "short", year: "numeric", timeZone }
            : { hour: "2-digit", minute: "2-digit", timeZone, timeZoneName: "short" };
    f = new Intl.DateTimeFormat(intlLocale(locale), options);
    if (formatters.size > 2000) formatters.clear();
    formatters.set(key, f);
  }
  return f;
}

// Writing a range is the dearest call of all (a tenth of a millisecond): a page's events show the same ranges on
// every rendering, so the written ranges are kept too.
const ranges = new Map<string, string>();

function range(shape: "when" | "wall", locale: string, start: Date, end: Date, timeZone: string): string {
  const key = `${shape}|${locale}|${timeZone}|${start.getTime()}|${end.getTime()}`;
  let written = ranges.get(key);
  if (written === undefined) {
    written = formatter(shape, locale, timeZone).formatRange(start, end);
    if (ranges.size > 5000) ranges.clear();
    ranges.set(key, written);
  }
  return written;
}

/** "Fri 20 Jul 2012, 12:00 – 14:00 BST" in the given zone. */
export function formatRange(locale: string, start: Date, end: Date, timeZone: string): string {
  return range("when", locale, start, end, timeZone);
}

/** formatRange without the zone's name: the wall-clock times alone. */
export function formatWallClockRange(locale: string, start: Date, end: Date, timeZone: string): string {
  return range("wall", locale, start, end, timeZone);
}

export function formatInstant(locale: string, instant: Date, timeZone: string): string {
  return formatter("when", locale, timeZone).format(instant);
}

export function formatDay(locale: string, instant: Date, timeZone: string): string {
  return formatter("day", locale, timeZone).format(instant);
}

export function formatTime(locale: string, instant: Date, timeZone: string): string {
  return formatter("time", locale, timeZone).format(instant);
}

export { zoneCity };

/** A calendar date ("2012-07-18") as the reader's locale writes it; no zone applies to a date alone. */
export function formatCalendarDate(locale: string, date: string): string {
  // The same language tags and the same day, month and year as every other date on the site.
  return new Intl.DateTimeFormat(intlLocale(locale), { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${date}T00:00:00Z`),
  );
}
