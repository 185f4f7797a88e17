import { createServer, type Server } from "node:http";
import { expect, test, type Browser, type FrameLocator, type Page } from "@playwright/test";
import editor from "../lib/i18n/messages/en/editor.json" with { type: "json" };
import messages from "../lib/i18n/messages/en/public.json" with { type: "json" };
import { baseURL } from "../playwright.config";
import { CampaignEditor, EventEditor } from "./pages";
import { logIn } from "./support/auth";
import { newPerson, unique } from "./support/data";
import { testPort } from "./support/server";

// An event's sign-up in a frame on partners' sites (/embed/c/{campaign}/{event}). Two partner sites run here, on
// 127.0.0.1, which is another site than Picket's localhost: the frame is a third-party context, where browsers send
// no SameSite=Lax cookie, so what works here works without the cookies the event page's form uses.

const ORG = "campaign-kazakhstan";
const allowed = { port: testPort(32), origin: `http://127.0.0.1:${testPort(32)}` };
const other = { port: testPort(33), origin: `http://127.0.0.1:${testPort(33)}` };
const servers: Server[] = [];
let campaign = "";
let event = "";
let nicknamed = "";
const eventTitle = `Picket at the consulate ${unique()}`;
const embedPath = (slug = event) => `/embed/c/${campaign}/${slug}`;

/** A partner's page with the snippet the dashboard gives, on its own origin. */
function partnerSite(port: number): Promise<Server> {
  const server = createServer((req, res) => {
    // "/": the event; "/nicknamed": the event that asks for a nickname only.
    const slug = req.url === "/nicknamed" ? nicknamed : event;
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(
      `<!doctype html><html lang="en"><title>Partner news</title><h1>Partner news</h1>` +
        `<iframe src="${baseURL}${embedPath(slug)}" title="Sign up" style="width:100%;min-height:1000px;border:0"></iframe></html>`,
    );
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

async function frameOf(page: Page, site: { origin: string }, path = "/"): Promise<FrameLocator> {
  await page.goto(site.origin + path);
  await expect(page.getByRole("heading", { name: "Partner news" })).toBeVisible();
  return page.frameLocator("iframe");
}

async function fill(scope: Page | FrameLocator, name: string, email: string) {
  await scope.getByLabel("Name or nickname").fill(name);
  await scope.getByLabel("Email", { exact: true }).fill(email);
  await scope.getByLabel(/may contact me about future actions/).check();
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser }: { browser: Browser }) => {
  test.setTimeout(120_000);
  // The organizer sets up a campaign whose partner site at the first origin may show its sign-ups.
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await logIn(page, "organizer@picket.example");
  const campaigns = new CampaignEditor(page);
  await campaigns.gotoNew(ORG);
  campaign = await campaigns.create({
    title: `Embedded sign-ups ${unique()}`,
    kind: "embassy_protest",
    summary: "Sign up from a partner's page.",
    signupOrigins: allowed.origin,
  });
  const day = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
  const events = new EventEditor(page);
  await events.gotoNew(ORG, campaign);
  event = await events.create({
    title: eventTitle,
    kind: "protest",
    country: "GB",
    city: "London",
    venue: "Consulate",
    address: "1 Example Street",
    startsLocal: `${day}T12:00`,
    endsLocal: `${day}T14:00`,
    capacity: "30",
  });
  await events.gotoNew(ORG, campaign);
  nicknamed = await events.create({
    title: `Vigil ${unique()}`,
    kind: "vigil",
    country: "GB",
    city: "London",
    venue: "Square",
    startsLocal: `${day}T18:00`,
    endsLocal: `${day}T19:00`,
    signupMode: "pseudonymous",
  });
  await campaigns.goto(ORG, campaign);
  await campaigns.publish();
  await context.close();
  servers.push(await partnerSite(allowed.port), await partnerSite(other.port));
});

test.afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});

test("the embed names exactly the campaign's sites in its policy; every other page still refuses frames", async ({ request }) => {
  const embed = await request.get(embedPath());
  expect(embed.status()).toBe(200);
  const csp = embed.headers()["content-security-policy"] ?? "";
  expect(csp).toContain(`frame-ancestors ${allowed.origin};`);
  expect(csp).toContain("script-src 'none'");
  expect(embed.headers()["x-frame-options"]).toBeUndefined();
  // Kept for the next reader with the same policy.
  const again = await request.get(embedPath());
  expect(again.headers()["x-picket-cache"]).toBe("hit");
  expect(again.headers()["content-security-policy"]).toBe(csp);
  const html = await again.text();
  expect(html).not.toContain("<script");

  for (const address of [`/c/${campaign}/${event}`, `/c/${campaign}`, "/login", `/embed/c/${campaign}`]) {
    const res = await request.get(address);
    expect(res.headers()["x-frame-options"], address).toBe("DENY");
    expect(res.headers()["content-security-policy"], address).toContain("frame-ancestors 'none'");
  }
  // An address that is no event's embed refuses every frame too.
  const missing = await request.get(`/embed/c/${campaign}/no-such-event`);
  expect(missing.status()).toBe(404);
  expect(missing.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
});

test("the frame shows on the allowed partner's page and is refused on another; a sign-up through it reaches the attendee list", async ({ page, browser }) => {
  test.setTimeout(90_000);
  // The other partner's page: Chromium refuses to show the frame (its policy names another site).
  const refusals: string[] = [];
  page.on("console", (m) => {
    if (m.text().includes("frame-ancestors")) refusals.push(m.text());
  });
  const refusedFrame = await frameOf(page, other);
  await expect.poll(() => refusals.length, { timeout: 15_000 }).toBeGreaterThan(0);
  expect(refusals[0]).toContain(`frame-ancestors ${allowed.origin}`);
  await expect(refusedFrame.getByRole("heading", { name: eventTitle })).toHaveCount(0);
  await expect(refusedFrame.locator("form")).toHaveCount(0);

  // The allowed partner's page: the event's summary and its form, in the frame.
  const frame = await frameOf(page, allowed);
  await expect(frame.getByRole("heading", { name: eventTitle })).toBeVisible();
  await expect(frame.getByTestId("event-time")).toContainText("London");
  await expect(frame.getByTestId("places")).toContainText("30 places left");
  await expect(frame.getByTestId("powered-by")).toHaveAttribute("target", "_blank");
  await expect(frame.getByTestId("powered-by")).toHaveAttribute("href", `/en/c/${campaign}/${event}`);

  // A mistake first: the frame answers with the messages and what was typed, without a cookie.
  const person = newPerson("Embedded");
  await fill(frame, person.name, "not-an-address");
  await frame.getByRole("button", { name: "Sign up" }).click();
  await expect(frame.locator("#email-error")).toBeVisible();
  await expect(frame.getByLabel("Name or nickname")).toHaveValue(person.name);
  await expect(frame.getByLabel("Email", { exact: true })).toHaveValue("not-an-address");

  await frame.getByLabel("Email", { exact: true }).fill(person.email);
  await frame.getByRole("button", { name: "Sign up" }).click();
  await expect(frame.getByTestId("signed-up")).toContainText(messages.signups.done.confirmedTitle);
  // Still in the frame, on the partner's page.
  expect(new URL(page.url()).origin).toBe(allowed.origin);
  expect(page.frames().some((f) => f.url().startsWith(`${baseURL}/en${embedPath()}?signup=confirmed`))).toBe(true);

  const organizer = await browser.newContext({ baseURL });
  const dashboard = await organizer.newPage();
  await logIn(dashboard, "organizer@picket.example");
  await dashboard.goto(`/dashboard/${ORG}/campaigns/${campaign}/events/${event}/attendees`);
  await expect(dashboard.getByTestId("attendee-rows")).toContainText(person.name);
  await organizer.close();
});

test("without JavaScript, the embed opened by itself signs up the same way, keeping what was typed after a mistake", async ({ browser }) => {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(embedPath());
  await expect(page.getByRole("heading", { name: eventTitle })).toBeVisible();
  expect(await page.locator("script").count()).toBe(0);

  const person = newPerson("Scriptless");
  await fill(page, person.name, "");
  const refused = page.waitForResponse((r) => r.request().method() === "POST");
  await page.getByRole("button", { name: "Sign up" }).click();
  expect((await refused).status()).toBe(422);
  await expect(page.locator("#email-error")).toBeVisible();
  await expect(page.getByLabel("Name or nickname")).toHaveValue(person.name);
  await expect(page.getByLabel(/may contact me about future actions/)).toBeChecked();

  await page.getByLabel("Email", { exact: true }).fill(person.email);
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page).toHaveURL(new RegExp(`/en${embedPath()}\\?signup=confirmed$`));
  await expect(page.getByTestId("signed-up")).toBeVisible();
  await context.close();
});

test("a nickname's private link, which has no email to go by, is shown once in the frame itself", async ({ page }) => {
  const frame = await frameOf(page, allowed, "/nicknamed");
  await frame.getByLabel("Nickname").fill(`Owl ${unique()}`);
  await frame.getByRole("button", { name: "Sign up" }).click();
  const shown = frame.getByTestId("shown-link");
  await expect(shown).toBeVisible();
  const link = await shown.getByRole("link").getAttribute("href");
  expect(link).toMatch(new RegExp(`^${baseURL}/s/[A-Za-z0-9_-]{20,}$`));
  // The private page refuses frames: the link opens a tab of its own.
  await expect(shown.getByRole("link")).toHaveAttribute("target", "_blank");
});

test("the dashboard gives the code to paste and the sites that may show it", async ({ browser }) => {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await logIn(page, "organizer@picket.example");
  await page.goto(`/dashboard/${ORG}/campaigns/${campaign}/events/${event}`);
  const panel = page.getByTestId("embed-panel");
  await expect(page.getByLabel("Code to paste")).toHaveValue(
    `<iframe src="${baseURL}${embedPath()}" title="Sign up: ${eventTitle}" style="width:100%;min-height:1000px;border:0" loading="lazy"></iframe>`,
  );
  await expect(panel.getByTestId("embed-origins")).toHaveText(allowed.origin);

  // The organizer lists the second partner too: the kept embed is outdated, and its next copy names both.
  await expect.poll(async () => (await page.request.get(embedPath())).headers()["x-picket-cache"]).toBe("hit");
  const campaigns = new CampaignEditor(page);
  await campaigns.goto(ORG, campaign);
  await campaigns.save({ signupOrigins: `${allowed.origin}\n${other.origin}` });
  await expect(campaigns.flash).toHaveText(editor.editor.campaign.saved);
  // Well within the kept page's lifetime (30 s): the campaign's change itself outdated it.
  let changed = await page.request.get(embedPath());
  await expect
    .poll(
      async () => {
        changed = await page.request.get(embedPath());
        return changed.headers()["content-security-policy"];
      },
      { timeout: 5_000 },
    )
    .toContain(`frame-ancestors ${allowed.origin} ${other.origin};`);
  expect(["miss", "hit"]).toContain(changed.headers()["x-picket-cache"]);
  const frame = await frameOf(page, other);
  await expect(frame.getByRole("heading", { name: eventTitle })).toBeVisible();
  await context.close();
});
