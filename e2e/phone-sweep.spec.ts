import { mkdirSync } from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { baseURL } from "../playwright.config";
import { LOCALES } from "../lib/i18n/config";
import { logIn } from "./support/auth";
import { PHONE, expectNamesInFull } from "./support/phone";

// Every public and dashboard page on a 360-px phone, in every language: nothing scrolls sideways, and the
// check-in list shows every name whole. One browser context per language, all logged in as the demo's owner
// (the one who sees every dashboard page), the languages side by side. With SHOTS_DIR set, each page is also
// photographed there for a person to look at.

const ORG = "campaign-kazakhstan";
const shots = process.env.SHOTS_DIR;

const PUBLIC = [
  "/",
  "/c/embassy-day-of-action",
  "/c/embassy-day-of-action/embassy-protest-london",
  "/c/zhanaozen-trial-watch",
  "/c/zhanaozen-trial-watch/hearing-2",
  "/articles",
  "/articles?q=repression",
  "/login",
  "/register",
];
const D = `/dashboard/${ORG}`;
const EMBASSY = `${D}/campaigns/embassy-day-of-action`;
const HEARING = `${D}/campaigns/zhanaozen-trial-watch/events/hearing-2`;
const DASHBOARD = [
  "/account",
  "/dashboard",
  "/dashboard/new",
  D,
  `${D}/campaigns`,
  `${D}/campaigns/new`,
  EMBASSY,
  `${EMBASSY}/attendees`,
  `${EMBASSY}/events`,
  `${EMBASSY}/events/new`,
  `${EMBASSY}/events/embassy-protest-london`,
  `${EMBASSY}/events/embassy-protest-london/attendees`,
  `${EMBASSY}/events/embassy-protest-london/check-in`,
  `${EMBASSY}/events/embassy-protest-london/message`,
  `${EMBASSY}/events/embassy-protest-london/sheet`,
  `${D}/campaigns/zhanaozen-trial-watch`,
  `${D}/campaigns/zhanaozen-trial-watch/trial`,
  HEARING,
  `${HEARING}/attendees`,
  `${HEARING}/check-in`,
  `${D}/articles`,
  `${D}/articles/new`,
  `${D}/members`,
  `${D}/exports`,
  `${D}/mailbox`,
  `${D}/webhooks`,
];

let storageState: Awaited<ReturnType<ReturnType<Page["context"]>["storageState"]>>;
let found: string[] = [];

/** The owner's session, and the pages whose addresses only the data knows (an article, a message). */
test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await logIn(page, "owner@picket.example");
  const firstLink = async (path: string, pattern: RegExp) => {
    await page.goto(path);
    const hrefs = await page.locator("main a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
    return hrefs.find((h) => pattern.test(h));
  };
  found = [await firstLink(`${D}/articles`, /\/articles\/(?!new$)[^/?#]+$/), await firstLink(`${D}/mailbox`, /\/mailbox\/[^/?#]+$/)].filter(
    (h): h is string => !!h,
  );
  storageState = await context.storageState();
  await context.close();
});

/** One page: it answers, is in the language, shows check-in names whole and does not scroll sideways. */
async function check(page: Page, locale: string, path: string) {
  const res = await page.goto(path);
  expect.soft(res?.status(), path).toBeLessThan(400);
  await expect.soft(page.locator("html"), path).toHaveAttribute("lang", locale);
  if (path.endsWith("/check-in")) await expectNamesInFull(page, `${path} in ${locale}`);
  const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
  expect.soft(width, `${path} in ${locale} is wider than the screen`).toBeLessThanOrEqual(360);
  if (shots) await page.screenshot({ path: `${shots}/${locale}${path.replace(/[/?=]+/g, "_")}.png`, fullPage: true });
}

/** Three tabs of one context share the language's pages: the server renders one while the browser lays out another. */
async function sweep(browser: Browser, locale: string) {
  const context = await browser.newContext({ ...PHONE, deviceScaleFactor: 1, storageState });
  await context.addCookies([{ name: "picket-locale", value: locale, url: baseURL }]);
  const paths = [...PUBLIC, ...DASHBOARD, ...found];
  const TABS = 3;
  await Promise.all(
    Array.from({ length: TABS }, async (_, tab) => {
      const page = await context.newPage();
      for (let i = tab; i < paths.length; i += TABS) await check(page, locale, paths[i]!);
    }),
  );
  await context.close();
}

test.describe.configure({ mode: "parallel" });
if (shots) mkdirSync(shots, { recursive: true });

for (const locale of LOCALES) {
  test(`every page fits a 360-px phone in ${locale}`, async ({ browser }) => {
    // Some thirty-five pages and their scripts: on two cores shared with the rest of the suite, up to two minutes.
    test.setTimeout(shots ? 300_000 : 180_000);
    await sweep(browser, locale);
  });
}
