import { expect, test } from "@playwright/test";
import { CampaignEditor, EventEditor, EventPage } from "./pages";
import { loggedIn } from "./support/auth";
import { unique } from "./support/data";

// A coalition: Campaign Kazakhstan invites the Workers' Solidarity Network (db/seed.ts) to co-host a campaign. The
// partner's organizer adds a Warsaw protest; its people are the partner's alone: the lead's coordinator and even its
// owner, who reaches everything of Campaign Kazakhstan, get 404 for its list, while the partner's coordinator, given
// Warsaw within the partner, reads it.

const LEAD = "campaign-kazakhstan";
const PARTNER = "workers-solidarity";
const PARTNER_NAME = "Workers' Solidarity Network";
const ahead = (days: number, time: string) => `${new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)}T${time}`;

test("a partner organizer adds a Warsaw event; the lead's coordinator cannot see its attendees; the public page names both hosts", async ({ browser }) => {
  test.setTimeout(180_000);
  // The lead's organizer makes and publishes the campaign, with its own London protest.
  const paul = await loggedIn(browser, "organizer@picket.example");
  const campaigns = new CampaignEditor(paul.page);
  await campaigns.gotoNew(LEAD);
  const slug = await campaigns.create({ title: `Free the strikers ${unique()}`, kind: "embassy_protest", summary: "Noon outside the embassies." });
  const events = new EventEditor(paul.page);
  await events.gotoNew(LEAD, slug);
  await events.create({
    title: "Protest in London",
    kind: "protest",
    country: "GB",
    city: "London",
    startsLocal: ahead(20, "12:00"),
    endsLocal: ahead(20, "14:00"),
  });
  await campaigns.goto(LEAD, slug);
  await campaigns.publish();

  // The lead's owner makes a partner invitation link; it is shown once.
  const owner = await loggedIn(browser, "owner@picket.example");
  await owner.page.goto(`/dashboard/${LEAD}/campaigns/${slug}`);
  const invite = owner.page.getByTestId("partner-invite");
  await invite.getByRole("button", { name: "Make an invitation link" }).click();
  const link = (await owner.page.getByTestId("partner-link").textContent())!.trim();
  expect(link).toMatch(/\/partner\/[A-Za-z0-9_-]{43}$/);

  // The partner's owner opens it and joins with their organisation.
  const jonas = await loggedIn(browser, "partner-owner@picket.example", {}, new RegExp(`/dashboard/${PARTNER}`));
  await jonas.page.goto(new URL(link).pathname);
  await expect(jonas.page.getByRole("main")).toContainText("Campaign Kazakhstan invites you to co-host");
  await jonas.page.getByRole("button", { name: "Co-host this campaign" }).click();
  await expect(jonas.page).toHaveURL(new RegExp(`/dashboard/${PARTNER}/campaigns/${slug}\\?joined=1$`), { timeout: 30_000 });
  // The link is used up.
  await jonas.page.goto(new URL(link).pathname);
  await expect(jonas.page.getByRole("main")).toContainText("This invitation link does not work");

  // The partner's organizer adds a Warsaw protest to the campaign.
  const zofia = await loggedIn(browser, "partner-organizer@picket.example", {}, new RegExp(`/dashboard/${PARTNER}`));
  const partnerEvents = new EventEditor(zofia.page);
  await partnerEvents.gotoNew(PARTNER, slug);
  const warsaw = await partnerEvents.create({
    title: "Protest in Warsaw",
    kind: "protest",
    country: "PL",
    city: "Warsaw",
    startsLocal: ahead(20, "12:00"),
    endsLocal: ahead(20, "14:00"),
  });

  // Someone signs up for it, without JavaScript.
  const reader = await browser.newContext({ javaScriptEnabled: false });
  const publicPage = await reader.newPage();
  const event = new EventPage(publicPage);
  await event.open(slug, warsaw);
  await expect(publicPage.getByTestId("event-host")).toContainText(`Hosted by ${PARTNER_NAME}`);
  const name = `Marta ${unique()}`;
  await event.signUp({ name, email: `marta-${unique()}@example.org` });
  await expect(event.signedUp).toBeVisible();

  // The public campaign page names both hosts, and who runs each event.
  await publicPage.goto(`/c/${slug}`);
  await expect(publicPage.getByRole("main")).toContainText(`Co-hosted by Campaign Kazakhstan, ${PARTNER_NAME}`);
  await expect(publicPage.getByTestId("event-item").filter({ hasText: "Protest in Warsaw" }).getByTestId("event-host")).toHaveText(`Hosted by ${PARTNER_NAME}`);

  // The partner's event is not the lead's: 404 for its coordinator and its owner alike.
  const ewa = await loggedIn(browser, "coordinator@picket.example");
  for (const path of ["attendees", "check-in", ""])
    expect((await ewa.page.request.get(`/dashboard/${LEAD}/campaigns/${slug}/events/${warsaw}/${path}`)).status(), path).toBe(404);
  expect((await owner.page.request.get(`/dashboard/${LEAD}/campaigns/${slug}/events/${warsaw}/attendees`)).status()).toBe(404);
  // The lead's owner sees the partner's counts and name on the campaign page, and no link to its people.
  await owner.page.goto(`/dashboard/${LEAD}/campaigns/${slug}`);
  const row = owner.page.locator(`[data-testid="event-row"][data-event="${warsaw}"]`);
  await expect(row.getByTestId("event-row-host")).toContainText(`Run by ${PARTNER_NAME}`);
  await expect(row).toContainText("1 confirmed");
  // Its public page, and no way into the dashboard's pages of it.
  await expect(row.locator('a[href^="/dashboard/"]')).toHaveCount(0);
  await expect(row.locator(`a[href="/c/${slug}/${warsaw}"]`)).toHaveCount(1);
  await expect(owner.page.getByTestId("partners")).toContainText(PARTNER_NAME);

  // The partner's coordinator, given Warsaw within the partner, reads the list.
  const lena = await loggedIn(browser, "partner-coordinator@picket.example", {}, new RegExp(`/dashboard/${PARTNER}`));
  await lena.page.goto(`/dashboard/${PARTNER}/campaigns/${slug}/events/${warsaw}/attendees`);
  await expect(lena.page.getByTestId("attendee-rows")).toContainText(name);

  for (const c of [paul, owner, jonas, zofia, ewa, lena]) await c.context.close();
  await reader.close();
});
