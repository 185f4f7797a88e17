import { expect, type Locator, type Page } from "@playwright/test";

/** A public campaign page: Read more, and for a trial watch its cases and timeline. */
export class PublicCampaignPage {
  readonly main: Locator;
  readonly readMore: Locator;
  readonly timeline: Locator;
  readonly cases: Locator;

  constructor(readonly page: Page) {
    this.main = page.getByRole("main");
    this.readMore = this.main.getByTestId("read-more");
    this.timeline = this.main.getByRole("region", { name: "Timeline" });
    this.cases = this.main.getByRole("region", { name: "The cases" });
  }

  async open(campaign: string, event?: string) {
    await this.page.goto(event ? `/c/${campaign}/${event}` : `/c/${campaign}`);
    await expect(this.main.getByRole("heading", { level: 1 })).toBeVisible();
  }

  /** A case in the timeline's filter ("All cases" shows every one). */
  caseFilter(name: string) {
    return this.timeline.getByRole("navigation").getByRole("link", { name, exact: true });
  }

  timelineItem(text: string | RegExp) {
    return this.timeline.getByRole("listitem").filter({ hasText: text });
  }
}
