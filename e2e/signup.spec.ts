import { expect, test } from "@playwright/test";
import { EventPage, OwnSignupPage } from "./pages";
import { unique } from "./support/data";
import { privateLinkFor, waitForMail } from "./support/inbox";

// The demo story is seeded before the server starts: "Day of action at Kazakhstan's embassies"
// (London: 60 places) and the Zhanaozen trial watch (hearings in Aktau with 5 observer places).
const CAMPAIGN = "embassy-day-of-action";

for (const javaScriptEnabled of [true, false]) {
  test.describe(`supporter with JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    test("signs up, gets the private link by email only, is told nothing more the second time, cancels and erases", async ({ page }) => {
      const event = new EventPage(page);
      const own = new OwnSignupPage(page);
      const email = `supporter-${unique()}@example.org`;
      await event.open(CAMPAIGN, "embassy-protest-london");
      await event.signUp({ name: "Айгуль", email, phone: "+44 20 7946 0000", role: "steward", comment: "Coming from Leeds" });

      await expect(page).toHaveURL(new RegExp(`/en/c/${CAMPAIGN}/embassy-protest-london\\?signup=confirmed#signup$`));
      await expect(event.signedUp).toContainText("You're signed up.");
      await expect(event.signedUp).toContainText("We have emailed your private link to the address you gave.");
      const firstLink = await privateLinkFor(email);
      expect(new URL(firstLink).origin).toBe(new URL(page.url()).origin);

      await page.goto(firstLink);
      await expect(own.status).toHaveText("Confirmed");
      await expect(own.detail("Name")).toHaveText("Айгуль");
      await expect(own.detail("Role")).toHaveText("steward");
      await expect(own.detail("Phone")).toHaveText("+44 20 7946 0000");

      // The same address again, typed differently: the same answer, no second row, no details; a new link by email.
      await event.open(CAMPAIGN, "embassy-protest-london");
      await event.signUp({ name: "Someone else", email: `  ${email.toUpperCase()} ` });
      await expect(page).toHaveURL(new RegExp(`/en/c/${CAMPAIGN}/embassy-protest-london\\?signup=confirmed#signup$`));
      await expect(event.signedUp).toContainText("You're signed up.");
      await expect(page.getByText("Айгуль")).toHaveCount(0);
      const [, resent] = await waitForMail(email, 2);
      expect(resent!.subject).toBe("Your sign-up for Protest at the embassy in London");
      expect(resent!.text).toContain("Hello Айгуль,");
      expect(resent!.text).not.toContain("Someone else");
      const link = await privateLinkFor(email, 2);
      expect(link).not.toBe(firstLink);
      await page.goto(firstLink);
      await expect(page.getByRole("heading", { name: "This link does not work" })).toBeVisible();

      await page.goto(link);
      await own.cancel();
      await expect(page.getByText("Your sign-up is cancelled.")).toBeVisible();
      await expect(own.status).toHaveText("Cancelled");

      await own.erase();
      await expect(page).toHaveURL(new RegExp(`/c/${CAMPAIGN}/embassy-protest-london\\?erased=1`));
      await expect(page.getByText("Your sign-up was erased.")).toBeVisible();
      await page.goto(link);
      await expect(page.getByRole("heading", { name: "This link does not work" })).toBeVisible();
    });

    test("every bad field shows its message next to it, and keeps what was typed", async ({ page }) => {
      const event = new EventPage(page);
      await event.open(CAMPAIGN, "embassy-protest-berlin");
      await event.submit();
      await expect(event.fieldError("name")).toHaveText("This field is required.");
      await expect(event.fieldError("email")).toHaveText("This field is required.");
      await expect(page.getByLabel("Name or nickname")).toHaveAttribute("aria-invalid", "true");
      // The refused page comes back lean (post, redirect, get); with JavaScript, focus is on the first field to fix.
      await expect(page).toHaveURL(/\?signup=refused#signup$/);
      if (javaScriptEnabled) await expect(page.getByLabel("Name or nickname")).toBeFocused();

      await event.fill({ name: "Zofia Wiśniewska", email: "zofia@", phone: "call me", comment: "x".repeat(1001) });
      await event.submit();
      await expect(event.fieldError("email")).toHaveText("Enter an email address like name@example.org.");
      await expect(event.fieldError("phone")).toContainText("Enter a phone number");
      await expect(event.fieldError("name")).toHaveCount(0);
      await expect(page.getByLabel("Name or nickname")).toHaveValue("Zofia Wiśniewska");
      await expect(page.getByLabel("Phone (optional)")).toHaveValue("call me");
      await expect(page).toHaveURL(/\?signup=refused#signup$/);

      // A name holding a web address would put a link in the organisation's own email: refused next to the field.
      await event.fill({ name: "Reset your password at https://evil.example/reset", email: `named-${unique()}@example.org`, phone: "" });
      await event.submit();
      await expect(event.fieldError("name")).toHaveText("A name cannot contain a web or email address.");
    });
  });
}

test("a full hearing takes the next observer onto the waitlist, and a cancellation promotes them", async ({ browser }) => {
  // Hearing 3 has 5 places, 2 taken by the demo's sign-ups.
  const context = await browser.newContext();
  const page = await context.newPage();
  const event = new EventPage(page);
  const own = new OwnSignupPage(page);
  const observers: string[] = [];
  for (let i = 0; i < 3; i++) {
    const email = `observer-${i}-${unique()}@example.org`;
    await event.open("zhanaozen-trial-watch", "hearing-3");
    await event.signUp({ name: `Observer ${i}`, email, role: "observer" });
    await expect(event.signedUp).toContainText("You're signed up.");
    observers.push(email);
  }
  await event.open("zhanaozen-trial-watch", "hearing-3");
  await expect(page.getByTestId("places")).toHaveText("Full — waitlist open");
  await expect(page.getByRole("heading", { name: "Join the waitlist" })).toBeVisible();
  const waitingEmail = `waiting-${unique()}@example.org`;
  await event.signUp({ name: "Waiting Observer", email: waitingEmail });
  await expect(page).toHaveURL(/\?signup=waitlisted&position=1#signup$/);
  await expect(event.signedUp).toContainText("You're on the waitlist, number 1.");
  const waiting = await privateLinkFor(waitingEmail);
  await page.goto(waiting);
  await expect(own.status).toHaveText("On the waitlist, number 1");

  await page.goto(await privateLinkFor(observers[0]!));
  await own.cancel();
  await expect(own.status).toHaveText("Cancelled");

  await page.goto(waiting);
  await expect(own.status).toHaveText("Confirmed");
  const [, promoted] = await waitForMail(waitingEmail, 2);
  expect(promoted!.subject).toBe("A place is yours: Hearing: closing speeches");
  await context.close();
});

test("times are the place's, with the zone named, and the reader's own time beside them", async ({ page }) => {
  // The browser runs in Asia/Almaty (UTC+5); the protest is at noon in London.
  const event = new EventPage(page);
  await event.open(CAMPAIGN, "embassy-protest-london");
  await expect(event.time).toContainText(/12:00\s*–\s*14:00 (GMT|BST)/);
  await expect(event.time).toContainText("London time");
  await expect(event.readerTime).toContainText(/Your time: .*(16|17):00\s*–\s*(18|19):00 GMT\+5/);

  await event.open("zhanaozen-trial-watch", "hearing-2");
  await expect(event.time).toContainText(/10:00\s*–\s*17:00 GMT\+5/);
  await expect(event.time).toContainText("Aqtau time");
  // Aktau and Almaty share an offset: no second time is shown.
  await expect(event.readerTime).toBeHidden();
});

test("drafts are not found; cancelled events keep their page without a form", async ({ page }) => {
  const draft = await page.goto("/c/families-appeal");
  expect(draft?.status()).toBe(404);
  const missing = await page.goto("/c/no-such-campaign");
  expect(missing?.status()).toBe(404);

  await page.goto(`/c/${CAMPAIGN}/screening-berlin`);
  await expect(page.getByText("This event is cancelled.")).toBeVisible();
  await expect(page.getByText("The venue withdrew its booking.", { exact: false })).toBeVisible();
  await expect(page.getByTestId("signup-closed")).toHaveText("This event is cancelled; sign-ups are closed.");
  await expect(page.getByLabel("Name or nickname")).toHaveCount(0);

  const missingEvent = await page.goto(`/c/${CAMPAIGN}/no-such-event`);
  expect(missingEvent?.status()).toBe(404);
  // Calendar file of a real event: noon at the place, with the place's zone.
  const ics = await page.request.get(`/c/${CAMPAIGN}/embassy-protest-warsaw/event.ics`);
  expect(ics.headers()["content-type"]).toContain("text/calendar");
  const body = await ics.text();
  expect(body).toMatch(/DTSTART;TZID=Europe\/Warsaw:\d{8}T120000\r\n/);
  expect(body).toContain("BEGIN:VTIMEZONE\r\nTZID:Europe/Warsaw");
  expect(body).toContain("SUMMARY:Protest at the embassy in Warsaw");
});
