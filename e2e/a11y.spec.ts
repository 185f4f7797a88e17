import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { EventPage } from "./pages";
import { logIn } from "./support/auth";
import { unique } from "./support/data";
import { privateLinkFor } from "./support/inbox";

// axe over every public page, the sign-up flow and the main dashboard pages: no serious or critical violation.
async function expectAccessible(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const bad = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 5)
          .join(" | ")}`,
    );
  expect(bad, `${what} (${page.url()})`).toEqual([]);
}

const ORG = "campaign-kazakhstan";
// Three independent walks, the two long ones on different workers.
test.describe.configure({ mode: "parallel" });

test("public pages and the sign-up flow", async ({ page }) => {
  // Twelve axe runs: on two busy cores they take close to a minute.
  test.setTimeout(120_000);
  for (const path of [
    "/",
    "/c/embassy-day-of-action",
    "/c/zhanaozen-trial-watch",
    "/c/embassy-day-of-action/embassy-protest-london",
    "/ru/embed/c/embassy-day-of-action/embassy-protest-london",
    "/articles",
    "/articles?q=repression",
    "/login",
    "/register",
  ]) {
    await page.goto(path);
    await expectAccessible(page, path);
  }
  await page.goto("/articles?q=repression");
  await page
    .getByRole("link", { name: /Kazakhstan: Bloody, corrupt regime/ })
    .first()
    .click();
  await expectAccessible(page, "article page");

  const event = new EventPage(page);
  await event.open("embassy-day-of-action", "embassy-protest-brussels");
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(event.fieldError("name")).toBeVisible();
  await expectAccessible(page, "sign-up form with errors");
  const email = `axe-${unique()}@example.org`;
  await event.signUp({ name: `Axe ${unique()}`, email });
  await expect(event.signedUp).toBeVisible();
  await expectAccessible(page, "after signing up");
  await page.goto(await privateLinkFor(email));
  await expectAccessible(page, "private sign-up page");
});

test("the main dashboard pages", async ({ page }) => {
  // Thirteen axe runs: more than two minutes when the machine is busy.
  test.setTimeout(180_000);
  await logIn(page, "owner@picket.example");
  const event = `/dashboard/${ORG}/campaigns/embassy-day-of-action/events/embassy-protest-london`;
  for (const path of [
    `/dashboard/${ORG}`,
    `/dashboard/${ORG}/campaigns`,
    `/dashboard/${ORG}/campaigns/embassy-day-of-action`,
    event,
    `${event}/attendees`,
    `${event}/check-in`,
    `/dashboard/${ORG}/exports`,
    `/dashboard/${ORG}/mailbox`,
    `/dashboard/${ORG}/webhooks`,
    `/dashboard/${ORG}/articles`,
    `/dashboard/${ORG}/members`,
    "/account",
  ]) {
    await page.goto(path);
    await expectAccessible(page, path);
  }
});

test("the sign-up by keyboard alone: visible focus, errors tied to their fields and announced, focus on the first to fix", async ({ page }) => {
  await page.goto("/c/embassy-day-of-action/embassy-protest-brussels");
  const name = page.getByLabel("Name or nickname");
  for (let i = 0; i < 60 && !(await name.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(name).toBeFocused();
  const outline = await name.evaluate((el) => {
    const s = getComputedStyle(el);
    return { outline: s.outlineStyle !== "none" && s.outlineWidth !== "0px", ring: s.boxShadow !== "none" };
  });
  expect(outline.outline || outline.ring).toBe(true);
  await page.keyboard.type(`Keyboard ${unique()}`);
  await page.keyboard.press("Tab");
  const email = page.getByLabel("Email", { exact: true });
  await expect(email).toBeFocused();
  await page.keyboard.type("not an address");
  await page.keyboard.press("Enter");

  await expect(page.getByRole("alert").first()).toBeVisible();
  await expect(email).toHaveAttribute("aria-invalid", "true");
  const describedBy = (await email.getAttribute("aria-describedby"))!.split(" ");
  const messages = await Promise.all(describedBy.map((id) => page.locator(`[id="${id}"]`).innerText()));
  expect(messages).toContain("Enter an email address like name@example.org.");
  await expect(email).toBeFocused();

  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type(`keyboard-${unique()}@example.org`);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\?signup=confirmed#signup$/);
  await expect(page.getByTestId("signed-up")).toContainText("You're signed up.");
});
