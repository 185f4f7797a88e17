import { expect, test, type Browser } from "@playwright/test";
import { baseURL } from "../playwright.config";
import { formatInstant } from "../lib/time/format";
import { logIn } from "./support/auth";
import { PHONE, scrollsSideways } from "./support/phone";

// Languages, menus, dates and the way between the public site and the dashboard, on a 360-px phone.
test.use(PHONE);

const ORG = "campaign-kazakhstan";
const D = `/dashboard/${ORG}`;
const LONDON = `${D}/campaigns/embassy-day-of-action/events/embassy-protest-london`;

async function owner(browser: Browser, locale?: string) {
  const context = await browser.newContext({ ...PHONE, timezoneId: "Asia/Almaty" });
  const page = await context.newPage();
  await logIn(page, "owner@picket.example");
  if (locale) {
    await context.addCookies([{ name: "picket-locale", value: locale, url: baseURL }]);
    await page.reload();
  }
  return { context, page };
}

test("the dashboard's menus stay on the screen, one at a time, and Escape closes them", async ({ browser }) => {
  const { context, page } = await owner(browser, "ru");
  const languages = page.getByTestId("language-menu");
  const orgs = page.getByTestId("org-switcher");
  await languages.locator("summary").click();
  const links = languages.getByRole("link");
  await expect(links).toHaveCount(6);
  for (const link of await links.all()) {
    const box = (await link.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(360);
  }
  await expect(languages.getByRole("link", { name: "Русский" })).toBeInViewport({ ratio: 1 });
  await orgs.locator("summary").click();
  await expect(orgs).toHaveAttribute("open", "");
  await expect(languages).not.toHaveAttribute("open", "");
  const orgBox = (await orgs.getByRole("link").first().boundingBox())!;
  expect(orgBox.x + orgBox.width).toBeLessThanOrEqual(360);
  await page.keyboard.press("Escape");
  await expect(orgs).not.toHaveAttribute("open", "");
  await expect(orgs.locator("summary")).toBeFocused();
  await context.close();
});

test("every tab of the organisation's navigation is on the screen, none hidden past its edge", async ({ browser }) => {
  const { context, page } = await owner(browser, "ru");
  const tabs = page.getByRole("navigation", { name: "Организация" }).getByRole("link");
  await expect(tabs).toHaveCount(8);
  for (const tab of await tabs.all()) {
    await expect(tab).toBeInViewport({ ratio: 1 });
    const box = (await tab.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(360);
  }
  expect(await scrollsSideways(page)).toBe(false);
  await context.close();
});

test("switching language keeps the page one is on, and asks before losing typed input", async ({ browser }) => {
  const { context, page } = await owner(browser);
  // Inside the app: the header was rendered on the overview, the page is now another.
  await page.getByRole("navigation", { name: "Organisation" }).getByRole("link", { name: "Campaigns" }).click();
  await expect(page).toHaveURL(new RegExp(`${D}/campaigns$`));
  await page.getByTestId("language-menu").locator("summary").click();
  await page.getByRole("link", { name: "Deutsch" }).click();
  await expect(page).toHaveURL(new RegExp(`/de${D}/campaigns$`));
  await expect(page.locator("html")).toHaveAttribute("lang", "de");

  await page.goto(`${D}/campaigns/new`);
  await page.getByLabel("Titel", { exact: true }).fill("Solidarität mit Zhanaozen");
  let asked = "";
  page.once("dialog", async (dialog) => {
    asked = dialog.message();
    await dialog.dismiss();
  });
  await page.getByTestId("language-menu").locator("summary").click();
  await page.getByRole("link", { name: "English" }).click();
  await expect.poll(() => asked).toContain("Trotzdem die Sprache wechseln?");
  await expect(page).toHaveURL(new RegExp(`${D}/campaigns/new$`));
  await expect(page.getByLabel("Titel", { exact: true })).toHaveValue("Solidarität mit Zhanaozen");
  await context.close();
});

test("dashboard dates and countries are written by the server in Kazakh, also after navigating inside the app", async ({ browser }) => {
  const { context, page } = await owner(browser, "kk");
  const berlin = page.locator('[data-testid="event-row"][data-event="embassy-protest-berlin"]').first();
  const when = berlin.getByTestId("event-row-when");
  await expect(when).toBeVisible();
  const at = new Date((await when.getAttribute("datetime"))!);
  await expect(when).toHaveText(formatInstant("kk", at, "Europe/Berlin"));
  await expect(berlin).toContainText("Berlin, Германия");
  // In the app: the campaign's list is rendered in the browser, from the live data.
  await page.getByRole("main").getByRole("link", { name: "Day of action at Kazakhstan's embassies" }).first().click();
  await expect(page).toHaveURL(new RegExp(`${D}/campaigns/embassy-day-of-action$`));
  await expect(berlin.getByTestId("event-row-when")).toHaveText(formatInstant("kk", at, "Europe/Berlin"));
  await expect(berlin).toContainText("Berlin, Германия");
  await expect(page.getByTestId("event-row-when").filter({ hasText: /\bM\d\d\b/ })).toHaveCount(0);
  await context.close();
});

test("a member on the public site finds the way back to the dashboard; the event's own-time line is there after in-app navigation", async ({ browser }) => {
  const { context, page } = await owner(browser);
  await page.goto("/c/embassy-day-of-action");
  await page.getByTestId("header-login").click();
  await expect(page).toHaveURL(new RegExp(`/dashboard/${ORG}`));
  await context.close();

  // A reader in Almaty goes from the login page to the home page and on to an event, all inside the app.
  const reader = await browser.newContext({ ...PHONE, timezoneId: "Asia/Almaty" });
  const p = await reader.newPage();
  await p.goto("/login");
  await p.getByRole("link", { name: "Picket" }).click();
  await expect(p).toHaveURL(`${baseURL}/`);
  await p.getByRole("link", { name: "Protest at the embassy in London" }).first().click();
  await expect(p).toHaveURL(/\/c\/embassy-day-of-action\/embassy-protest-london$/);
  await expect(p.getByTestId("reader-time")).toBeVisible();
  await expect(p.getByTestId("reader-time")).toContainText("GMT+5");
  await reader.close();
});

test("on a phone: the sign-in sheet fits, Log out stays on one line, the attendee list and the export log are cards", async ({ browser }) => {
  const { context, page } = await owner(browser, "de");
  const logOut = page.getByRole("button", { name: "Ausloggen" });
  expect((await logOut.boundingBox())!.height).toBeLessThanOrEqual(46);

  await page.goto(`${LONDON}/attendees`);
  const actions = page.getByTestId("attendee-actions");
  await expect(actions.getByRole("link", { name: "Exportieren (CSV)" })).toHaveAttribute("href", `${LONDON}#export`);
  await expect(actions.getByRole("link", { name: "Anwesenheitsliste drucken" })).toHaveAttribute("href", `${LONDON}/sheet`);
  const table = page.getByTestId("attendee-rows").locator("xpath=ancestor::div[1]");
  expect(await table.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  // Every field of a person is on the screen without scrolling sideways, under its column's name.
  const first = page.getByTestId("attendee-rows").locator("tr").first();
  for (const cell of await first.locator("td").all()) {
    if (!(await cell.isVisible())) continue;
    const box = (await cell.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(360);
  }
  await expect(first.locator('td[data-label="Status"]')).toBeVisible();
  expect(await scrollsSideways(page)).toBe(false);

  await actions.getByRole("link", { name: "Anwesenheitsliste drucken" }).click();
  await page.getByRole("button", { name: "Liste zum Drucken anzeigen" }).click();
  await expect(page.getByTestId("sheet-rows").locator("tr").first()).toBeVisible();
  expect(await scrollsSideways(page)).toBe(false);

  await page.goto(`${D}/exports`);
  const row = page.getByTestId("export-log-row").first();
  await expect(row).toBeVisible();
  const box = (await row.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(360);
  expect(box.height).toBeLessThan(360);
  expect(await scrollsSideways(page)).toBe(false);
  await context.close();
});
