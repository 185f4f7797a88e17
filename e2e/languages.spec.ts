import { expect, test, type Browser, type Page } from "@playwright/test";
import type { AppLocale } from "../lib/i18n/config";
import { translator } from "./support/messages";
import { unique } from "./support/data";
import { privateLinkFor, waitForMail } from "./support/inbox";

// The pages are checked against the message files themselves: whatever the translation says, the page must say it.
type Locale = AppLocale;
const tr = (locale: Locale) => translator(locale);

const ORG = "campaign-kazakhstan";
const CAMPAIGN = "embassy-day-of-action";
const EVENT_TITLE = "Protest at the embassy in Warsaw";
const EVENT = `/c/${CAMPAIGN}/embassy-protest-warsaw`;

async function signUpIn(page: Page, locale: Locale, name: string, email: string) {
  const t = tr(locale);
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
  await expect(page.getByRole("heading", { name: t("public.event.signupTitle") })).toBeVisible();
  await page.getByLabel(t("signups.form.name")).fill(name);
  await page.getByLabel(t("signups.form.email"), { exact: true }).fill(email);
  await page.getByRole("button", { name: t("signups.form.submit") }).click();
  await expect(page).toHaveURL(/\?signup=confirmed#signup$/);
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
  await expect(page.getByText(t("signups.done.confirmedTitle"))).toBeVisible();
  await expect(page.getByText(t("signups.done.linkByEmail"))).toBeVisible();
}

/** The confirmation, as the supporter receives it: its subject in their language, and their private page in it too. */
async function expectConfirmationIn(browser: Browser, locale: Locale, email: string) {
  const [mail] = await waitForMail(email);
  expect(mail!.subject).toBe(tr(locale)("mail.signupConfirmed.subject", { event: EVENT_TITLE }));
  const context = await browser.newContext({ locale: "en-GB" });
  const page = await context.newPage();
  await page.goto(`/${locale}${new URL(await privateLinkFor(email)).pathname}`);
  await expect(page.getByText(tr(locale)("signups.manage.yourSignup"))).toBeVisible();
  await context.close();
}

test("in Russian, from the browser's language: the event page, the sign-up, the private page and the email", async ({ browser }) => {
  const context = await browser.newContext({ locale: "ru-RU" });
  const page = await context.newPage();
  await page.goto(EVENT);
  const email = `ru-${unique()}@example.org`;
  await signUpIn(page, "ru", `Ерлан ${unique()}`, email);
  await context.close();
  await expectConfirmationIn(browser, "ru", email);
});

test("in Kazakh, from the address: /kk/ in front, remembered for the addresses after it, also without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ locale: "en-GB", javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`/kk${EVENT}`);
  await expect(page).toHaveURL(new RegExp(`/kk${EVENT}$`));
  const email = `kk-${unique()}@example.org`;
  await signUpIn(page, "kk", `Әсел ${unique()}`, email);
  // The time is written in Kazakh too, in the event's zone.
  await page.goto(EVENT);
  await expect(page.locator("html")).toHaveAttribute("lang", "kk");
  await context.close();
  await expectConfirmationIn(browser, "kk", email);
});

test("the language switcher works without JavaScript and keeps the page", async ({ browser }) => {
  const context = await browser.newContext({ locale: "en-GB", javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`/c/${CAMPAIGN}`);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.locator("header summary", { hasText: "English" }).click();
  await page.getByRole("link", { name: "Français" }).click();
  await expect(page).toHaveURL(new RegExp(`/fr/c/${CAMPAIGN}$`));
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  // An address without a language keeps the one chosen.
  await page.goto("/articles");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(tr("fr")("articleSearch.title"));
  await context.close();
});

test("the dashboard in Russian", async ({ browser }) => {
  const context = await browser.newContext({ locale: "ru-RU" });
  const page = await context.newPage();
  await page.goto("/login");
  const t = tr("ru");
  await page.getByLabel(t("auth.login.email")).fill("organizer@picket.example");
  await page.getByLabel(t("auth.login.password")).fill("solidarity-2012");
  await page.getByRole("button", { name: t("auth.login.submit"), exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/dashboard/${ORG}`));
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  await expect(page.getByRole("link", { name: t("dashboard.nav.overview") })).toBeVisible();
  await context.close();
});

test("in Kazakh, the reader's own time names its month and weekday in Kazakh, also where the browser has no Kazakh names", async ({ browser }) => {
  // Chromium ships without Kazakh month names (it writes "M12"): the page carries the server's.
  const names = {
    months: Array.from({ length: 12 }, (_, i) => new Intl.DateTimeFormat("kk", { month: "short", timeZone: "UTC" }).format(Date.UTC(2024, i, 15, 12))),
  };
  const context = await browser.newContext({ locale: "kk-KZ", timezoneId: "Asia/Almaty" });
  const page = await context.newPage();
  await page.goto(`/kk${EVENT}`);
  const line = page.getByTestId("reader-time");
  await expect(line).toBeVisible();
  await expect(line).not.toHaveText(/\bM\d{1,2}\b/);
  const text = (await line.textContent()) ?? "";
  expect(names.months.some((m) => text.includes(m))).toBe(true);
  await context.close();
});
