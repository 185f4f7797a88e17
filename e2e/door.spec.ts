import { expect, test } from "@playwright/test";
import { baseURL } from "../playwright.config";
import { CampaignEditor, EventEditor } from "./pages";
import { logIn } from "./support/auth";
import { unique } from "./support/data";
import { PHONE, expectNamesInFull, scrollsSideways } from "./support/phone";

// At the door of a full event, on a 360-px phone.
test.use(PHONE);

const ORG = "campaign-kazakhstan";
const LONG_NAME = "Айгерим Нұрсұлтанқызы Жұмабаева-Төлеубекова";
const LONG_EMAIL = `aigerim.nursultankyzy.zhumabayeva.toleubekova-${unique()}@solidarity-with-zhanaozen.example.org`;

async function signUp(campaign: string, event: string, name: string, email: string) {
  const res = await fetch(`${baseURL}/api/c/${campaign}/${event}/signups`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name, email }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { status: string };
}

test(
  "a full event at the door: waitlisted people are on the list and confirmed by checking in, " +
    "walk-ins are added, undo is deliberate and the count shows it",
  async ({ page }) => {
    test.setTimeout(90_000);
    await logIn(page, "organizer@picket.example");
    const campaigns = new CampaignEditor(page);
    await campaigns.gotoNew(ORG);
    const campaign = await campaigns.create({ title: `Courtroom seats ${unique()}`, kind: "trial_watch", summary: "Observers at the hearing." });
    const editor = new EventEditor(page);
    await editor.gotoNew(ORG, campaign);
    const event = await editor.create({
      title: "Hearing",
      kind: "hearing",
      country: "KZ",
      city: "Aktau",
      timeZone: "Asia/Aqtau",
      venue: "Aktau City Court",
      startsLocal: "2027-05-12T10:00",
      endsLocal: "2027-05-12T13:00",
      capacity: "1",
      waitlist: true,
    });
    await campaigns.goto(ORG, campaign);
    await campaigns.publish();

    expect(await signUp(campaign, event, "Dana Placed", `placed-${unique()}@example.org`)).toMatchObject({ status: "confirmed" });
    expect(await signUp(campaign, event, "Waiting Second", `second-${unique()}@example.org`)).toMatchObject({ status: "waitlisted" });
    expect(await signUp(campaign, event, LONG_NAME, LONG_EMAIL)).toMatchObject({ status: "waitlisted" });

    // From the event's page to its check-in.
    await editor.goto(ORG, campaign, event);
    await page.getByRole("link", { name: "Check people in" }).first().click();
    const progress = page.getByTestId("checked-in-count");
    const door = page.getByTestId("door-counts");
    await expect(progress).toHaveText("0 of 1 checked in");
    await expect(door).toHaveText("2 on the waitlist");
    const person = (name: string) => page.getByTestId("check-in-row").filter({ hasText: name });
    await expect(page.getByTestId("check-in-row")).toHaveCount(3);
    await expect(person(LONG_NAME)).toHaveAttribute("data-status", "waitlisted");
    await expect(person(LONG_NAME)).toContainText("On the waitlist: checking in confirms them");
    await expectNamesInFull(page);
    expect(await scrollsSideways(page)).toBe(false);

    // Checking in someone from the waitlist confirms them, apart from the capacity; a toast offers to undo.
    await person(LONG_NAME).click();
    const toast = page.getByTestId("check-in-toast");
    await expect(toast).toContainText(`${LONG_NAME} checked in. 1 of 2 checked in`);
    await expect(progress).toHaveText("1 of 2 checked in");
    await expect(door).toHaveText("1 on the waitlist · 1 confirmed at the door, apart from the capacity");
    await expect(person(LONG_NAME)).toHaveAttribute("aria-pressed", "true");
    await expect(person(LONG_NAME)).toHaveAttribute("data-status", "confirmed");
    await toast.getByRole("button", { name: "Undo" }).click();
    await expect(progress).toHaveText("0 of 1 checked in");
    await expect(toast).toContainText(`Check-in of ${LONG_NAME} undone.`);
    await expect(person(LONG_NAME)).toHaveAttribute("data-status", "waitlisted");
    await expect(door).toHaveText("2 on the waitlist");

    // A tap on a checked-in person asks before undoing.
    await person("Dana Placed").click();
    await expect(progress).toHaveText("1 of 1 checked in");
    await person("Dana Placed").click();
    const dialog = page.getByRole("dialog", { name: "Undo the check-in of Dana Placed?" });
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "Keep checked in" }).click();
    await expect(dialog).toBeHidden();
    await expect(person("Dana Placed")).toHaveAttribute("aria-pressed", "true");
    await expect(progress).toHaveText("1 of 1 checked in");
    await person("Dana Placed").click();
    await dialog.getByRole("button", { name: "Undo check-in" }).click();
    await expect(person("Dana Placed")).toHaveAttribute("aria-pressed", "false");
    await expect(progress).toHaveText("0 of 1 checked in");

    // The event is full; someone at the door is added all the same, counted apart.
    await page.getByRole("button", { name: "Add someone at the door" }).click();
    await page.getByLabel("Name or nickname").fill("Ержан at the door");
    await page.getByRole("button", { name: "Add and check in" }).click();
    await expect(page.getByText("Ержан at the door was added and checked in.")).toBeVisible();
    await expect(person("Ержан at the door")).toHaveAttribute("aria-pressed", "true");
    await expect(progress).toHaveText("1 of 2 checked in");
    await expect(door).toHaveText("2 on the waitlist · 1 confirmed at the door, apart from the capacity");

    // Saved: a fresh load shows the same, and the public page still counts one place, taken.
    await person("Waiting Second").click();
    await expect(progress).toHaveText("2 of 3 checked in");
    await page.reload();
    await expect(progress).toHaveText("2 of 3 checked in");
    await expect(door).toHaveText("1 on the waitlist · 2 confirmed at the door, apart from the capacity");
    await expectNamesInFull(page);
  },
);
