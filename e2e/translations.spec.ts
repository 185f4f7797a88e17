import { expect, test } from "@playwright/test";
import { translator } from "./support/messages";
import { logIn } from "./support/auth";
import { unique } from "./support/data";

const ORG = "campaign-kazakhstan";
const de = translator("de");

test("an organizer translates a campaign and an event; a German reader gets the translation and can open the original", async ({ browser }) => {
  test.setTimeout(120_000);
  const organizer = await browser.newContext({ locale: "en-GB" });
  const page = await organizer.newPage();
  await logIn(page, "organizer@picket.example");

  const title = `Aktionstag an den Botschaften ${unique()}`;
  await page.goto(`/dashboard/${ORG}/campaigns/embassy-day-of-action`);
  const panel = page
    .locator("section, div")
    .filter({ has: page.getByRole("heading", { name: "Translations" }) })
    .last();
  await panel.getByText("Add a translation").click();
  await panel.getByLabel("Language").selectOption("de");
  await panel.getByLabel("Title").fill("x");
  await panel.getByRole("button", { name: "Save translation" }).click();
  // Too short: the message is next to the field and nothing is stored.
  await expect(panel.getByText("This is too short.")).toBeVisible();
  await panel.getByLabel("Title").fill(title);
  await panel.getByLabel("Summary").fill("Freiheit für die Ölarbeiter von Schanaosen.");
  await panel.getByRole("button", { name: "Save translation" }).click();
  await expect(page.getByText("Translation saved.")).toBeVisible();
  await expect(page.getByTestId("translation-de")).toContainText(title);

  await page.goto(`/dashboard/${ORG}/campaigns/embassy-day-of-action/events/embassy-protest-london`);
  const eventPanel = page
    .locator("section, div")
    .filter({ has: page.getByRole("heading", { name: "Translations" }) })
    .last();
  await eventPanel.getByText("Add a translation").click();
  await eventPanel.getByLabel("Language").selectOption("de");
  await eventPanel.getByLabel("Title").fill("Protest vor der Botschaft in London");
  await eventPanel.getByRole("button", { name: "Save translation" }).click();
  await expect(page.getByText("Translation saved.")).toBeVisible();
  await organizer.close();

  const reader = await browser.newContext({ locale: "de-DE", javaScriptEnabled: false });
  const pub = await reader.newPage();
  await pub.goto("/c/embassy-day-of-action");
  await expect(pub.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(pub.getByRole("heading", { level: 1 }).locator("xpath=..")).toHaveAttribute("lang", "de");
  await expect(pub.getByText("Freiheit für die Ölarbeiter von Schanaosen.")).toBeVisible();
  await expect(pub.getByRole("link", { name: "Protest vor der Botschaft in London" })).toBeVisible();
  await pub.getByRole("link", { name: de("public.translation.showOriginal") }).click();
  await expect(pub).toHaveURL(/\?original=1$/);
  await expect(pub.getByRole("heading", { level: 1 })).toHaveText("Day of action at Kazakhstan's embassies");
  await expect(pub.getByText(de("public.translation.original"))).toBeVisible();

  await pub.goto("/c/embassy-day-of-action/embassy-protest-london");
  await expect(pub.getByRole("heading", { level: 1 })).toHaveText("Protest vor der Botschaft in London");
  // A reader of a language without a translation gets the original and no note.
  const english = await browser.newContext({ locale: "en-GB" });
  const en = await english.newPage();
  await en.goto("/c/embassy-day-of-action");
  await expect(en.getByRole("heading", { level: 1 })).toHaveText("Day of action at Kazakhstan's embassies");
  await expect(en.getByRole("link", { name: "Show the original" })).toHaveCount(0);
  await english.close();
  await reader.close();
});
