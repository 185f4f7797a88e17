import { expect, test, type Locator } from "@playwright/test";
import { PublicCampaignPage } from "./pages";
import { logIn } from "./support/auth";
import { unique } from "./support/data";

const ORG = "campaign-kazakhstan";
const TRIAL = "zhanaozen-trial-watch";

test("the trial watch timeline shows a postponed hearing with both dates and the reason, a verdict, and the internal defendant only to members", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  const reader = await (await browser.newContext({ timezoneId: "Asia/Almaty" })).newPage();
  const campaign = new PublicCampaignPage(reader);
  await campaign.open(TRIAL);

  const postponed = campaign.timelineItem("Hearing: closing speeches");
  await expect(postponed).toContainText("Postponed");
  await expect(postponed.getByText(/^Was set for /)).toBeVisible();
  await expect(postponed).toContainText("Reason: The judge adjourned the hearing");
  await expect(postponed.locator("time")).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}T/);

  const verdict = campaign.timelineItem("Sentences handed down for the first group of oil workers");
  await expect(verdict).toContainText("Verdict");
  await expect(campaign.timelineItem("Kazakhstan: Bloody, corrupt regime")).toContainText("Article");

  // Newest first.
  const dates = await campaign.timeline
    .locator("time[datetime]")
    .evaluateAll((els) => els.map((e) => Date.parse(e.getAttribute("datetime")!)).filter((n) => !Number.isNaN(n)));
  expect(dates).toEqual([...dates].sort((a, b) => b - a));

  await expect(campaign.cases).toContainText("Roza Tuletayeva");
  await expect(campaign.main).not.toContainText("Aset Zhaksylykov");
  await expect(campaign.main).not.toContainText("Internal:");

  // The case filter.
  await campaign.caseFilter("Vadim Kuramshin").click();
  await expect(campaign.caseFilter("Vadim Kuramshin")).toHaveAttribute("aria-current", "true");
  await expect(campaign.timelineItem("Hearing: the retrial of Vadim Kuramshin")).toBeVisible();
  await expect(campaign.timelineItem("Hearing: closing speeches")).toHaveCount(0);

  // The feed.
  const feed = await reader.request.get(`/c/${TRIAL}/feed.xml`);
  expect(feed.headers()["content-type"]).toContain("application/atom+xml");
  expect(await feed.text()).toContain("Sentences handed down for the first group of oil workers");

  // A member sees the internal defendant, and posts an update that appears on the public timeline.
  await logIn(page, "organizer@picket.example");
  await page.goto(`/dashboard/${ORG}/campaigns/${TRIAL}/trial`);
  const internal = page.getByTestId("defendant").filter({ hasText: "Aset Zhaksylykov" });
  await expect(internal).toContainText("Internal");

  const title = `Released on bail ${unique()}`;
  const form = page.getByTestId("update-form");
  await form.getByLabel("Title").fill(title);
  await form.getByLabel("Text (optional)").fill("T. K. is **home**.");
  await form.getByRole("button", { name: "Post update" }).click();
  await expect(form.getByRole("status")).toHaveText("Update posted.");
  await expect(page.getByTestId("case-update").filter({ hasText: title })).toBeVisible();

  await campaign.open(TRIAL);
  await expect(campaign.timelineItem(title)).toContainText("T. K. is home.");
  await expect(campaign.timelineItem(title).locator("strong")).toHaveText("home");

  // The update is corrected, then made internal: the timeline shows the correction, then no longer the update.
  const corrected = `${title}, pending appeal`;
  const edit = async (change: (form: Locator) => Promise<void>, name: string) => {
    await page.goto(`/dashboard/${ORG}/campaigns/${TRIAL}/trial`);
    const item = page.getByTestId("case-update").filter({ hasText: name });
    await item.getByText("Edit update").click();
    const form = item.getByTestId("update-edit-form");
    await expect(form.getByLabel("Title")).toHaveValue(name);
    await change(form);
    await form.getByRole("button", { name: "Save update" }).click();
    await expect(form.getByRole("status")).toHaveText("Update saved.");
  };
  await edit((form) => form.getByLabel("Title").fill(corrected), title);
  await campaign.open(TRIAL);
  await expect(campaign.timelineItem(corrected)).toContainText("T. K. is home.");
  await edit((form) => form.getByLabel("Public", { exact: true }).uncheck(), corrected);
  await campaign.open(TRIAL);
  await expect(campaign.timelineItem(corrected)).toHaveCount(0);
  await expect(campaign.timelineItem(title)).toHaveCount(0);
});
