import { expect, test } from "@playwright/test";

const CAMPAIGN = "/c/embassy-day-of-action";
const TILES = "http://127.0.0.1:3299/";
// A 1×1 transparent PNG for every tile.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");

test("the map loads nothing before the reader asks; then its code, its tiles and one marker per located event", async ({ page, baseURL }) => {
  const requests: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.route(`${TILES}**`, (route) => route.fulfill({ status: 200, contentType: "image/png", body: PNG }));

  await page.goto(CAMPAIGN);
  const show = page.getByRole("button", { name: "Show map" });
  await expect(show).toBeVisible();
  await expect(page.getByText("The map's images come from 127.0.0.1:3299")).toBeVisible();
  // Before the press: every request went to the app itself, no tile, and Leaflet's code is not in the page.
  expect(requests.filter((u) => !u.startsWith(baseURL!))).toEqual([]);
  expect(await page.evaluate(() => typeof (window as unknown as { L?: unknown }).L)).toBe("undefined");

  await show.click();
  const map = page.getByRole("region", { name: "Map of the events" });
  await expect(map).toBeVisible();
  await expect.poll(() => requests.filter((u) => u.startsWith(TILES)).length).toBeGreaterThan(0);
  expect(await page.evaluate(() => typeof (window as unknown as { L?: unknown }).L)).toBe("object");
  const markers = map.locator(".picket-marker");
  await expect(markers.first()).toBeVisible();
  // The demo's day of action: Berlin (two events), London, Brussels and Warsaw all have coordinates.
  await expect(map.getByRole("button", { name: "Protest at the embassy in London" })).toBeVisible();
  expect(await markers.count()).toBeGreaterThanOrEqual(4);
  // Nothing but the app and the configured tile server.
  expect(requests.filter((u) => !u.startsWith(baseURL!) && !u.startsWith(TILES))).toEqual([]);

  // A marker is reached by keyboard and opens a popup that links to its event.
  await map.getByRole("button", { name: "Protest at the embassy in London" }).focus();
  await page.keyboard.press("Enter");
  await expect(map.getByRole("link", { name: "Protest at the embassy in London" })).toHaveAttribute("href", `${CAMPAIGN}/embassy-protest-london`);
});

test("without JavaScript there is no map button, and the events are listed by country and city", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(CAMPAIGN);
  await expect(page.getByRole("button", { name: "Show map" })).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 3, name: "United Kingdom" })).toBeVisible();
  await expect(page.getByRole("link", { name: /Protest at the embassy in London/ })).toBeVisible();
  await context.close();
});
