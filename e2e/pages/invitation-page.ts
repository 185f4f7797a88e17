import { expect, type Locator, type Page } from "@playwright/test";

/** /invite/{token}: what the holder of an invitation link sees. */
export class InvitationPage {
  readonly main: Locator;
  readonly heading: Locator;
  readonly lead: Locator;
  readonly createAccount: Locator;
  readonly logIn: Locator;
  readonly accept: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.main = page.getByRole("main");
    this.heading = this.main.getByRole("heading", { level: 1, name: "Invitation" });
    this.lead = this.main.getByText(/^You are invited to join /);
    this.createAccount = this.main.getByRole("link", { name: "Create an account" });
    this.logIn = this.main.getByRole("link", { name: "Log in" });
    this.accept = this.main.getByRole("button", { name: "Accept and join" });
    this.error = this.main.getByRole("alert");
  }

  async goto(link: string) {
    await this.page.goto(link);
    await expect(this.heading).toBeVisible();
  }
}
