import { expect, type Locator, type Page } from "@playwright/test";

export class LoginPage {
  readonly main: Locator;
  readonly heading: Locator;
  readonly email: Locator;
  readonly password: Locator;
  readonly code: Locator;
  readonly submit: Locator;
  /** The form's error message (role="alert" inside the page, not Next's route announcer). */
  readonly error: Locator;
  /** Success notices, such as "You are logged out." */
  readonly notice: Locator;

  constructor(readonly page: Page) {
    this.main = page.getByRole("main");
    this.heading = this.main.getByRole("heading", { level: 1, name: "Log in" });
    this.email = this.main.getByLabel("Email");
    this.password = this.main.getByLabel("Password", { exact: true });
    this.code = this.main.getByLabel("Code from your authenticator app");
    this.submit = this.main.getByRole("button", { name: "Log in", exact: true });
    this.error = this.main.getByRole("alert");
    this.notice = this.main.getByRole("status");
  }

  async goto(next?: string) {
    await this.page.goto(next ? `/login?next=${encodeURIComponent(next)}` : "/login");
    await expect(this.heading).toBeVisible();
  }

  /** Fills the form and submits it, returning once the server has answered (the form resets its password field then). */
  async logIn(email: string, password: string, code?: string) {
    await this.email.fill(email);
    await this.password.fill(password);
    if (code !== undefined) await this.code.fill(code);
    const answered = this.page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/login");
    await this.submit.click();
    await answered;
  }

  /** Submits credentials the server refuses; waits until the refusal is shown. */
  async logInExpectingError(email: string, password: string, message: string | RegExp) {
    await this.logIn(email, password);
    await expect(this.error).toHaveText(message);
    await expect(this.password).toHaveValue("");
    await expect(this.page).toHaveURL(/\/login(\?|$)/);
  }
}
