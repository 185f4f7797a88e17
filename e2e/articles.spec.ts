import { expect, test } from "@playwright/test";
import { ArticleEditor, ArticleSearch, PublicCampaignPage } from "./pages";
import { logIn } from "./support/auth";
import { unique } from "./support/data";

const ORG = "campaign-kazakhstan";

test("an organizer adds an article, links it to a campaign and an event, and supporters find it there and by a Russian or an English word", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  await logIn(page, "organizer@picket.example");

  const id = unique().replace(/-/g, "");
  const english = `oilworkers${id}`;
  // Letters only, so the word is one token in every configuration.
  const russian = `нефтяники${id.replace(/\d/g, (d) => "абвгдежзий"[Number(d)]!)}`;
  const title = `Zhanaozen: the ${english} speak`;
  const editor = new ArticleEditor(page);
  await editor.gotoNew(ORG);
  await editor.create({
    url: `https://news.example/${id}`,
    title,
    publication: "Solidarity News",
    publishedOn: "2012-07-20",
    language: "ru",
    excerpt: `Показания: ${russian} рассказали о пытках.`,
  });

  await editor.linkTo("Campaign: Day of action at Kazakhstan's embassies");
  await editor.linkTo("Protest at the embassy in Berlin");
  await expect(editor.links()).toHaveCount(2);

  // The same address again opens the existing article instead of a second one.
  await editor.gotoNew(ORG);
  const form = page.getByTestId("article-form");
  await form.getByLabel("Web address").fill(`https://news.example/${id}`);
  await form.getByLabel("Title").fill("A duplicate");
  await form.getByRole("button", { name: "Add article" }).click();
  await expect(page.getByRole("main").getByText("Your library already has this address")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();

  // The library's own search.
  const rows = await editor.searchLibrary(ORG, russian);
  await expect(rows).toHaveCount(1);
  await expect(rows.first().locator("mark")).toHaveText(russian);

  // Supporters, without an account.
  const reader = await (await browser.newContext()).newPage();
  const campaign = new PublicCampaignPage(reader);
  await campaign.open("embassy-day-of-action");
  await expect(campaign.readMore.getByRole("link", { name: title })).toBeVisible();
  await expect(campaign.readMore).toContainText("Solidarity News");
  await campaign.open("embassy-day-of-action", "embassy-protest-berlin");
  await expect(campaign.readMore.getByRole("link", { name: title })).toBeVisible();

  const search = new ArticleSearch(reader);
  for (const word of [english, russian]) {
    const results = await search.search(word);
    await expect(results).toHaveCount(1);
    await expect(results.first()).toContainText(title);
    await expect(results.first().locator("mark").first()).toHaveText(word);
  }
  // The demo's report is found too.
  await expect(await search.search("repression")).not.toHaveCount(0);
});

test("a coordinator has no article library", async ({ page }) => {
  await logIn(page, "coordinator@picket.example");
  await expect(page.getByRole("navigation").getByRole("link", { name: "Articles" })).toHaveCount(0);
  const response = await page.goto(`/dashboard/${ORG}/articles`);
  expect(response?.status()).toBe(403);
});
