// Instants are stored; people enter and read local wall-clock times at the event's place.

export function isValidTimeZone(zone: string): boolean {
  if (!zone || (!zone.includes("/") && zone !== "UTC")) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

// Building a formatter costs far more than using one: exports call this for every row.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string) {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(zone, f);
  }
  return f;
}

function wallClockAt(instant: number, zone: string) {
  const parts = formatterFor(zone).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
}

/** The zone's offset from UTC at an instant, in milliseconds. */
export function offsetAt(instant: number, zone: string): number {
  // Offsets change on quarter hours at the finest: one lookup per zone and quarter hour.
  const quarter = Math.floor(instant / 900_000);
  const key = `${zone}|${quarter}`;
  const cached = offsets.get(key);
  if (cached !== undefined) return cached;
  const start = quarter * 900_000;
  const offset = wallClockAt(start, zone) - start;
  if (offsets.size > 50_000) offsets.clear();
  offsets.set(key, offset);
  return offset;
}

const offsets = new Map<string, number>();

/**
 * "2012-07-20T12:00" in "Europe/London" → the instant. In a spring-forward gap the time
 * moves forward by the gap; in an autumn overlap the earlier of the two instants is chosen.
 */
export function zonedLocalToInstant(local: string, zone: string): Date | null {
  const m = LOCAL.exec(local);
  if (!m || !isValidTimeZone(zone)) return null;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null;
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  const check = new Date(asUtc);
  if (check.getUTCDate() !== d || check.getUTCMonth() !== mo - 1) return null;
  const candidates = [offsetAt(asUtc - 86_400_000, zone), offsetAt(asUtc, zone), offsetAt(asUtc + 86_400_000, zone)];
  const exact = [...new Set(candidates)].map((o) => asUtc - o).filter((t) => wallClockAt(t, zone) === asUtc);
  if (exact.length) return new Date(Math.min(...exact));
  // In a gap: take the offset in force before it.
  return new Date(asUtc - candidates[0]!);
}

/** The instant as "YYYY-MM-DDTHH:mm" on the zone's wall clock (for datetime-local inputs). */
export function instantToZonedLocal(instant: Date, zone: string): string {
  return new Date(wallClockAt(instant.getTime(), zone)).toISOString().slice(0, 16);
}

/** "Europe/London" → "London", "America/Argentina/Buenos_Aires" → "Buenos Aires". */
export function zoneCity(zone: string): string {
  return (zone.split("/").pop() ?? zone).replace(/_/g, " ");
}

export function allTimeZones(): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: string) => string[] };
  return intl.supportedValuesOf?.("timeZone") ?? ["UTC"];
}

/** The instant as ISO 8601 on the zone's wall clock with its offset: "2031-05-01T14:00:00+02:00" in "Europe/Berlin". */
export function isoInZone(instant: Date, zone: string): string {
  const offset = Math.round(offsetAt(instant.getTime(), zone) / 60_000);
  const wall = new Date(instant.getTime() + offset * 60_000).toISOString().slice(0, 19);
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  return `${wall}${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}
