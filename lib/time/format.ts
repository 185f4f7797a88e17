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
