import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, logIn } from "./support/auth";

// On the day, on a phone: the demo's Warsaw protest, run by the partner organisation, has three confirmed sign-ups;
// the partner's coordinator, Lena, is given Warsaw (db/seed.ts).
test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

test("a coordinator finds the event, filters the list, checks people in on a flaky connection, undoes one and adds a walk-in", async ({ page, context }) => {
  test.setTimeout(120_000);
  await logIn(page, "partner-coordinator@picket.example", DEMO_PASSWORD, /\/dashboard\/workers-solidarity/);

  const row = page.locator('[data-testid="event-row"][data-event="embassy-protest-warsaw"]');
  await row.getByRole("link", { name: /^Attendees/ }).click();
  await expect(page.getByRole("heading", { name: "Attendees: Protest at the embassy in Warsaw" })).toBeVisible();
  const counts = page.getByTestId("attendee-counts");
  await expect(counts).toContainText("Confirmed3");
  await expect(counts).toContainText("Capacity40");

  await page.getByLabel("Role").selectOption("steward");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByTestId("attendee-rows").locator("tr")).toHaveCount(1);
  await page.getByRole("link", { name: "Reset" }).click();
  await expect(page).toHaveURL(/\/attendees$/);
  await expect(page.getByLabel("Role")).toHaveValue("");
  await page.getByLabel("Search name or email").fill("zofia");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByTestId("attendee-rows").locator("tr")).toHaveCount(1);
  await expect(page.getByTestId("attendee-rows")).toContainText("Zofia Wiśniewska");

  await page.getByRole("link", { name: "Check people in" }).click();
  const progress = page.getByTestId("checked-in-count");
  await expect(progress).toHaveText("0 of 3 checked in");
  const person = (name: string) => page.getByTestId("check-in-row").filter({ hasText: name });

  await person("Jan Kowalski").click();
  await expect(person("Jan Kowalski")).toHaveAttribute("aria-pressed", "true");
  await expect(progress).toHaveText("1 of 3 checked in");

  // The connection drops: the tap shows at once, marked as not yet saved, and is saved when it returns.
  await context.setOffline(true);
  await person("Zofia Wiśniewska").click();
  await expect(person("Zofia Wiśniewska")).toHaveAttribute("aria-pressed", "true");
  await expect(person("Zofia Wiśniewska")).toContainText("Not yet saved");
  await expect(page.getByTestId("unsaved")).toBeVisible();
  await context.setOffline(false);
  await expect(person("Zofia Wiśniewska")).toContainText("Checked in", { timeout: 30_000 });
  await expect(page.getByTestId("unsaved")).toHaveCount(0);
  await expect(progress).toHaveText("2 of 3 checked in");

  // Undo one: it asks first.
  await person("Zofia Wiśniewska").click();
  await page.getByRole("dialog").getByRole("button", { name: "Undo check-in" }).click();
  await expect(person("Zofia Wiśniewska")).toHaveAttribute("aria-pressed", "false");
  await expect(progress).toHaveText("1 of 3 checked in");

  // A walk-in at the door.
  await page.getByRole("button", { name: "Add someone at the door" }).click();
  await page.getByLabel("Name or nickname").fill("Ержан at the door");
  await page.getByRole("button", { name: "Add and check in" }).click();
  await expect(page.getByText("Ержан at the door was added and checked in.")).toBeVisible();
  await expect(person("Ержан at the door")).toHaveAttribute("aria-pressed", "true");
  await expect(progress).toHaveText("2 of 4 checked in");

  // Search at the door.
  await page.getByLabel("Find by name or email").fill("łukasz");
  await expect(page.getByTestId("check-in-row")).toHaveCount(1);

  // Saved on the server: a fresh load shows the same.
  await page.reload();
  await expect(progress).toHaveText("2 of 4 checked in");
  await page.goto("/dashboard/workers-solidarity/campaigns/embassy-day-of-action/events/embassy-protest-warsaw/attendees?checkedIn=yes");
  await expect(page.getByTestId("attendee-rows").locator("tr")).toHaveCount(2);
});

test("people outside the organisation get nothing from the lists or the check-in API", async ({ page, request }) => {
  const anonymous = await request.get("/dashboard/campaign-kazakhstan/campaigns/embassy-day-of-action/events/embassy-protest-warsaw/attendees", {
    maxRedirects: 0,
  });
  expect([302, 303, 307]).toContain(anonymous.status());
  const api = await page.request.post("/api/orgs/campaign-kazakhstan/signups/00000000-0000-4000-8000-000000000000/check-in", { data: { checkedIn: true } });
  expect(api.status()).toBe(404);
});
