import { expect, test } from "@playwright/test";
import ICAL from "ical.js";

test("the campaign page offers its calendar; the file holds every event of the day of action, each in its own zone", async ({ page, request }) => {
  await page.goto("/c/embassy-day-of-action");
  const link = page.getByRole("link", { name: /Subscribe to the calendar/ });
  await expect(link).toHaveAttribute("href", "/c/embassy-day-of-action/calendar.ics");
  const res = await request.get("/c/embassy-day-of-action/calendar.ics");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  const root = new ICAL.Component(ICAL.parse(await res.text()));
  const events = root.getAllSubcomponents("vevent");
  const zones = new Set(events.map((e) => e.getFirstProperty("dtstart")!.getParameter("tzid")));
  expect(events.map((e) => e.getFirstPropertyValue("summary"))).toEqual(
    expect.arrayContaining(["Protest at the embassy in London", "Protest at the embassy in Warsaw"]),
  );
  expect(zones).toEqual(new Set(root.getAllSubcomponents("vtimezone").map((z) => z.getFirstPropertyValue("tzid"))));
  expect(zones.has("Europe/London")).toBe(true);

  expect((await request.get("/c/no-such-campaign/calendar.ics")).status()).toBe(404);
});
