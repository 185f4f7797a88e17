import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect as expectNow, test, type Browser, type Page } from "@playwright/test";
import { AttendeeMessagePage, CampaignEditor, EventEditor, EventPage } from "./pages";
import { loggedIn } from "./support/auth";
import { unique } from "./support/data";
import { privateLinkFor } from "./support/inbox";
import { seedStore, startServer, testPort } from "./support/server";

// What organisers meet on a phone: forms that refuse a date typo before it costs data, messages that say only
// what happened, pages that never scroll sideways. All at 360 px, as on the day of action.

const ORG = "campaign-kazakhstan";
const CAMPAIGN = "embassy-day-of-action";
const PHONE = { width: 360, height: 780 };
const year = new Date().getUTCFullYear() + 2;
// Server actions answer slowly on a busy machine: these checks wait longer than the suite's default.
const expect = expectNow.configure({ timeout: 30_000 });
// Set SHOTS_DIR to keep screenshots of the pages these tests change.
const shots = process.env.SHOTS_DIR;

// Three independent tests (the third on a server of its own), spread over the workers.
test.describe.configure({ mode: "parallel" });

async function shot(page: Page, name: string) {
  if (!shots) return;
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
}

/** A context at 360 px logged in as that demo member, on the suite's server or another one. */
const onPhone = (browser: Browser, email: string, base?: string) => loggedIn(browser, email, { viewport: PHONE, ...(base ? { baseURL: base } : {}) });

/** Submits a form and waits for the page it lands on (the page objects' own waits are shorter). */
async function submitAndLand(page: Page, button: string, url: RegExp) {
  await page.getByRole("main").getByRole("button", { name: button, exact: true }).click();
  await expect(page).toHaveURL(url);
  return new URL(page.url()).pathname.split("/").pop()!;
}

/** The page is no wider than the phone: nothing scrolls sideways. */
async function expectNoSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
}

test(
  "an organizer's event forms refuse past dates and say every mistake at once; " +
    "a date typo that brings the erasure earlier asks first; a long address in a title scrolls no page sideways",
  async ({ browser }) => {
    test.setTimeout(150_000);
    const { context, page } = await onPhone(browser, "organizer@picket.example");
    const editor = new EventEditor(page);

    // Russian organisers read volunteer-role examples in Russian.
    await page.goto(`/ru/dashboard/${ORG}/campaigns/${CAMPAIGN}/events/new`);
    await expect(page.getByTestId("event-form")).toContainText("дежурный: 4, юридический наблюдатель: 2");
    await shot(page, "new-event-ru");

    // Back to English (the language chosen in the address is remembered).
    await page.goto(`/en/dashboard/${ORG}/campaigns/${CAMPAIGN}/events/new`);
    await editor.fill({
      title: "no",
      country: "DE",
      timeZone: "Europe/Berlin",
      startsLocal: "2012-07-20T12:00",
      endsLocal: "2012-07-20T11:00",
      deadlineLocal: "2012-07-20T13:00",
    });
    await editor.form.getByRole("button", { name: "Create event" }).click();
    // One answer: the field's own message with its limit, the date in the past, and the messages comparing fields.
    await expect(editor.fieldError("title")).toHaveText("This is too short. At least 3 characters.");
    await expect(editor.fieldError("startsLocal")).toHaveText("This date has already passed. Check the year.");
    await expect(editor.fieldError("endsLocal")).toHaveText("The end must be after the start.");
    await expect(editor.fieldError("deadlineLocal")).toHaveText("The sign-up deadline must be before the start.");
    await expectNoSidewaysScroll(page);

    const title = `Picket: https://www.example.org/${"solidarity-with-the-oil-workers-".repeat(3)}${unique()}`;
    await editor.fill({
      title,
      startsLocal: `${year}-05-14T10:00`,
      endsLocal: `${year}-05-14T12:00`,
      deadlineLocal: "",
      city: "Berlin",
      slug: `long-title-${unique()}`,
    });
    const slug = await submitAndLand(page, "Create event", /\/events\/[a-z0-9-]+\?created=1$/);
    await expectNoSidewaysScroll(page);

    // A new date in the past is refused; a year's typo that brings the erasure earlier names the new date and asks.
    await editor.postpone({ startsLocal: "2020-05-14T10:00", endsLocal: "2020-05-14T12:00" });
    await expect(editor.postponeError("startsLocal")).toHaveText("This date has already passed. Check the year.");
    await editor.postpone({ startsLocal: `${year - 1}-05-14T10:00`, endsLocal: `${year - 1}-05-14T12:00`, reason: "Moved by the police" });
    const confirm = editor.postponeForm.getByTestId("erasure-confirm");
    await expect(confirm).toContainText(`erasure of sign-ups comes earlier: on`);
    await expect(confirm).toContainText(`Jun ${year - 1}`);
    await expect(editor.main.getByText("This event was postponed.")).toHaveCount(0);
    await shot(page, "postpone-confirm-en");
    await confirm.getByRole("checkbox").check();
    await editor.postponeForm.getByRole("button", { name: "Postpone", exact: true }).click();
    await expect(editor.main.getByText("This event was postponed.")).toBeVisible();
    await context.close();

    // The public pages at 360 px: the long title wraps; the event is "Postponed" as in the dashboard.
    const reader = await browser.newContext({ viewport: PHONE });
    const pub = await reader.newPage();
    await pub.goto(`/c/${CAMPAIGN}/${slug}`);
    await expect(pub.getByRole("heading", { level: 1 })).toHaveText(title);
    await expectNoSidewaysScroll(pub);
    await shot(pub, "event-long-title-en");
    await expect.poll(async () => (await pub.goto(`/c/${CAMPAIGN}`), await pub.getByText(title).count()), { timeout: 20_000 }).toBeGreaterThan(0);
    await expect(pub.locator("li").filter({ hasText: title }).getByText("Postponed", { exact: true })).toBeVisible();
    await expectNoSidewaysScroll(pub);
    await pub.goto("/");
    await expectNoSidewaysScroll(pub);

    // A supporter's sign-up time is also on their own clock (Almaty, far from Berlin).
    const event = new EventPage(pub);
    await event.open(CAMPAIGN, slug);
    const email = `aigul-${unique()}@example.org`;
    await event.signUp({ name: "Aigul", email });
    await pub.goto(await privateLinkFor(email));
    await expect(pub.getByTestId("signed-up-reader-time")).toContainText("Your time:");
    await expect(pub.getByTestId("signed-up-reader-time")).toContainText("GMT+5");
    await expectNoSidewaysScroll(pub);
    await reader.close();
  },
);

test(
  "a draft campaign: its 'created as a draft' note goes once published; " +
    "translations only into other languages never hide the original's summary, and say saved or deleted only while true; " +
    "a draft and its event are deleted after asking",
  async ({ browser }) => {
    test.setTimeout(120_000);
    const { context, page } = await onPhone(browser, "organizer@picket.example");
    const campaign = new CampaignEditor(page);
    await campaign.gotoNew(ORG);
    const summary = `Freedom for the Zhanaozen oil workers ${unique()}`;
    await campaign.fill({ title: `Mistaken campaign ${unique()}`, kind: "solidarity_action", summary });
    const slug = await submitAndLand(page, "Create campaign", /\/campaigns\/[a-z0-9-]+\?created=1$/);
    const created = page.getByText("Campaign created as a draft.");
    await expect(created).toBeVisible();
    await page.getByRole("main").getByRole("button", { name: "Publish", exact: true }).click();
    await expect(page.getByRole("main").getByText("The campaign is published.")).toBeVisible();
    await expect(created).toHaveCount(0);

    const panel = page
      .locator("section, div")
      .filter({ has: page.getByRole("heading", { name: "Translations" }) })
      .last();
    await expect(panel.getByTestId("original-language")).toContainText("Written in English");
    await panel.getByText("Add a translation").click();
    const language = panel.getByLabel("Language", { exact: true });
    await expect(language.locator('option[value="en"]')).toHaveCount(0);
    await language.selectOption("de");
    await panel.getByLabel("Title").fill("Aktionstag");
    await panel.getByRole("button", { name: "Save translation" }).click();
    await expect(page.getByText("Translation saved.")).toBeVisible();
    await expectNoSidewaysScroll(page);

    const german = await browser.newContext({ viewport: PHONE, locale: "de-DE" });
    const de = await german.newPage();
    await de.goto(`/c/${slug}`);
    await expect(de.getByRole("heading", { level: 1 })).toHaveText("Aktionstag");
    await expect(de.getByText(summary)).toBeVisible();
    await german.close();

    await panel.getByRole("button", { name: "Delete" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete" }).click();
    await expect(page.getByText("Translation deleted.")).toBeVisible();
    await expect(page.getByText("Translation saved.")).toHaveCount(0);

    // Back to draft, an event made by mistake and the campaign itself go, each after asking.
    await page.getByRole("main").getByRole("button", { name: "Back to draft", exact: true }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Back to draft", exact: true }).click();
    await expect(page.getByRole("button", { name: "Delete campaign" })).toBeVisible();
    const editor = new EventEditor(page);
    await editor.gotoNew(ORG, slug);
    await editor.fill({
      title: "Wrong city",
      country: "PL",
      timeZone: "Europe/Warsaw",
      startsLocal: `${year}-05-14T10:00`,
      endsLocal: `${year}-05-14T12:00`,
      city: "Krakow",
    });
    const eventSlug = await submitAndLand(page, "Create event", /\/events\/[a-z0-9-]+\?created=1$/);
    await page.getByRole("button", { name: "Delete event" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete" }).click();
    await expect(page.getByText("Event deleted.")).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/campaigns/${slug}\\?deleted=event$`));
    await expect(page.getByRole("link", { name: "Wrong city" })).toHaveCount(0);
    expect(eventSlug).toBeTruthy();
    await page.getByRole("button", { name: "Delete campaign" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete" }).click();
    await expect(page.getByText("Campaign deleted.")).toBeVisible();
    await expect(page.getByRole("link", { name: /Mistaken campaign/ })).toHaveCount(0);
    await context.close();
  },
);

test(
  "without mail set up, owners see it on every dashboard page, and the message and invitation forms say nothing was sent; " +
    "an invitation's link is copied and its address filled in at registration",
  async ({ browser }) => {
    test.setTimeout(240_000);
    const dir = mkdtempSync(path.join(tmpdir(), "picket-no-mail-"));
    const store = { PICKET_DATA_DIR: dir };
    await seedStore(store);
    const server = await startServer(store, testPort(17), { SMTP_URL: "" });
    try {
      const { context, page } = await onPhone(browser, "owner@picket.example", server.base);
      await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.base });
      const banner = page.getByTestId("mail-state-banner");
      await expect(banner).toContainText("Email is not set up: nothing is being sent");
      await shot(page, "no-mail-overview-en");

      // Kazakh at 360 px: the banner and the members page.
      await page.goto(`/kk/dashboard/${ORG}/members`);
      await expect(banner).toContainText("Пошта бапталмаған");
      await expectNoSidewaysScroll(page);
      await shot(page, "no-mail-members-kk");

      await page.goto(`/en/dashboard/${ORG}/members`);
      await expect(banner).toBeVisible();
      const email = page.getByLabel("Email (optional)");
      await expect(page.getByText("Email is not set up on this server, so the link is not emailed")).toBeVisible();
      await email.fill("ORGANIZER@picket.example");
      await page.getByRole("button", { name: "Create invitation link" }).click();
      await expect(page.getByText("organizer@picket.example is already a member of this organisation.", { exact: false })).toBeVisible();
      const invited = `new-${unique()}@example.org`;
      await email.fill(invited);
      await page.getByRole("button", { name: "Create invitation link" }).click();
      await expect(page.getByTestId("invitation-held")).toHaveText(
        `Email is not set up on this server, so nothing was sent to ${invited}: pass the link on yourself.`,
      );
      await expect(page.getByTestId("invitation-emailed")).toHaveCount(0);
      const link = await page.getByTestId("invitation-link").inputValue();
      await page.getByRole("button", { name: "Copy link" }).click();
      await expect(page.getByRole("button", { name: "Copied" })).toBeVisible();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
      await expectNoSidewaysScroll(page);
      await shot(page, "invitation-held-en");

      const message = new AttendeeMessagePage(page);
      await page.goto(`/dashboard/${ORG}/campaigns/${CAMPAIGN}/events/embassy-protest-london/message`);
      await expect(banner).toBeVisible();
      await message.subject.fill("Meeting point moved");
      await message.body.fill("We meet at the corner of Unter den Linden.");
      await message.preview.click();
      await message.sendButton(2).click();
      await message.confirm.click();
      await expect(message.form).toContainText("Message kept for 2 people, not sent: email is not set up on this server.");
      await expect(message.form).not.toContainText("on its way");
      await context.close();

      // The invited person registers with the address the invitation was made for.
      const guest = await browser.newContext({ viewport: PHONE, baseURL: server.base });
      const g = await guest.newPage();
      await g.goto(link);
      await g.getByRole("link", { name: "Create an account" }).click();
      await expect(g.getByLabel("Email")).toHaveValue(invited);
      await guest.close();
    } finally {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
