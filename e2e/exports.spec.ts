import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { loggedIn } from "./support/auth";

// The demo's second hearing in Aktau: five confirmed observers and two on the waitlist.
const ORG = "campaign-kazakhstan";
const EVENT_PATH = `/dashboard/${ORG}/campaigns/zhanaozen-trial-watch/events/hearing-2`;
const CONFIRMED = ["Anna Schmidt", "Jan Kowalski", "Zofia Wiśniewska", "Айгуль Нурланова", "Ержан Сапаров"];

test("a coordinator downloads the attendee CSV and opens the printable sheet; the owner sees both in the export log", async ({ browser }) => {
  test.setTimeout(120_000);
  const coordinator = await loggedIn(browser, "coordinator@picket.example");
  const { page } = coordinator;
  await page.goto(EVENT_PATH);
  const form = page.getByTestId("export-form");
  await expect(form.getByRole("checkbox", { name: "Email" })).toBeChecked();
  await expect(form.getByRole("combobox", { name: "Status" })).toHaveValue("confirmed");
  await form.getByRole("checkbox", { name: "For Excel (byte-order mark)" }).check();
  const [download] = await Promise.all([page.waitForEvent("download"), form.getByRole("button", { name: "Download CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^zhanaozen-trial-watch_hearing-2_\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = await readFile((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [header, ...rows] = parse(bytes.toString("utf8"), { bom: true }) as string[][];
  expect(header).toEqual(["Name", "Email", "Phone", "Role", "Status", "Signed up at", "Checked in at"]);
  expect(rows.map((r) => r[0]).sort()).toEqual([...CONFIRMED].sort());
  expect(rows.every((r) => r[4] === "Confirmed")).toBe(true);
  // Times at the court in Aktau, with their offset.
  expect(rows.every((r) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+05:00$/.test(r[5]!))).toBe(true);

  await page.getByRole("link", { name: "Printable sign-in sheet" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sign-in sheet: Hearing: the defence's case" })).toBeVisible();
  // Opening or reloading the sheet's page shows no name and records nothing: the names come with the button's POST.
  await page.reload();
  await expect(page.getByText("Айгуль Нурланова")).toHaveCount(0);
  await page.getByRole("button", { name: "Show the list to print" }).click();
  await expect(page.getByTestId("sheet-count")).toHaveText("5 people");
  await expect(page.getByTestId("sheet-rows").locator("tr")).toHaveCount(5);
  await expect(page.getByTestId("sheet-rows")).toContainText("Айгуль Нурланова");
  await expect(page.getByTestId("sheet-rows")).not.toContainText("Tom Hughes");
  await expect(page.getByTestId("sheet-when")).toContainText("Aqtau");
  await expect(page.getByRole("columnheader", { name: "Signature / tick" })).toBeVisible();
  // Coordinators have no export log.
  await expect(page.getByRole("link", { name: "Export log" })).toHaveCount(0);
  expect((await page.request.get(`/dashboard/${ORG}/exports`)).status()).toBe(403);
  await coordinator.context.close();

  const owner = await loggedIn(browser, "owner@picket.example");
  await owner.page.getByRole("link", { name: "Export log" }).click();
  await expect(owner.page.getByRole("heading", { level: 1, name: "Export log" })).toBeVisible();
  // Exports only: other specs may write messages to attendees into the same log meanwhile.
  // This event's: the phone tests show another event's sheet meanwhile.
  const entries = owner.page.locator('[data-testid="export-log-row"][data-action^="export."]').filter({ hasText: "Hearing: the defence's case" });
  await expect(entries).toHaveCount(2);
  const sheet = entries.filter({ hasText: "Printed sign-in sheet" });
  const csv = entries.filter({ hasText: "CSV export" });
  await expect(sheet.getByTestId("export-log-count")).toHaveText("5");
  await expect(csv.getByTestId("export-log-count")).toHaveText("5");
  await expect(csv).toContainText("Hearing: the defence's case");
  await expect(csv).toContainText("Status: Confirmed");
  await expect(csv).toContainText("with byte-order mark");
  await expect(csv).toContainText("UTC");
  // Newest first: the sheet came after the CSV.
  await expect(entries.first()).toContainText("Printed sign-in sheet");
  await owner.context.close();
});

test("the export address gives nothing to anonymous visitors, refuses bad requests, and exports nothing on a GET", async ({ browser, request }) => {
  const EXPORTS = `/api/orgs/${ORG}/exports/attendees`;
  const anonymous = await request.post(EXPORTS, { form: { campaignId: "00000000-0000-4000-8000-000000000000" } });
  expect(anonymous.status()).toBe(404);
  expect(anonymous.headers()["content-type"]).toContain("text/plain");
  const coordinator = await loggedIn(browser, "coordinator@picket.example");
  const bad = await coordinator.page.request.post(EXPORTS, { form: { eventId: "not-an-id", columns: "password" } });
  expect(bad.status()).toBe(400);
  const guessed = await coordinator.page.request.post(EXPORTS, { form: { eventId: "00000000-0000-4000-8000-000000000000" } });
  expect(guessed.status()).toBe(404);
  // A link, a prefetch or a crawler cannot export: a GET of the address with a real event is refused, and sends no row.
  await coordinator.page.goto(EVENT_PATH);
  const eventId = await coordinator.page.getByTestId("export-form").locator('input[name="eventId"]').inputValue();
  const get = await coordinator.page.request.get(`${EXPORTS}?eventId=${eventId}`);
  expect(get.status()).toBe(405);
  expect(await get.text()).not.toContain("Anna Schmidt");
  // A page of another site, or of a sibling subdomain, cannot make the coordinator's browser export either.
  for (const headers of [{ origin: "https://evil.example" }, { "sec-fetch-site": "same-site" }] as Record<string, string>[]) {
    const foreign = await coordinator.page.request.post(EXPORTS, { form: { eventId }, headers });
    expect(foreign.status(), JSON.stringify(headers)).toBe(403);
    expect(await foreign.text()).not.toContain("Anna Schmidt");
  }
  await coordinator.context.close();
});

test("with JavaScript off, the sign-in sheet's button posts and the page comes back with the names", async ({ browser }) => {
  // London's sheet, not the hearing's: the test above counts the hearing's entries in the export log.
  const { context, page } = await loggedIn(browser, "owner@picket.example", { javaScriptEnabled: false });
  await page.goto(`/dashboard/${ORG}/campaigns/embassy-day-of-action/events/embassy-protest-london/sheet`);
  await expect(page.getByTestId("sheet-rows")).toHaveCount(0);
  await page.getByRole("button", { name: "Show the list to print" }).click();
  await expect(page.getByTestId("sheet-rows").locator("tr").first()).toBeVisible();
  await expect(page.getByTestId("sheet-count")).toHaveText(/^\d+ (person|people)$/);
  await context.close();
});
