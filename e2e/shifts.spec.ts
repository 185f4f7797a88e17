import { expect, test } from "@playwright/test";
import { CampaignEditor, EventEditor, EventPage, OwnSignupPage } from "./pages";
import { logIn } from "./support/auth";
import { unique } from "./support/data";
import { mailTo, privateLinkFor } from "./support/inbox";

// A long action split into shifts: the organizer cuts a vigil into blocks on the dashboard, a supporter without
// JavaScript takes two, and the private page and its calendar file hold those two.

const ORG = "campaign-kazakhstan";

/** The date `days` ahead: "YYYY-MM-DD". */
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

test("an organizer splits a vigil into shifts; a supporter without JavaScript takes two, and the private page and calendar hold them", async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  const date = day(10);
  await logIn(page, "organizer@picket.example");
  const campaigns = new CampaignEditor(page);
  await campaigns.gotoNew(ORG);
  const campaign = await campaigns.create({ title: `Vigil for the oil workers ${unique()}`, kind: "solidarity_action", summary: "Outside the court." });
  const events = new EventEditor(page);
  await events.gotoNew(ORG, campaign);
  const event = await events.create({
    title: "Vigil outside the court",
    kind: "vigil",
    country: "DE",
    city: "Berlin",
    startsLocal: `${date}T08:00`,
    endsLocal: `${date}T20:00`,
    capacity: "40",
  });
  await campaigns.goto(ORG, campaign);
  await campaigns.publish();

  // On the event's page, three shifts of four hours, the morning one with two places.
  await events.goto(ORG, campaign, event);
  const panel = page.getByTestId("shifts-panel");
  for (const [from, to, label, places] of [
    ["08:00", "12:00", "Morning", "2"],
    ["12:00", "16:00", "Afternoon", "5"],
    ["16:00", "20:00", "Evening", ""],
  ] as const) {
    const form = panel.getByTestId("shift-add-form");
    await form.getByLabel("Starts").fill(`${date}T${from}`);
    await form.getByLabel("Ends").fill(`${date}T${to}`);
    await form.getByLabel("Name (optional)").fill(label);
    await form.getByLabel("Places (optional)").fill(places);
    await form.getByRole("button", { name: "Add shift" }).click();
    await expect(panel.getByTestId("shift-row").filter({ hasText: label })).toBeVisible();
  }
  await expect(panel.getByTestId("shift-row")).toHaveCount(3);
  await expect(panel.getByTestId("shift-row").filter({ hasText: "Morning" }).getByTestId("shift-filled")).toContainText("0 / 2 confirmed");
  await expect(panel.getByTestId("shift-row").filter({ hasText: "Evening" }).getByTestId("shift-filled")).toContainText("0 confirmed, no limit");

  // A supporter with JavaScript off: the page lists the shifts at Berlin's time, with the places left.
  const reader = await browser.newContext({ javaScriptEnabled: false });
  const publicPage = await reader.newPage();
  const eventPage = new EventPage(publicPage);
  await eventPage.open(campaign, event);
  const choices = publicPage.getByTestId("shift-choices");
  await expect(choices).toContainText("Berlin time");
  await expect(choices.getByRole("listitem").filter({ hasText: "Morning" })).toContainText("2 places left");
  await expect(choices.getByRole("listitem").filter({ hasText: "Evening" })).toContainText("No limit");

  // Without a shift ticked, the form says so and keeps what was typed.
  const email = `vigil-${unique()}@example.org`;
  await eventPage.fill({ name: "Aliya Shifts", email });
  await publicPage.getByRole("button", { name: "Sign up" }).click();
  await expect(publicPage.getByTestId("shift-choices")).toContainText("Choose at least one shift.");
  await expect(publicPage.getByLabel("Email", { exact: true })).toHaveValue(email);

  await choices.getByRole("checkbox", { name: /Morning/ }).check();
  await choices.getByRole("checkbox", { name: /Evening/ }).check();
  await publicPage.getByRole("button", { name: "Sign up" }).click();
  await expect(eventPage.signedUp).toContainText("You're signed up");
  await expect(publicPage.getByTestId("shifts").getByRole("listitem").filter({ hasText: "Morning" })).toContainText("1 place left");

  // The confirmation lists the shifts taken.
  const link = await privateLinkFor(email);
  const [mail] = await mailTo(email);
  expect(mail!.text).toContain("Your shifts:");
  expect(mail!.text).toMatch(/Morning\): confirmed/);
  expect(mail!.text).toMatch(/Evening\): confirmed/);

  // The private page: the two shifts, each confirmed; the third can still be taken.
  const own = new OwnSignupPage(publicPage);
  await publicPage.goto(link);
  await expect(own.status).toHaveText("Confirmed");
  const taken = publicPage.getByTestId("own-shift");
  await expect(taken).toHaveCount(2);
  await expect(taken.filter({ hasText: "Morning" }).getByTestId("own-shift-place")).toHaveText("Confirmed");
  await expect(taken.filter({ hasText: "Evening" }).getByTestId("own-shift-place")).toHaveText("Confirmed");
  await expect(publicPage.getByTestId("other-shift")).toContainText("Afternoon");

  // Its calendar file: one entry per shift taken, at Berlin's time.
  const ics = await (await reader.request.get(`${link}/event.ics`)).text();
  const entries = ics.split("BEGIN:VEVENT").slice(1);
  expect(entries).toHaveLength(2);
  expect(entries.map((v) => /SUMMARY:([^\r\n]+)/.exec(v)![1])).toEqual(["Vigil outside the court — Morning", "Vigil outside the court — Evening"]);
  expect(entries[0]).toContain(`DTSTART;TZID=Europe/Berlin:${date.replaceAll("-", "")}T080000`);
  expect(entries[1]).toContain(`DTEND;TZID=Europe/Berlin:${date.replaceAll("-", "")}T200000`);

  // Without JavaScript still: the afternoon is added, the morning dropped.
  await publicPage.getByTestId("other-shift").getByRole("button", { name: "Take this shift too" }).click();
  await expect(publicPage.getByText("The shift is added.")).toBeVisible();
  await expect(taken).toHaveCount(3);
  await taken.filter({ hasText: "Morning" }).getByText("Drop this shift").click();
  await taken.filter({ hasText: "Morning" }).getByRole("button", { name: "Yes, drop it" }).click();
  await expect(publicPage.getByText("The shift is dropped.")).toBeVisible();
  await expect(taken).toHaveCount(2);

  // The organizer sees who took what.
  await events.goto(ORG, campaign, event);
  await expect(panel.getByTestId("shift-row").filter({ hasText: "Afternoon" }).getByTestId("shift-filled")).toContainText("1 / 5 confirmed");
  await expect(panel.getByTestId("shift-row").filter({ hasText: "Morning" }).getByTestId("shift-filled")).toContainText("0 / 2 confirmed");
  await reader.close();
});
