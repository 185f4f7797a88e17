import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { CampaignEditor, EventEditor, EventPage, OwnSignupPage } from "./pages";
import { logIn, loggedIn } from "./support/auth";
import { unique } from "./support/data";
import { mailTo, privateLinkFor, waitForMail } from "./support/inbox";
import { PHONE, scrollsSideways } from "./support/phone";
import { freshDatabase, postgresMissing, seedStore, startServer, testPort } from "./support/server";

// Actions under state pressure: sign-ups the organizers vet one by one, nicknames without an address, and a
// headcount that keeps nobody's data.

const ORG = "campaign-kazakhstan";

/** A local time at the place, `days` ahead: "YYYY-MM-DDTHH:mm". */
const ahead = (days: number, time: string) => `${new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)}T${time}`;

/** A published campaign with one event in London, made through the dashboard by the demo organizer. */
async function publishedEvent(page: Page, label: string, fields: { approval?: boolean; signupMode?: string; capacity?: string; roles?: string }) {
  await logIn(page, "organizer@picket.example");
  const campaigns = new CampaignEditor(page);
  await campaigns.gotoNew(ORG);
  const campaign = await campaigns.create({ title: `${label} ${unique()}`, kind: "solidarity_action", summary: "Outside the court, every hearing day." });
  const events = new EventEditor(page);
  await events.gotoNew(ORG, campaign);
  const event = await events.create({
    title: label,
    kind: "meeting",
    country: "GB",
    city: "London",
    startsLocal: ahead(14, "18:00"),
    endsLocal: ahead(14, "20:00"),
    ...fields,
  });
  await campaigns.goto(ORG, campaign);
  await campaigns.publish();
  return { campaign, event };
}

test("a vetted sign-up waits as a request, is approved with one tap on a 360-px phone, and the supporter's private page says so", async ({ page, browser }) => {
  test.setTimeout(150_000);
  const { campaign, event } = await publishedEvent(page, "Court monitors' briefing", { approval: true, capacity: "10", roles: "monitor: 2, interpreter" });

  // A supporter without JavaScript asks to come: the page says it waits for the organisers.
  const reader = await browser.newContext({ javaScriptEnabled: false });
  const publicPage = await reader.newPage();
  const eventPage = new EventPage(publicPage);
  await eventPage.open(campaign, event);
  await expect(publicPage.getByTestId("signup-approval")).toContainText("The organisers approve each sign-up themselves");
  await expect(publicPage.getByTestId("role-needs")).toContainText("monitor · 2 of 2 still needed");
  const email = `monitor-${unique()}@example.org`;
  await eventPage.fill({ name: "Aigerim Vetted", email, comment: "I monitored the 2012 trial", role: "monitor" });
  await publicPage.getByRole("button", { name: "Send my request" }).click();
  await expect(eventPage.signedUp).toContainText("Your request is sent.");
  const link = await privateLinkFor(email);
  expect((await mailTo(email)).map((m) => m.subject)).toEqual([`Request received: Court monitors' briefing`]);
  const own = new OwnSignupPage(publicPage);
  await publicPage.goto(link);
  await expect(own.status).toHaveText("Waiting for the organisers’ approval");
  // A request holds no place: the public page still offers all ten.
  await eventPage.open(campaign, event);
  await expect(publicPage.getByText("10 places left")).toBeVisible();
  // A role is taken by a request too: the page shows one monitor still missing.
  await expect(publicPage.getByTestId("role-needs")).toContainText("monitor · 1 of 2 still needed");

  // The coordinator given London decides on a phone at the door: the event page says a request waits.
  const { context: phone, page: door } = await loggedIn(browser, "coordinator@picket.example", PHONE);
  await door.goto(`/dashboard/${ORG}/campaigns/${campaign}/events/${event}`);
  await expect(door.getByTestId("role-fill")).toContainText("monitor: 1 / 2");
  await door.getByTestId("requests-waiting").click();
  const request = door.getByTestId("request").filter({ hasText: "Aigerim Vetted" });
  await expect(request).toContainText("I monitored the 2012 trial");
  expect(await scrollsSideways(door)).toBe(false);
  const approve = request.getByRole("button", { name: "Approve Aigerim Vetted" });
  const box = (await approve.boundingBox())!;
  expect(box.height, "a button a thumb can hit").toBeGreaterThanOrEqual(44);
  await approve.tap();
  await expect(door.getByTestId("requests")).toContainText("Approved: confirmed, and told by email.");
  await expect(door.getByTestId("request")).toHaveCount(0);
  await expect(door.getByTestId("attendee-counts")).toContainText("Confirmed1");

  // Told by email, and the private page says so.
  const mails = await waitForMail(email, 2);
  expect(mails.map((m) => m.subject)).toContain("Approved: Court monitors' briefing");
  await publicPage.goto(link);
  await expect(own.status).toHaveText("Confirmed");
  await eventPage.open(campaign, event);
  await expect(publicPage.getByText("9 places left")).toBeVisible();
  await phone.close();
  await reader.close();
});

test("a pseudonymous sign-up asks no address and shows its private link once, without JavaScript", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const { campaign, event } = await publishedEvent(page, "Vigil outside the court", { signupMode: "pseudonymous" });

  const reader = await browser.newContext({ javaScriptEnabled: false });
  const publicPage = await reader.newPage();
  await publicPage.goto(`/c/${campaign}/${event}`);
  const form = publicPage.locator("form[action$='/signup']");
  await expect(form.getByLabel("Email", { exact: true })).toHaveCount(0);
  await expect(form.getByLabel("Phone (optional)")).toHaveCount(0);
  const nickname = `Steppe Fox ${unique()}`;
  await form.getByLabel("Nickname").fill(nickname);
  await form.getByRole("button", { name: "Sign up" }).click();

  const shown = publicPage.getByTestId("shown-link");
  await expect(shown).toContainText("Your private link: keep it now");
  const link = (await shown.getByRole("link").textContent())!;
  expect(link).toMatch(/\/s\/[A-Za-z0-9_-]{43}$/);
  // The address bar and the history hold no link, and the browser forgets it once shown.
  expect(publicPage.url()).not.toContain(link.split("/s/")[1]!);
  expect((await reader.cookies()).map((c) => c.name)).not.toContain("picket-link");
  await publicPage.reload();
  await expect(publicPage.getByTestId("shown-link")).toHaveCount(0);
  await expect(publicPage.getByTestId("signed-up")).toContainText("shown once, when you signed up");

  // The link opens the sign-up: a nickname, no address.
  const own = new OwnSignupPage(publicPage);
  await publicPage.goto(link);
  await expect(own.status).toHaveText("Confirmed");
  await expect(own.detail("Name")).toHaveText(nickname);
  await expect(publicPage.locator("dt", { hasText: "Email" })).toHaveCount(0);
  await reader.close();
});

test("a headcount sign-up stores no personal field, counts a browser once, and keeps no cookie past the event", async ({ browser }) => {
  test.setTimeout(180_000);
  const missing = await postgresMissing();
  test.skip(missing !== null, missing ?? "");
  const db = await freshDatabase();
  const store = { DATABASE_URL: db.url };
  await seedStore(store);
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  await client.query("update events set signup_mode = 'headcount', waitlist = false, capacity = 50 where slug = 'embassy-protest-brussels'");
  const server = await startServer(store, testPort(22));
  try {
    const path = `${server.base}/c/embassy-day-of-action/embassy-protest-brussels`;
    const count = async () => {
      const { rows } = await client.query<{ personal: string | null; email_hash: string | null; role: string | null; consent_to_contact: boolean }>(
        `select s.personal, s.email_hash, s.role, s.consent_to_contact from signups s join events e on e.id = s.event_id
         where e.slug = 'embassy-protest-brussels' order by s.created_at`,
      );
      return rows;
    };
    const before = (await count()).length;

    const reader = await browser.newContext({ javaScriptEnabled: false });
    const publicPage = await reader.newPage();
    await publicPage.goto(path);
    await expect(publicPage.getByTestId("signup-mode")).toContainText("Nothing about you is asked or kept");
    const form = publicPage.locator("form[action$='/signup']");
    await expect(form.locator("input:not([type=hidden]):not([name=website]), textarea, select")).toHaveCount(0);
    await form.getByRole("button", { name: "I’ll be there" }).click();
    await expect(publicPage.getByTestId("signed-up")).toContainText("You’re counted. Thank you.");
    // The same browser again: the same answer, and still one.
    await publicPage.goto(path);
    await publicPage.locator("form[action$='/signup']").getByRole("button", { name: "I’ll be there" }).click();
    await expect(publicPage.getByTestId("signed-up")).toContainText("You’re counted. Thank you.");
    const rows = await count();
    expect(rows.length - before).toBe(1);
    expect(rows.at(-1)).toEqual({ personal: null, email_hash: null, role: null, consent_to_contact: false });

    // The cookie that counts it once names no event, cannot be read by a script, and ends with the event.
    const counted = (await reader.cookies()).filter((c) => c.name.startsWith("picket-counted-"));
    expect(counted).toHaveLength(1);
    expect(counted[0]!.name).not.toContain("brussels");
    expect(counted[0]!.httpOnly).toBe(true);
    const { rows: ends } = await client.query<{ ends_at: Date }>("select ends_at from events where slug = 'embassy-protest-brussels'");
    expect(Math.abs(counted[0]!.expires * 1000 - ends[0]!.ends_at.getTime())).toBeLessThan(120_000);

    // Another browser is another person.
    const other = await browser.newContext({ javaScriptEnabled: false });
    const otherPage = await other.newPage();
    await otherPage.goto(path);
    await otherPage.locator("form[action$='/signup']").getByRole("button", { name: "I’ll be there" }).click();
    await expect(otherPage.getByTestId("signed-up")).toContainText("You’re counted.");
    expect((await count()).length - before).toBe(2);
    await reader.close();
    await other.close();
  } finally {
    await client.end();
    await server.stop();
    await db.drop();
  }
});
