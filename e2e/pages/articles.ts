import { expect, type Locator, type Page } from "@playwright/test";

/** The organisation's article library and one article's page. */
export class ArticleEditor {
  readonly main: Locator;

  constructor(readonly page: Page) {
    this.main = page.getByRole("main");
  }

  async gotoNew(org: string) {
    await this.page.goto(`/dashboard/${org}/articles/new`);
    await expect(this.main.getByRole("heading", { level: 1, name: "Add an article" })).toBeVisible();
  }

  /** Fills and saves the new-article form; returns the article page's address. */
  async create(fields: { url: string; title: string; publication?: string; publishedOn?: string; language?: string; excerpt?: string }) {
    const form = this.main.getByTestId("article-form");
    await form.getByLabel("Web address").fill(fields.url);
    await form.getByLabel("Title").fill(fields.title);
    if (fields.publication) await form.getByLabel("Publication (optional)").fill(fields.publication);
    if (fields.publishedOn) await form.getByLabel("Published on (optional)").fill(fields.publishedOn);
    if (fields.language) await form.getByLabel("Language (optional)").fill(fields.language);
    if (fields.excerpt) await form.getByLabel("Excerpt (optional)").fill(fields.excerpt);
    await form.getByRole("button", { name: "Add article" }).click();
    await expect(this.main.getByRole("heading", { level: 1, name: fields.title })).toBeVisible();
    return new URL(this.page.url()).pathname;
  }

  /** Links the open article to the option whose text contains `text` (a campaign or an event). */
  async linkTo(text: string, position = "") {
    const form = this.main.getByTestId("link-form");
    const select = form.getByLabel("Link to");
    const value = await select.locator("option", { hasText: text }).first().getAttribute("value");
    await select.selectOption(value!);
    await form.getByLabel("Order (optional)").fill(position);
    await form.getByRole("button", { name: "Link", exact: true }).click();
    await expect(form.getByRole("status")).toHaveText("Linked.");
  }

  links() {
    return this.main.getByTestId("article-link");
  }

  async searchLibrary(org: string, q: string) {
    await this.page.goto(`/dashboard/${org}/articles`);
    await this.main.getByLabel("Search the library").fill(q);
    await this.main.getByRole("button", { name: "Search" }).click();
    await expect(this.main.getByTestId("library-results")).toBeVisible();
    return this.main.getByTestId("article-row");
  }
}

/** The public article search at /articles. */
export class ArticleSearch {
  readonly main: Locator;

  constructor(readonly page: Page) {
    this.main = page.getByRole("main");
  }

  async search(q: string) {
    await this.page.goto("/articles");
    await this.main.getByLabel("Search articles").fill(q);
    await this.main.getByRole("button", { name: "Search" }).click();
    await expect(this.main.getByTestId("search-results")).toBeVisible();
    return this.main.getByTestId("search-result");
  }
}
