import { expect, test } from "@playwright/test";
import messages from "../lib/i18n/messages/en/public.json" with { type: "json" };
import { CampaignEditor, EventPage } from "./pages";
import { logIn } from "./support/auth";
import { unique } from "./support/data";
import { waitForMail } from "./support/inbox";

// People host their own events: a supporter without an account proposes one, confirms it from the link sent to
// their address, an organizer approves it, it is public, and its host sees its first sign-up.

const ORG = "campaign-kazakhstan";
const h = messages.hosts;

/** A local time at the place, `days` ahead: "YYYY-MM-DDTHH:mm". */
const ahead = (days: number, time: string) => `${new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)}T${time}`;
const hostLinkIn = (text: string) => text.match(/https?:\/\/[^\s]+\/h\/[A-Za-z0-9_-]{43}/)?.[0] ?? null;

test("a supporter proposes an event without JavaScript, it is approved, appears publicly, and its host sees its first sign-up", async ({ page, browser }) => {
  test.setTimeout(180_000);
  // The organizer opens a campaign to proposals.
  await logIn(page, "organizer@picket.example");
  const campaigns = new CampaignEditor(page);
  await campaigns.gotoNew(ORG);
  await campaigns.fill({ title: `Host a protest ${unique()}`, kind: "solidarity_action", summary: "Protest at the Kazakh embassy in your city." });
  await campaigns.form.getByLabel("Supporters may propose events").check();
  const campaign = await campaigns.create({});
  await campaigns.publish();

  // A supporter, JavaScript off, finds the form on the campaign's page and proposes a vigil in Vienna.
  const reader = await browser.newContext({ javaScriptEnabled: false });
  const host = await reader.newPage();
  await host.goto(`/c/${campaign}`);
  await host.getByRole("link", { name: h.public.cta }).click();
  await expect(host).toHaveURL(new RegExp(`/c/${campaign}/host$`));
  const title = `Vigil in Vienna ${unique()}`;
  const hostEmail = `host-${unique()}@example.org`;
  await host.getByLabel(h.form.title, { exact: true }).fill(title);
  await host.getByLabel(h.form.kind, { exact: true }).selectOption("vigil");
  await host.getByLabel(h.form.starts).fill(ahead(12, "17:00"));
  await host.getByLabel(h.form.ends).fill(ahead(12, "19:00"));
  await host.getByLabel(h.form.country, { exact: true }).selectOption("AT");
  await host.getByLabel(h.form.timeZone, { exact: true }).selectOption("Europe/Vienna");
  await host.getByLabel(h.form.city, { exact: true }).fill("Vienna");
  await host.getByLabel(h.form.venue, { exact: true }).fill("Embassy of Kazakhstan, Prinz-Eugen-Straße");
  await host.getByLabel(h.form.name, { exact: true }).fill("Aigerim Host");
  await host.getByLabel(h.form.email, { exact: true }).fill(hostEmail);
  await host.getByRole("button", { name: h.form.submit }).click();
  await expect(host.getByTestId("proposal-sent")).toBeVisible();

  // The host confirms from the link in the email.
  const [confirmMail] = await waitForMail(hostEmail, 1);
  const confirmLink = hostLinkIn(confirmMail!.text);
  expect(confirmLink).not.toBeNull();
  await host.goto(confirmLink!);
  await host.getByRole("button", { name: h.page.confirm }).click();
  await expect(host.getByTestId("proposal-pending")).toBeVisible();
  // Nothing public yet.
  await host.goto(`/c/${campaign}`);
  await expect(host.getByText(title)).toHaveCount(0);

  // The organizer approves it from the campaign's dashboard page: the event form comes filled in.
  await campaigns.goto(ORG, campaign);
  await page.getByTestId("proposals").getByRole("link", { name: title }).click();
  await expect(page.getByTestId("proposal-host")).toHaveText("Aigerim Host");
  const form = page.getByTestId("event-form");
  await expect(form.getByLabel("Title", { exact: true })).toHaveValue(title);
  await form.getByRole("button", { name: "Create event" }).click();
  await expect(page).toHaveURL(/\/events\/[a-z0-9-]+\?created=1$/, { timeout: 30_000 });
  const event = new URL(page.url()).pathname.split("/").pop()!;

  // It is public, and the host gets their private link to run it.
  await host.goto(`/c/${campaign}`);
  await expect(host.getByText(title)).toBeVisible();
  const mails = await waitForMail(hostEmail, 2);
  expect(mails.map((m) => m.subject)).toContain(`Approved: ${title}`);
  const manageLink = hostLinkIn(mails.find((m) => m.subject.startsWith("Approved"))!.text);
  expect(manageLink).not.toBeNull();
  await host.goto(manageLink!);
  await expect(host.getByText(h.page.nobodyYet)).toBeVisible();

  // Someone signs up; the host's page shows that first sign-up's name, and nothing else of them.
  const supporter = await reader.newPage();
  const eventPage = new EventPage(supporter);
  await eventPage.open(campaign, event);
  const email = `first-${unique()}@example.org`;
  await eventPage.fill({ name: "Daniyar First", email });
  await supporter.getByRole("button", { name: "Sign up" }).click();
  await expect(eventPage.signedUp).toBeVisible();
  await host.goto(manageLink!);
  await expect(host.getByTestId("host-attendees")).toHaveText("Daniyar First");
  await expect(host.getByText(email)).toHaveCount(0);
  await reader.close();
});
