import { expect, type Browser, type BrowserContextOptions, type Page } from "@playwright/test";
import { LoginPage } from "../pages";

// One way into the dashboard for every spec: the login form, as people use it.

/** The password of every demo login (db/seed.ts, the README). */
export const DEMO_PASSWORD = "solidarity-2012";
/** Where the demo's members land after logging in: their organisation's overview. */
const DEMO_DASHBOARD = /\/dashboard\/campaign-kazakhstan/;

/** Logs the page's browser context in through the login form and waits until the dashboard is open. */
export async function logIn(page: Page, email: string, password = DEMO_PASSWORD, landsOn: RegExp = DEMO_DASHBOARD) {
  const login = new LoginPage(page);
  await login.goto();
  await login.logIn(email, password);
  // A busy server answers the login slowly (argon2 runs on every attempt).
  await expect(page).toHaveURL(landsOn, { timeout: 30_000 });
}

/** A new browser context, logged in as that demo member, and its page (a partner's members land on their own organisation). */
export async function loggedIn(browser: Browser, email: string, options: BrowserContextOptions = {}, landsOn: RegExp = DEMO_DASHBOARD) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await logIn(page, email, DEMO_PASSWORD, landsOn);
  return { context, page };
}
