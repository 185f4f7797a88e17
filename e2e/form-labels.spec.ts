import { mkdirSync } from "node:fs";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { baseURL } from "../playwright.config";
import type { AppLocale } from "../lib/i18n/config";
import { loggedIn } from "./support/auth";
import { unique } from "./support/data";
import { privateLinkFor } from "./support/inbox";
import { translator } from "./support/messages";
import { PHONE } from "./support/phone";

// Every field people may leave empty says so in its label, in the page's language, and no required field does;
// a field too long says by how much. On a 360-px phone, every form of the app: the public ones in English,
// Russian and Kazakh, the members' in English and Kazakh (the message files keep the other languages in step:
// lib/i18n/messages.test.ts). With SHOTS_DIR set, each page is photographed there for a person to look at.

const D = "/dashboard/campaign-kazakhstan";
const EMBASSY = `${D}/campaigns/embassy-day-of-action`;
const PROTEST = `${EMBASSY}/events/embassy-protest-london`;
const TRIAL = `${D}/campaigns/zhanaozen-trial-watch`;
const LONDON = "/c/embassy-day-of-action/embassy-protest-london";
const shots = process.env.SHOTS_DIR;

/** The forms anyone meets: sign-up, proposing an event, registration, login, password reset. */
const PUBLIC = [LONDON, "/c/embassy-day-of-action/host", "/login", "/register", "/reset"];
/** The forms members meet (the owner meets all of them). */
const DASHBOARD = [
  "/account",
  "/dashboard/new",
  `${D}/campaigns/new`,
  EMBASSY,
  `${EMBASSY}/events/new`,
  PROTEST,
  `${PROTEST}/message`,
  `${TRIAL}/trial`,
  `${TRIAL}/events/hearing-2`,
  `${D}/articles/new`,
  `${D}/members`,
];

interface Field {
  name: string;
  label: string;
  required: boolean;
}

/**
 * The fields people fill in on the page: every text field, text area and select of the forms in its main part
 * that change something, hidden in a closed section or not. Not the forms that only filter a list (GET) or choose
 * what an export holds (its filters are choices, each with an "any"), not check boxes (on or off, never empty), not
 * what people cannot type into (read-only, the bots' trap), and not the scope form, whose three choices are one
 * question: give a campaign, an event or a city.
 */
function fieldsOf(page: Page): Promise<Field[]> {
  return page.locator("main").evaluate((main) => {
    const skippedForms = new Set(["give-scope-form", "export-form"]);
    const forms = [...main.querySelectorAll("form")].filter(
      (f) => f.getAttribute("method")?.toLowerCase() !== "get" && !skippedForms.has(f.dataset.testid ?? ""),
    );
    const skipped = new Set(["hidden", "checkbox", "radio", "submit", "button", "reset", "image"]);
    return forms.flatMap((form) =>
      [...form.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>("input, select, textarea")]
        .filter(
          (el) =>
            !(el instanceof HTMLInputElement && skipped.has(el.type)) &&
            !(el as HTMLInputElement).readOnly &&
            !el.disabled &&
            !el.closest('[aria-hidden="true"]'),
        )
        .map((el) => ({ name: el.name, label: (el.labels?.[0]?.textContent ?? el.getAttribute("aria-label") ?? "").trim(), required: el.required })),
    );
  });
}

/** Optional fields say the language's word for it in their label, required ones do not. */
async function expectLabelsSay(page: Page, word: string, where: string) {
  const fields = await fieldsOf(page);
  expect(fields.length, `${where}: fields to check`).toBeGreaterThan(0);
  const wrong = fields.filter((f) => f.required === f.label.includes(word)).map((f) => `${f.name}: “${f.label}”${f.required ? " is required" : ""}`);
  expect.soft(wrong, `${where}: labels that say “${word}” wrongly or fail to`).toEqual([]);
}

async function open(page: Page, locale: AppLocale, path: string) {
  const res = await page.goto(path);
  expect(res?.status(), path).toBeLessThan(400);
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
}

async function shot(page: Page, locale: AppLocale, name: string) {
  if (!shots) return;
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: `${shots}/labels-${locale}${name.replace(/[/?=]+/g, "_")}.png`, fullPage: true });
}

async function inLanguage(context: BrowserContext, locale: AppLocale) {
  await context.addCookies([{ name: "picket-locale", value: locale, url: baseURL }]);
  return context.newPage();
}

/** A supporter's private page, where they may change their role: one sign-up, its link from the email. */
let privatePage = "";
test.beforeAll(async () => {
  const email = `labels-${unique()}@example.org`;
  const res = await fetch(`${baseURL}/api/c/embassy-day-of-action/embassy-protest-london/signups`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: "Aigerim", email, role: "steward" }),
  });
  expect(res.status).toBe(201);
  privatePage = new URL(await privateLinkFor(email)).pathname;
});

async function publicForms(browser: Browser, locale: AppLocale, word: string) {
  const t = translator(locale);
  const context = await browser.newContext({ ...PHONE });
  const page = await inLanguage(context, locale);
  for (const path of [...PUBLIC, privatePage]) {
    await open(page, locale, path);
    await expectLabelsSay(page, word, `${path} in ${locale}`);
    await shot(page, locale, path === privatePage ? "/s" : path);
  }

  // A name too long says by how much, next to the field (and nothing is stored).
  await open(page, locale, LONDON);
  await page.getByLabel(t("signups.form.name")).fill("Н".repeat(121));
  await page.getByLabel(t("signups.form.email"), { exact: true }).fill(`too-long-${unique()}@example.org`);
  await page.getByRole("button", { name: t("signups.form.submit") }).click();
  await expect(page.locator("#name-error")).toHaveText(t("validation.tooLongLimit", { limit: 120 }), { timeout: 30_000 });
  await context.close();
}

async function dashboardForms(browser: Browser, locale: AppLocale, word: string) {
  const t = translator(locale);
  const { context } = await loggedIn(browser, "owner@picket.example", { ...PHONE });
  const page = await inLanguage(context, locale);
  // An article's own page: its address is the data's.
  await open(page, locale, `${D}/articles`);
  const article = (await page.locator("main a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""))).find((h) =>
    /\/articles\/(?!new$)[^/?#]+$/.test(h),
  );
  expect(article, "an article to open").toBeTruthy();
  for (const path of [...DASHBOARD, article!]) {
    await open(page, locale, path);
    await expectLabelsSay(page, word, `${path} in ${locale}`);
    await shot(page, locale, path);
  }

  // The invitation form: the address is optional, except for an owner, whose invitation works for it only.
  await open(page, locale, `${D}/members`);
  const email = page.locator('input[name="email"]');
  const role = page.getByLabel(t("invitations.create.role"), { exact: true });
  await expect(page.locator("#email-hint")).toContainText(t("invitationMail.ownerHint"));
  await expect(email).not.toHaveAttribute("required");
  await expect(page.getByLabel(t("invitationMail.email"), { exact: true })).toBeVisible();
  await role.selectOption("owner");
  await expect(email).toHaveAttribute("required");
  await expect(page.getByLabel(t("invitationMail.emailOwner"), { exact: true })).toBeVisible();
  await expectLabelsSay(page, word, `the members page in ${locale}, inviting an owner`);
  await shot(page, locale, "/members-owner");
  await role.selectOption("coordinator");
  await expect(page.getByLabel(t("invitationMail.email"), { exact: true })).toBeVisible();

  // At the door: the walk-in form's labels, and a name too long says by how much.
  await open(page, locale, `${PROTEST}/check-in`);
  await page.getByRole("button", { name: t("attendees.dashboard.walkIn.open") }).click();
  await expectLabelsSay(page, word, `the walk-in form in ${locale}`);
  await page.getByLabel(t("attendees.dashboard.walkIn.name")).fill("Н".repeat(121));
  await page.getByRole("button", { name: t("attendees.dashboard.walkIn.submit") }).click();
  await expect(page.locator("#name-error")).toHaveText(t("validation.tooLongLimit", { limit: 120 }), { timeout: 30_000 });
  await shot(page, locale, "/check-in-walk-in");
  await context.close();
}

test.describe.configure({ mode: "parallel" });

/** The word the language puts after an optional field's label: "(optional)", "(необязательно)", "(міндетті емес)". */
const optionalWord = (locale: AppLocale) => translator(locale)("signups.form.phone").match(/\([^()]+\)$/)![0];

for (const locale of ["en", "ru", "kk"] as const) {
  const word = optionalWord(locale);
  test(`in ${locale}, every optional field of the public forms says ${word}, no required one does, and a name too long says the limit`, async ({ browser }) => {
    test.setTimeout(120_000);
    await publicForms(browser, locale, word);
  });
}

// The dashboard's forms are the same in every language but their words: two languages, two alphabets.
for (const locale of ["en", "kk"] as const) {
  const word = optionalWord(locale);
  test(
    `in ${locale}, every optional field of the dashboard and account forms says ${word}, no required one does; ` +
      "an owner's invitation needs the address; a walk-in's name too long says the limit",
    async ({ browser }) => {
      test.setTimeout(180_000);
      await dashboardForms(browser, locale, word);
    },
  );
}
