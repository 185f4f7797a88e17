import { expect, test, type Browser } from "@playwright/test";
import { AttendeeMessagePage, EventPage, MailboxPage } from "./pages";
import { logIn, loggedIn } from "./support/auth";
import { unique } from "./support/data";
import { privateLinkFor, waitForMail } from "./support/inbox";

// The e2e server sends through a mail catcher (MailDev) that the tests read as the recipients would.
const ORG = "campaign-kazakhstan";
const CAMPAIGN = "embassy-day-of-action";
// Nobody in the demo story has signed up for Brussels yet.
const EVENT = "embassy-protest-brussels";
const EVENT_PATH = `/dashboard/${ORG}/campaigns/${CAMPAIGN}/events/${EVENT}`;

async function signUp(browser: Browser, name: string, email: string, role?: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const event = new EventPage(page);
  await event.open(CAMPAIGN, EVENT);
  await event.signUp({ name, email, role });
  await expect(event.signedUp).toContainText("You're signed up.");
  await context.close();
  return privateLinkFor(email);
}

test("a supporter's confirmation reaches their inbox with the private link; the owner's mailbox lists it as sent and shows no link", async ({
  browser,
  baseURL,
}) => {
  const name = `Saule ${unique()}`;
  const email = `saule-${unique()}@example.org`;
  const privateLink = await signUp(browser, name, email);
  expect(privateLink.startsWith(`${baseURL}/s/`)).toBe(true);
  const [mail] = await waitForMail(email);
  expect(mail!.subject).toBe("You're signed up: Protest at the embassy in Brussels");
  expect(mail!.text).toContain(`Hello ${name},`);
  // The HTML copy links only the app's own addresses; the greeting is plain text.
  expect(mail!.html).toContain(`<p>Hello ${name},</p>`);

  const { context, page } = await loggedIn(browser, "owner@picket.example");
  await page.getByRole("link", { name: "Mailbox" }).click();
  const mailbox = new MailboxPage(page);
  await expect(mailbox.heading).toBeVisible();
  await expect(mailbox.noSmtpBanner).toHaveCount(0);
  await mailbox.waitFor(() => mailbox.rowsTo(email), "Sent");
  const row = mailbox.rowsTo(email);
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Sign-up confirmation");
  await expect(row).toContainText("You're signed up: Protest at the embassy in Brussels");

  // Filtered to failed messages it is not listed.
  await mailbox.status.selectOption("failed");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/status=failed/);
  await expect(mailbox.rowsTo(email)).toHaveCount(0);

  await mailbox.goto(ORG, "sent");
  await mailbox.rowsTo(email).getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1, name: "You're signed up: Protest at the embassy in Brussels" })).toBeVisible();
  await expect(page.getByText(/^Delivered/)).toBeVisible();
  // Delivered: its text, and the link in it, are not kept.
  await expect(page.getByTestId("mailbox-text")).toHaveCount(0);
  await expect(page.locator("main")).not.toContainText(new URL(privateLink).pathname);
  await context.close();
});

test("an organizer previews a message to an event's interpreters, sends it to both, and the owner sees the copies and the log entry", async ({ browser }) => {
  test.setTimeout(120_000);
  const suffix = unique();
  const people = [
    { name: `Aigerim ${suffix}`, email: `aigerim-${suffix}@example.org` },
    { name: `Timur ${suffix}`, email: `timur-${suffix}@example.org` },
  ];
  for (const p of people) await signUp(browser, p.name, p.email, "interpreter");

  const organizer = await loggedIn(browser, "organizer@picket.example");
  const { page } = organizer;
  await page.goto(EVENT_PATH);
  await page.getByRole("link", { name: "Write to attendees" }).click();
  const form = new AttendeeMessagePage(page);
  await expect(form.heading).toBeVisible();

  // Nothing typed: the errors are next to the fields.
  await form.preview.click();
  await expect(page.locator("#subject-error")).toHaveText("This field is required.");
  await expect(page.locator("#body-error")).toHaveText("This field is required.");

  const subject = `Interpreters: meet at 11:00 (${suffix})`;
  await form.subject.fill(subject);
  await form.body.fill("Please come an hour early.\nWe meet at the corner café.");
  await form.role.selectOption("interpreter");
  await form.preview.click();
  await expect(form.count).toHaveText("This goes to 2 people.");
  await expect(form.text).toContainText("Hello,");
  await expect(form.text).toContainText("We meet at the corner café.");
  await expect(form.text).toContainText(`/c/${CAMPAIGN}/${EVENT}`);
  // The typed values stay.
  await expect(form.subject).toHaveValue(subject);
  await expect(form.role).toHaveValue("interpreter");

  // Sending asks first; "Not yet" sends nothing.
  await form.sendButton(2).click();
  await expect(page.getByRole("dialog")).toContainText("Send this message to 2 people?");
  await page.getByRole("dialog").getByRole("button", { name: "Not yet" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();
  await form.sendButton(2).click();
  await form.confirm.click();
  await expect(page.getByText("Message queued for 2 people.")).toBeVisible();
  await expect(form.subject).toHaveValue("");
  await organizer.context.close();

  const owner = await loggedIn(browser, "owner@picket.example");
  const mailbox = new MailboxPage(owner.page);
  await mailbox.goto(ORG);
  const copies = mailbox.rows.filter({ hasText: subject });
  await expect(copies).toHaveCount(2);
  for (const p of people) await expect(copies.filter({ hasText: p.email })).toContainText("Message to attendees");
  await mailbox.waitFor(() => copies.first(), "Sent");
  for (const p of people) expect((await waitForMail(p.email, 2)).map((m) => m.subject)).toContain(subject);

  await owner.page.getByRole("link", { name: "Export log" }).click();
  const entry = owner.page.locator('[data-testid="export-log-row"][data-action="message.send"]').filter({ hasText: subject });
  await expect(entry).toContainText("Message to attendees");
  await expect(entry).toContainText("Role: interpreter");
  await expect(entry).toContainText("Protest at the embassy in Brussels");
  await expect(entry.getByTestId("export-log-count")).toHaveText("2");
  await owner.context.close();
});

test("coordinators cannot open the message form or the mailbox", async ({ browser }) => {
  const { context, page } = await loggedIn(browser, "coordinator@picket.example");
  await expect(page.getByRole("link", { name: "Mailbox" })).toHaveCount(0);
  expect((await page.request.get(`/dashboard/${ORG}/mailbox`)).status()).toBe(403);
  expect((await page.request.get(`${EVENT_PATH}/message`)).status()).toBe(403);
  await page.goto(EVENT_PATH);
  await expect(page.getByRole("link", { name: "Write to attendees" })).toHaveCount(0);
  await context.close();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("an organizer previews and sends with plain form posts; the preview is the confirmation", async ({ browser, page }) => {
    const suffix = unique();
    await signUp(browser, `Dana ${suffix}`, `dana-${suffix}@example.org`, "photographer");
    await logIn(page, "organizer@picket.example");
    await page.goto(`${EVENT_PATH}/message`);
    const form = new AttendeeMessagePage(page);
    const subject = `Photographers only (${suffix})`;
    await form.subject.fill(subject);
    await form.body.fill("Bring a charged camera.");
    await form.role.selectOption("photographer");
    await form.preview.click();
    await expect(form.count).toHaveText("This goes to 1 person.");
    await expect(form.text).toContainText("Bring a charged camera.");
    await expect(form.subject).toHaveValue(subject);
    await form.sendButton(1).click();
    await expect(page.getByText("Message queued for 1 person.")).toBeVisible();
  });
});
