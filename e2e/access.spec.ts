import { expect, test } from "@playwright/test";
import { loggedIn } from "./support/auth";

// Least privilege and every look on record. The demo's coordinator, Ewa, is given the protests in Berlin and Warsaw
// and the trial watch (db/seed.ts): London's list, export and API answer her 404, as if they did not exist, and the
// owner's access log shows what she read.

const ORG = "campaign-kazakhstan";
const CAMPAIGN = `/dashboard/${ORG}/campaigns/embassy-day-of-action`;

/** An event's id, from the owner's export form on its page. */
async function eventId(page: import("@playwright/test").Page, slug: string) {
  await page.goto(`${CAMPAIGN}/events/${slug}`);
  return page.getByTestId("export-form").locator('input[name="eventId"]').inputValue();
}

test("a coordinator scoped to Berlin gets 404 for London's list, export and API; the owner's access log shows her reads", async ({ browser }) => {
  test.setTimeout(120_000);
  const owner = await loggedIn(browser, "owner@picket.example", { viewport: { width: 360, height: 780 } });
  const london = await eventId(owner.page, "embassy-protest-london");
  const berlin = await eventId(owner.page, "embassy-protest-berlin");

  const ewa = await loggedIn(browser, "coordinator@picket.example", { viewport: { width: 1280, height: 900 } });
  await test.step("Berlin: the list and the API answer", async () => {
    await ewa.page.goto(`${CAMPAIGN}/events/embassy-protest-berlin/attendees`);
    await expect(ewa.page.getByRole("heading", { name: "Attendees: Protest at the embassy in Berlin" })).toBeVisible();
    await expect(ewa.page.getByTestId("attendee-rows").locator("tr")).toHaveCount(3);
    const api = await ewa.page.request.get(`/api/orgs/${ORG}/events/${berlin}/attendees`);
    expect(api.status()).toBe(200);
    expect(((await api.json()) as { rows: unknown[] }).rows).toHaveLength(3);
  });

  await test.step("London: list, check-in, sheet, export and API are 404", async () => {
    for (const path of ["attendees", "check-in", "sheet"]) {
      expect((await ewa.page.request.get(`${CAMPAIGN}/events/embassy-protest-london/${path}`)).status(), path).toBe(404);
    }
    expect((await ewa.page.request.post(`/api/orgs/${ORG}/exports/attendees`, { form: { eventId: london } })).status()).toBe(404);
    expect((await ewa.page.request.get(`/api/orgs/${ORG}/events/${london}/attendees`)).status()).toBe(404);
    // The campaign's list holds only the cities she was given.
    await ewa.page.goto(`${CAMPAIGN}/attendees`);
    const rows = ewa.page.getByTestId("attendee-rows");
    await expect(rows).toContainText("Berlin");
    await expect(rows).not.toContainText("London");
  });

  await test.step("the owner's access log shows her reads, per person and per event", async () => {
    await owner.page.goto(`/dashboard/${ORG}/members`);
    await owner.page.getByRole("link", { name: "Access log of Ewa (coordinator)" }).click();
    await expect(owner.page.getByRole("heading", { level: 1, name: "Access log" })).toBeVisible();
    const entries = owner.page.getByTestId("access-row");
    await expect(entries.filter({ hasText: "Protest at the embassy in Berlin" }).filter({ hasText: "List page" }).first()).toBeVisible();
    await expect(entries.filter({ hasText: "Protest at the embassy in Berlin" }).filter({ hasText: "API read" }).first()).toBeVisible();
    await expect(entries.filter({ hasText: "Protest at the embassy in London" })).toHaveCount(0);
    await expect(entries.filter({ hasNotText: "Ewa (coordinator)" })).toHaveCount(0);
    // Per event: London has no read by her at all.
    await owner.page.getByLabel("Event").selectOption({ label: "Day of action at Kazakhstan's embassies — Protest at the embassy in London" });
    await owner.page.getByRole("button", { name: "Show" }).click();
    await expect(owner.page.getByTestId("access-empty")).toHaveText("No reads match these filters.");
    // The page fits a phone: nothing wider than the screen.
    expect(await owner.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });

  await test.step("on the members page, on a phone, the owner gives her London and takes it back", async () => {
    await owner.page.goto(`/dashboard/${ORG}/members`);
    const row = owner.page.getByTestId("member-row").filter({ hasText: "Ewa (coordinator)" });
    await expect(row.getByTestId("member-scopes")).toContainText("City: Berlin (DE)");
    const form = row.getByTestId("give-scope-form");
    await form.getByLabel("Event").selectOption({ label: "Protest at the embassy in London" });
    await form.getByRole("button", { name: "Give" }).click();
    await expect(row.getByTestId("member-scopes")).toContainText("Event: Protest at the embassy in London");
    expect((await ewa.page.request.get(`/api/orgs/${ORG}/events/${london}/attendees`)).status()).toBe(200);
    await row.getByRole("button", { name: "Take back “Event: Protest at the embassy in London” from Ewa (coordinator)" }).click();
    await expect(row.getByTestId("member-scopes")).not.toContainText("Event: Protest at the embassy in London");
    expect((await ewa.page.request.get(`/api/orgs/${ORG}/events/${london}/attendees`)).status()).toBe(404);
  });
  await ewa.context.close();
  await owner.context.close();
});
