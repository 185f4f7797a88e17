import { expect, type Locator, type Page } from "@playwright/test";

/** Any page under /dashboard: the header (organisation switcher, log out), the organisation's tabs and the overview. */
export class DashboardPage {
  readonly header: Locator;
  readonly orgSwitcher: Locator;
  readonly orgSwitcherSummary: Locator;
  readonly accountName: Locator;
  readonly logOutButton: Locator;
  readonly nav: Locator;
  readonly main: Locator;
  readonly heading: Locator;
  readonly yourRole: Locator;
  readonly notice: Locator;

  constructor(readonly page: Page) {
    this.header = page.getByRole("banner");
    this.orgSwitcher = this.header.getByTestId("org-switcher");
    this.orgSwitcherSummary = this.orgSwitcher.locator("summary");
    this.accountName = this.header.getByTestId("account-name");
    this.logOutButton = this.header.getByRole("button", { name: "Log out" });
    this.nav = page.getByRole("navigation", { name: "Organisation" });
    this.main = page.getByRole("main");
    this.heading = this.main.getByRole("heading", { level: 1 });
    this.yourRole = this.main.getByText(/^Your role: /);
    this.notice = this.main.getByRole("status");
  }

  tab(name: "Overview" | "Members"): Locator {
    return this.nav.getByRole("link", { name, exact: true });
  }

  async gotoOrganisation(slug: string) {
    return this.page.goto(`/dashboard/${slug}`);
  }

  /** The organisation switcher lists the person's organisations; opening it is a click on its summary. */
  async openOrgSwitcher() {
    if (!(await this.orgSwitcher.evaluate((d: HTMLDetailsElement) => d.open))) await this.orgSwitcherSummary.click();
    await expect(this.orgSwitcher).toHaveJSProperty("open", true);
    return this.orgSwitcher.getByRole("link");
  }

  async switchTo(orgName: string) {
    await this.openOrgSwitcher();
    await this.orgSwitcher.getByRole("link", { name: orgName, exact: true }).click();
  }

  async expectOrganisation(orgName: string, role: "Owner" | "Organizer" | "Coordinator") {
    await expect(this.heading).toHaveText(orgName);
    await expect(this.yourRole).toHaveText(`Your role: ${role}`);
    await expect(this.orgSwitcherSummary).toContainText(orgName);
  }

  /** On /dashboard/new: creates an organisation and returns its slug, read from the address it lands on. */
  async createOrganisation(name: string): Promise<string> {
    await expect(this.main.getByRole("heading", { level: 1, name: "Create an organisation" })).toBeVisible();
    await this.main.getByLabel("Name", { exact: true }).fill(name);
    await this.main.getByRole("button", { name: "Create organisation" }).click();
    await expect(this.page).toHaveURL((url) => /^\/dashboard\/[a-z0-9-]+$/.test(url.pathname) && url.pathname !== "/dashboard/new");
    await expect(this.heading).toHaveText(name);
    return new URL(this.page.url()).pathname.split("/")[2]!;
  }

  async logOut() {
    await this.logOutButton.click();
    await expect(this.page).toHaveURL(/\/login\?loggedOut=1$/);
  }
}
