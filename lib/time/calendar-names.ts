/**
 * Short month names (January first) and weekday names (Sunday first) in a language, as the server's full ICU
 * data writes them: the reader's-time line takes them from the page when the browser lacks them.
 */
export function calendarNames(locale: string): { months: string[]; weekdays: string[] } {
  // Nineteen formatters per language: made once, not on every page that shows a time.
  let names = known.get(locale);
  if (!names) {
    names = namesIn(locale);
    known.set(locale, names);
  }
  return names;
}

const known = new Map<string, { months: string[]; weekdays: string[] }>();

function namesIn(locale: string): { months: string[]; weekdays: string[] } {
  const name = (options: Intl.DateTimeFormatOptions, at: number) => new Intl.DateTimeFormat(locale, { timeZone: "UTC", ...options }).format(at);
  return {
    months: Array.from({ length: 12 }, (_, i) => name({ month: "short" }, Date.UTC(2024, i, 15, 12))),
    // 7 January 2024 was a Sunday.
    weekdays: Array.from({ length: 7 }, (_, i) => name({ weekday: "short" }, Date.UTC(2024, 0, 7 + i, 12))),
  };
}
