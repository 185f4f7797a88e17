import { expect, test } from "@playwright/test";
import { CampaignEditor, CampaignsDashboard, EventEditor, EventPage } from "./pages";
import { logIn } from "./support/auth";
import { unique } from "./support/data";

const ORG = "campaign-kazakhstan";

test("an organizer publishes a day of action in three cities; readers in Almaty see each place's own time; sign-ups appear live", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await logIn(page, "organizer@picket.example");

  const campaigns = new CampaignEditor(page);
  await campaigns.gotoNew(ORG);
  const title = `Solidarity with the Zhanaozen strikers ${unique()}`;
  const slug = await campaigns.create({ title, kind: "embassy_protest", summary: "Noon outside the embassies.", body: "## Why\n\nFree the **oil workers**." });

  // Still a draft: the public page does not exist yet.
  const draft = await page.request.get(`/c/${slug}`);
  expect(draft.status()).toBe(404);

  const events = new EventEditor(page);
  await events.gotoNew(ORG, slug);
  const london = await events.create({
    title: "Protest at the embassy",
    kind: "protest",
    country: "GB",
    city: "London",
    venue: "Embassy of Kazakhstan",
    address: "125 Pall Mall",
    startsLocal: "2027-03-12T12:00",
    endsLocal: "2027-03-12T14:00",
    capacity: "30",
    waitlist: true,
    roles: "steward, speaker",
  });
  await expect(events.timeZoneSelect()).toHaveValue("Europe/London");

  await events.gotoNew(ORG, slug);
  const warsaw = await events.create({
    title: "Protest at the embassy",
    kind: "protest",
    country: "PL",
    city: "Warsaw",
    venue: "Ambasada Republiki Kazachstanu",
    startsLocal: "2027-03-12T12:00",
    endsLocal: "2027-03-12T14:00",
  });

  await events.goto(ORG, slug, london);
  const brussels = await events.duplicate({ country: "BE", city: "Brussels", venue: "Embassy of Kazakhstan", address: "Avenue Van Bever 30" });
  expect(new Set([london, warsaw, brussels]).size).toBe(3);

  await campaigns.goto(ORG, slug);
  await campaigns.publish();

  // The public campaign page, read from Almaty (UTC+5): each protest at noon in its own zone.
  const reader = await browser.newContext({ timezoneId: "Asia/Almaty" });
  const publicPage = await reader.newPage();
  await publicPage.goto(`/c/${slug}`);
  await expect(publicPage.getByRole("heading", { name: title })).toBeVisible();
  await expect(publicPage.locator("h2", { hasText: "Why" })).toBeVisible();
  const item = (city: string) => publicPage.getByTestId("event-item").filter({ hasText: `${city} time` });
  await expect(item("London")).toContainText(/Fri,? 12 Mar 2027, 12:00\s*–\s*14:00 GMT/);
  await expect(item("Warsaw")).toContainText(/12:00\s*–\s*14:00 CET/);
  await expect(item("Brussels")).toContainText(/12:00\s*–\s*14:00 CET/);
  // Grouped by country.
  await expect(publicPage.getByRole("heading", { level: 3 })).toHaveText(["Belgium", "Poland", "United Kingdom"]);

  const event = new EventPage(publicPage);
  await event.open(slug, london);
  await expect(event.time).toContainText("London time");
  await expect(event.readerTime).toContainText(/17:00\s*–\s*19:00 GMT\+5/);
  await expect(publicPage.getByTestId("places")).toHaveText("30 places left");

  // The organizer's overview counts the new sign-up without a reload.
  const overview = new CampaignsDashboard(page);
  await overview.gotoOverview(ORG);
  await overview.expectCounts(london, "0 confirmed", { campaign: slug });
  await event.signUp({ name: "Ewa", email: `ewa-${unique()}@example.org`, role: "steward" });
  await expect(event.signedUp).toContainText("You're signed up.");
  await overview.expectCounts(london, "1 confirmed", { campaign: slug });
  await reader.close();
});
