import { expect, test, type Page } from "@playwright/test";
import editor from "../lib/i18n/messages/en/editor.json" with { type: "json" };
import { CampaignEditor, EventEditor, EventPage } from "./pages";
import { logIn } from "./support/auth";
import { unique } from "./support/data";
import { privateLinkFor, waitForMail } from "./support/inbox";

// A meeting point revealed late, read as the police would read the public side: the exact place is on no public
// page, calendar file, map or feed before its time; the confirmed attendee gets it by email once it is due.

const ORG = "campaign-kazakhstan";
const m = editor.editor.event;
const EXACT = { venue: "Café Verborgen", address: "Geheimweg 12", latitude: "52.51234", longitude: "13.40123", onlineUrl: "https://meet.example/secret-room" };
const SECRETS = [EXACT.venue, EXACT.address, EXACT.latitude, EXACT.longitude, "secret-room", "Verborgen", "Geheimweg"];
const GATHERING = "Near the main station";

/** An instant as the event form takes it: "YYYY-MM-DDTHH:mm" on Berlin's clocks. */
const berlinLocal = (at: Date) =>
  new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Berlin", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" })
    .format(at)
    .replace(" ", "T");

const leaks = (text: string) => SECRETS.filter((s) => text.includes(s));

/** What a reader's browser gets at the address: the page, a calendar file or the feed, as bytes. */
async function fetched(page: Page, path: string) {
  const res = await page.request.get(path);
  expect(res.status(), path).toBe(200);
  return res.text();
}

test("a hidden meeting point is on no public page, calendar file, map or feed, and reaches the confirmed attendee by email at its time", async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  await logIn(page, "organizer@picket.example");
  const campaigns = new CampaignEditor(page);
  await campaigns.gotoNew(ORG);
  const slug = await campaigns.create({ title: `Picket under pressure ${unique()}`, kind: "solidarity_action", summary: "Where exactly: told late." });

  // Three hours from now, the place sent two hours before: due in an hour.
  const startsAt = new Date(Date.now() + 3 * 3_600_000);
  const events = new EventEditor(page);
  await events.gotoNew(ORG, slug);
  await events.fill({
    title: "Picket at the embassy",
    kind: "picket",
    country: "DE",
    timeZone: "Europe/Berlin",
    city: "Berlin",
    ...EXACT,
    startsLocal: berlinLocal(startsAt),
    endsLocal: berlinLocal(new Date(startsAt.getTime() + 2 * 3_600_000)),
  });
  await events.form.getByLabel(m.placeHidden).check();
  await events.form.getByLabel(m.gatheringArea, { exact: true }).fill(GATHERING);
  await events.form.getByLabel(m.placeReveal, { exact: true }).selectOption("120");
  await events.form.getByRole("button", { name: m.create }).click();
  await expect(page).toHaveURL(/\/events\/[a-z0-9-]+\?created=1$/, { timeout: 30_000 });
  const eventSlug = new URL(page.url()).pathname.split("/").pop()!;
  // The organizers still see the exact place, and when it goes out, in Berlin's time with the zone named.
  await expect(page.getByTestId("place-reveal-note")).toContainText(/Confirmed attendees get it by email at .*\d{2}:\d{2} CES?T \(Berlin time\)/);
  await campaigns.goto(ORG, slug);
  await campaigns.publish();

  // Anyone, without an account: the pages, calendar files, map and feed.
  const reader = await browser.newContext();
  const publicPage = await reader.newPage();
  const event = new EventPage(publicPage);
  await event.open(slug, eventSlug);
  await expect(publicPage.getByTestId("event-place")).toContainText(GATHERING);
  await expect(publicPage.getByTestId("place-hidden")).toContainText(/from .*\d{2}:\d{2} CES?T \(Berlin time\)/);
  expect(leaks(await publicPage.content())).toEqual([]);
  const eventIcs = await fetched(publicPage, `/c/${slug}/${eventSlug}/event.ics`);
  expect(eventIcs).toContain(`LOCATION:${GATHERING}\\, Berlin\\, Germany`);
  expect(eventIcs).not.toContain("GEO:");
  await publicPage.goto(`/c/${slug}`);
  await expect(publicPage.getByTestId("event-item")).toContainText(GATHERING);
  // No point on the map: the map shows only events whose place is public, and this campaign has none.
  await expect(publicPage.locator("[data-event-map]")).toHaveCount(0);
  const outputs: [string, string][] = [
    ["event page", await fetched(publicPage, `/c/${slug}/${eventSlug}`)],
    ["event in Russian", await fetched(publicPage, `/ru/c/${slug}/${eventSlug}`)],
    ["event.ics", eventIcs],
    ["campaign page", await publicPage.content()],
    ["calendar.ics", await fetched(publicPage, `/c/${slug}/calendar.ics`)],
    ["feed.xml", await fetched(publicPage, `/c/${slug}/feed.xml`)],
    ["home page", await fetched(publicPage, "/")],
  ];
  for (const [what, text] of outputs) expect({ what, leaks: leaks(text) }).toEqual({ what, leaks: [] });

  // A supporter signs up: the confirmation says where to head for and when the rest comes, and no more.
  const email = `hidden-${unique()}@example.org`;
  // (In English again: the Russian address above made the browser remember Russian.)
  await publicPage.goto(`/en/c/${slug}/${eventSlug}`);
  await event.signUp({ name: "Aigerim", email });
  await expect(event.signedUp).toContainText("You're signed up.");
  const [confirmation] = await waitForMail(email, 1);
  expect(leaks(confirmation!.text + confirmation!.html)).toEqual([]);
  expect(confirmation!.text).toContain(`Where: ${GATHERING}, Berlin, Germany`);
  expect(confirmation!.text).toMatch(/Exact meeting point: sent to confirmed attendees at .*\d{2}:\d{2}/);
  const ownLink = await privateLinkFor(email);
  await publicPage.goto(ownLink);
  await expect(publicPage.getByTestId("place-hidden")).toContainText("You will get the exact meeting point by email");
  expect(leaks(await publicPage.content())).toEqual([]);
  // Its calendar link is its own file, with only the public place so far.
  const ownCalendar = new URL(`${ownLink}/event.ics`).pathname;
  await expect(publicPage.getByRole("link", { name: "Add to calendar (.ics)" })).toHaveAttribute("href", ownCalendar);
  expect(leaks(await fetched(publicPage, ownCalendar))).toEqual([]);

  // The organizers decide to send it six hours before instead: its time has come, and the mail worker sends it.
  await events.goto(ORG, slug, eventSlug);
  await events.form.getByLabel(m.placeReveal, { exact: true }).selectOption("360");
  await events.save();
  await expect(page.getByTestId("place-reveal-note")).toContainText("It was due to confirmed attendees at", { timeout: 30_000 });
  const mails = await waitForMail(email, 2);
  const revealed = mails.find((mail) => mail.subject.startsWith("Meeting point:"))!;
  expect(revealed, mails.map((mail) => mail.subject).join(", ")).toBeTruthy();
  for (const s of [EXACT.venue, EXACT.address, EXACT.onlineUrl, `mlat=${EXACT.latitude}&mlon=${EXACT.longitude}`]) expect(revealed.text).toContain(s);
  expect(revealed.text).toContain("please keep it to yourself");

  // The private page shows it now; the public ones still do not.
  await publicPage.goto(ownLink);
  await expect(publicPage.getByTestId("exact-place")).toContainText(EXACT.venue);
  await expect(publicPage.getByTestId("exact-place")).toContainText(EXACT.address);
  expect(await fetched(publicPage, ownCalendar)).toContain(`LOCATION:${EXACT.venue}\\, ${EXACT.address}`);
  for (const path of [`/c/${slug}/${eventSlug}`, `/c/${slug}/${eventSlug}/event.ics`, `/c/${slug}`, `/c/${slug}/calendar.ics`])
    expect({ path, leaks: leaks(await fetched(publicPage, path)) }).toEqual({ path, leaks: [] });
  await reader.close();
});
