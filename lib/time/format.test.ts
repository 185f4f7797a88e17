import { describe, expect, it } from "vitest";
import { formatCalendarDate, formatInstant, formatRange } from "./format";

describe("event times in the event's zone", () => {
  it("names London summer time, whatever the machine's zone", () => {
    const start = new Date("2012-07-20T11:00:00Z");
    expect(formatInstant("en", start, "Europe/London")).toMatch(/Fri.*20 Jul 2012.*12:00.*BST/);
    expect(formatRange("en", start, new Date("2012-07-20T13:00:00Z"), "Europe/London")).toMatch(/12:00\s*[–-]\s*14:00 BST/);
  });

  it("shows Aqtau's hearing at its local hour", () => {
    expect(formatInstant("en", new Date("2012-07-20T05:00:00Z"), "Asia/Aqtau")).toMatch(/10:00 GMT\+5/);
  });
});

describe("calendar dates (articles)", () => {
  it("read like every other date, in the reader's language", () => {
    expect(formatCalendarDate("en", "2012-07-20")).toBe("20 Jul 2012");
    expect(formatCalendarDate("de", "2012-07-20")).toBe("20. Juli 2012");
    expect(formatCalendarDate("ru", "2012-07-20")).toMatch(/^20 июл\.? 2012/);
  });
});
