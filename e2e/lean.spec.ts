import { gzipSync } from "node:zlib";
import { expect, test, type Page } from "@playwright/test";
import { EventPage } from "./pages/event-page";
import { unique } from "./support/data";

// Public pages reach readers as HTML rendered on the server by React, without React or Next's router in the
// browser (pages/api/public/[[...path]].tsx): one small script of our own adds the reader's time, the map on
// request, a busy submit button and focus on the first field to fix.

const CAMPAIGN = "embassy-day-of-action";
const EVENT = `/c/${CAMPAIGN}/embassy-protest-london`;

/**
 * Every script file the page loads, with a way to its gzipped size (level 9, as a compressing server sends it).
 * The size is asked for only while the page is still open: a later navigation drops the response's body.
 */
function scriptLog(page: Page) {
  const files: { url: string; gzip: () => Promise<number> }[] = [];
  page.on("response", (res) => {
    if (res.request().resourceType() === "script")
      files.push({ url: new URL(res.url()).pathname, gzip: () => res.body().then((b) => gzipSync(b, { level: 9 }).length) });
  });
  return files;
}

test("the event page loads no Next or React code: one script of ours, far under 110 KB gzipped", async ({ page }) => {
  const files = scriptLog(page);
  await page.goto(EVENT, { waitUntil: "networkidle" });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Protest at the embassy in London");
  expect(files.map((f) => f.url)).toEqual([expect.stringMatching(/^\/assets\/picket\.[0-9a-f]{12}\.js$/)]);
  const inline = await page.evaluate(() => [...document.querySelectorAll("script:not([src])")].map((s) => s.textContent ?? "").join(""));
  expect(inline).not.toContain("__next_f");
  const total = (await Promise.all(files.map((f) => f.gzip()))).reduce((a, b) => a + b, 0) + (inline ? gzipSync(inline, { level: 9 }).length : 0);
  expect(total).toBeLessThan(110 * 1024);
});

test("every public page is lean, and its links lead to lean pages", async ({ page }) => {
  const files = scriptLog(page);
  await page.goto("/");
  await page.getByRole("link", { name: "Protest at the embassy in London" }).click();
  await expect(page).toHaveURL(new RegExp(`${EVENT}$`));
  await page.getByRole("link", { name: "Day of action at Kazakhstan's embassies" }).first().click();
  await expect(page).toHaveURL(new RegExp(`/c/${CAMPAIGN}$`));
  await page.goto("/articles?q=kazakhstan");
  await page.goto("/ru/c/zhanaozen-trial-watch");
  expect(files.length).toBeGreaterThan(0);
  expect(files.filter((f) => !f.url.startsWith("/assets/")).map((f) => f.url)).toEqual([]);
});

test("with JavaScript the reader sees their own time, and a sent form says it is busy and is not sent twice", async ({ page }) => {
  const event = new EventPage(page);
  await page.goto(EVENT);
  // The browser runs in Almaty (playwright.config.ts): London's noon is five in the afternoon there.
  await expect(event.readerTime).toBeVisible();
  await expect(event.readerTime).toContainText(/Your time: .*1[67]:00\s*–\s*1[89]:00 GMT\+5/);

  // The page's own handling runs first; the browser's navigation is then held back here, so that the page
  // can be looked at while the form is "on its way". Each submission notes whether the page let it go.
  await page.evaluate(() => {
    const seen: boolean[] = [];
    (window as unknown as { submissions: boolean[] }).submissions = seen;
    window.addEventListener("submit", (e) => {
      seen.push(!e.defaultPrevented);
      e.preventDefault();
    });
  });
  await event.fill({ name: `Lean ${unique()}`, email: `lean-${unique()}@example.org` });
  await event.submit();
  const busy = page.getByRole("button", { name: "Signing up…" });
  await expect(busy).toBeDisabled();
  const submissions = () => page.evaluate(() => (window as unknown as { submissions: boolean[] }).submissions);
  // Enter in a field sends nothing while the button is busy.
  await page.getByLabel("Name or nickname").press("Enter");
  expect(await submissions()).toEqual([true]);
  // Nor does a submission by any other way (a second press that came before the button was disabled).
  await page.locator("form", { has: busy }).evaluate((form: HTMLFormElement) => form.requestSubmit());
  expect(await submissions()).toEqual([true, false]);
});

test("a refused sign-up comes back lean (post, redirect, get): messages next to the fields, what was typed kept, once", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const event = new EventPage(page);
  await page.goto(EVENT);
  const name = `Lean ${unique()}`;
  await event.fill({ name, email: "not-an-email", comment: "Bringing a banner" });
  await event.submit();
  await expect(page).toHaveURL(/\/en\/c\/embassy-day-of-action\/embassy-protest-london\?signup=refused#signup$/);
  await expect(event.fieldError("email")).toHaveText("Enter an email address like name@example.org.");
  await expect(page.getByLabel("Email", { exact: true })).toHaveValue("not-an-email");
  await expect(page.getByLabel("Name or nickname")).toHaveValue(name);
  await expect(page.getByLabel("Comment (optional)")).toHaveValue("Bringing a banner");
  // The refused page is as lean as the event page: our one script, nothing of Next's.
  const scripts = [...(await page.content()).matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts).toEqual([expect.stringMatching(/^<script src="\/assets\/picket\.[0-9a-f]{12}\.js" defer(="")?>$/)]);
  // What was typed is shown once, then forgotten: it is kept nowhere but in the reader's browser, for minutes.
  await page.reload();
  await expect(page.getByLabel("Name or nickname")).toHaveValue("");
  await expect(event.fieldError("email")).toHaveCount(0);
  await context.close();
});

test("a refused sign-up puts focus on the first field to fix and keeps what was typed", async ({ page }) => {
  const event = new EventPage(page);
  await page.goto(EVENT);
  const name = `Focus ${unique()}`;
  await event.fill({ name, email: "not-an-email" });
  await event.submit();
  const email = page.getByLabel("Email", { exact: true });
  await expect(email).toBeFocused();
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(email).toHaveValue("not-an-email");
  await expect(page.getByLabel("Name or nickname")).toHaveValue(name);
});
