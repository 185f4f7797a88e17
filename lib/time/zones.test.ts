import { describe, expect, it } from "vitest";
import { instantToZonedLocal, isoInZone, isValidTimeZone, zoneCity, zonedLocalToInstant } from "./zones";

describe("local time at the place ↔ instant", () => {
  it("runs in a zone other than the events' (the suite's TZ is Asia/Kathmandu)", () => {
    expect(new Date("2012-07-20T12:00:00Z").getTimezoneOffset()).toBe(-345);
  });

  it.each([
    ["2012-07-20T12:00", "Europe/London", "2012-07-20T11:00:00.000Z"],
    ["2012-07-20T12:00", "Europe/Berlin", "2012-07-20T10:00:00.000Z"],
    ["2012-07-20T10:00", "Asia/Aqtau", "2012-07-20T05:00:00.000Z"],
    ["2012-12-16T09:30", "Asia/Kathmandu", "2012-12-16T03:45:00.000Z"],
    ["2012-01-10T12:00", "Europe/Warsaw", "2012-01-10T11:00:00.000Z"],
  ])("%s in %s is %s", (local, zone, iso) => {
    const instant = zonedLocalToInstant(local, zone);
    expect(instant?.toISOString()).toBe(iso);
    expect(instantToZonedLocal(instant!, zone)).toBe(local);
  });

  it("moves a time in the spring-forward gap past the gap, and picks the earlier time in an overlap", () => {
    expect(zonedLocalToInstant("2012-03-25T01:30", "Europe/London")?.toISOString()).toBe("2012-03-25T01:30:00.000Z");
    expect(zonedLocalToInstant("2012-10-28T01:30", "Europe/London")?.toISOString()).toBe("2012-10-28T00:30:00.000Z");
  });

  it("refuses impossible dates and unknown zones", () => {
    expect(zonedLocalToInstant("2012-02-30T10:00", "Europe/Berlin")).toBeNull();
    expect(zonedLocalToInstant("2012-07-20 12:00", "Europe/Berlin")).toBeNull();
    expect(zonedLocalToInstant("2012-07-20T12:00", "Mars/Olympus")).toBeNull();
    expect(isValidTimeZone("Europe/London")).toBe(true);
    expect(isValidTimeZone("")).toBe(false);
  });

  it("names a zone by its city", () => {
    expect(zoneCity("Europe/London")).toBe("London");
    expect(zoneCity("America/Argentina/Buenos_Aires")).toBe("Buenos Aires");
  });
});

describe("an instant in ISO 8601 with the zone's offset", () => {
  it.each([
    ["2031-05-01T12:00:00Z", "Europe/Berlin", "2031-05-01T14:00:00+02:00"],
    ["2031-01-01T12:00:00Z", "Europe/Berlin", "2031-01-01T13:00:00+01:00"],
    ["2012-12-16T03:45:00Z", "Asia/Kathmandu", "2012-12-16T09:30:00+05:45"],
    ["2012-07-20T02:00:00Z", "America/New_York", "2012-07-19T22:00:00-04:00"],
    ["2012-07-20T02:00:00Z", "UTC", "2012-07-20T02:00:00+00:00"],
  ])("%s in %s is %s", (instant, zone, iso) => {
    expect(isoInZone(new Date(instant), zone)).toBe(iso);
    expect(new Date(iso).getTime()).toBe(new Date(instant).getTime());
  });
});
