import { expect, test } from "@playwright/test";
import { loggedIn } from "./support/auth";

// Least privilege and every look on record. The demo's coordinator, Ewa, is given the protests in London and
// Brussels and the trial watch (db/seed.ts): the Berlin screening's list, export and API answer her 404, as if they
// did not exist, and the owner's access log shows what she read.

const ORG = "campaign-kazakhstan";
const CAMPAIGN = `/dashboard/${ORG}/campaigns/embassy-day-of-action`;

/** An event's id, from the owner's export form on its page. */
async function eventId(page: import("@playwright/test").Page, slug: string) {
  await page.goto(`${CAMPAIGN}/events/${slug}`);
  return page.getByTestId("export-form").locator('input[name="eventId"]').inputValue();
}

test("a coordinator scoped to London gets 404 for another event's list, export and API; the owner's access log shows her reads", async ({ browser }) => {
  test.setTimeout(120_000);
  const owner = await loggedIn(browser, "owner@picket.example", { viewport: { width: 360, height: 780 } });
  const screening = await eventId(owner.page, "screening-berlin");
  const london = await eventId(owner.page, "embassy-protest-london");

  const ewa = await loggedIn(browser, "coordinator@picket.example", { viewport: { width: 1280, height: 900 } });
  await test.step("London: the list and the API answer", async () => {
    await ewa.page.goto(`${CAMPAIGN}/events/embassy-protest-london/attendees`);
    await expect(ewa.page.getByRole("heading", { name: "Attendees: Protest at the embassy in London" })).toBeVisible();
    await expect(ewa.page.getByTestId("attendee-rows").locator("tr")).toHaveCount(2);
    const api = await ewa.page.request.get(`/api/orgs/${ORG}/events/${london}/attendees`);
    expect(api.status()).toBe(200);
    expect(((await api.json()) as { rows: unknown[] }).rows).toHaveLength(2);
  });

  await test.step("the Berlin screening: list, check-in, sheet, export and API are 404", async () => {
    for (const path of ["attendees", "check-in", "sheet"]) {
      expect((await ewa.page.request.get(`${CAMPAIGN}/events/screening-berlin/${path}`)).status(), path).toBe(404);
    }
    expect((await ewa.page.request.post(`/api/orgs/${ORG}/exports/attendees`, { form: { eventId: screening } })).status()).toBe(404);
    expect((await ewa.page.request.get(`/api/orgs/${ORG}/events/${screening}/attendees`)).status()).toBe(404);
    // The partner runs Berlin's protest: its list is not the lead's to give, nor hers to see.
    expect((await ewa.page.request.get(`${CAMPAIGN}/events/embassy-protest-berlin/attendees`)).status()).toBe(404);
    // The campaign's list holds only the cities she was given.
    await ewa.page.goto(`${CAMPAIGN}/attendees`);
    const rows = ewa.page.getByTestId("attendee-rows");
    await expect(rows).toContainText("London");
    await expect(rows).not.toContainText("Berlin");
  });

  await test.step("the owner's access log shows her reads, per person and per event", async () => {
    await owner.page.goto(`/dashboard/${ORG}/members`);
    await owner.page.getByRole("link", { name: "Access log of Ewa (coordinator)" }).click();
    await expect(owner.page.getByRole("heading", { level: 1, name: "Access log" })).toBeVisible();
    const entries = owner.page.getByTestId("access-row");
    await expect(entries.filter({ hasText: "Protest at the embassy in London" }).filter({ hasText: "List page" }).first()).toBeVisible();
    await expect(entries.filter({ hasText: "Protest at the embassy in London" }).filter({ hasText: "API read" }).first()).toBeVisible();
    await expect(entries.filter({ hasText: "Film screening" })).toHaveCount(0);
    await expect(entries.filter({ hasNotText: "Ewa (coordinator)" })).toHaveCount(0);
    // Per event: the screening has no read by her at all.
    const screeningLabel = "Day of action at Kazakhstan's embassies — Film screening and discussion: Zhanaozen, December 2011";
    await owner.page.getByLabel("Event").selectOption({ label: screeningLabel });
    await owner.page.getByRole("button", { name: "Show" }).click();
    await expect(owner.page.getByTestId("access-empty")).toHaveText("No reads match these filters.");
    // The page fits a phone: nothing wider than the screen.
    expect(await owner.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });

  await test.step("on the members page, on a phone, the owner gives her the screening and takes it back", async () => {
    await owner.page.goto(`/dashboard/${ORG}/members`);
    const row = owner.page.getByTestId("member-row").filter({ hasText: "Ewa (coordinator)" });
    await expect(row.getByTestId("member-scopes")).toContainText("City: London (GB)");
    const form = row.getByTestId("give-scope-form");
    await form.getByLabel("Event").selectOption({ label: "Film screening and discussion: Zhanaozen, December 2011" });
    await form.getByRole("button", { name: "Give" }).click();
    await expect(row.getByTestId("member-scopes")).toContainText("Event: Film screening and discussion: Zhanaozen, December 2011");
    expect((await ewa.page.request.get(`/api/orgs/${ORG}/events/${screening}/attendees`)).status()).toBe(200);
    await row.getByRole("button", { name: "Take back “Event: Film screening and discussion: Zhanaozen, December 2011” from Ewa (coordinator)" }).click();
    await expect(row.getByTestId("member-scopes")).not.toContainText("Event: Film screening and discussion: Zhanaozen, December 2011");
    expect((await ewa.page.request.get(`/api/orgs/${ORG}/events/${screening}/attendees`)).status()).toBe(404);
  });
  await ewa.context.close();
  await owner.context.close();
});
