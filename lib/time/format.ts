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

/** "Fri 20 Jul 2012, 12:00 – 14:00 BST" in the given zone. */
export function formatRange(locale: string, start: Date, end: Date, timeZone: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), whenOptions(timeZone)).formatRange(start, end);
}

export function formatInstant(locale: string, instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), whenOptions(timeZone)).format(instant);
}

export function formatDay(locale: string, instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { weekday: "short", day: "numeric", month: "short", year: "numeric", timeZone }).format(instant);
}

export function formatTime(locale: string, instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { hour: "2-digit", minute: "2-digit", timeZone, timeZoneName: "short" }).format(instant);
}

export { zoneCity };

/** A calendar date ("2012-07-18") as the reader's locale writes it; no zone applies to a date alone. */
export function formatCalendarDate(locale: string, date: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`));
}
