import { expect, type Locator, type Page } from "@playwright/test";
import type { Person } from "../support/data";
import { waitForMail } from "../support/inbox";

export class RegisterPage {
  readonly main: Locator;
  readonly heading: Locator;
  readonly name: Locator;
  readonly email: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.main = page.getByRole("main");
    this.heading = this.main.getByRole("heading", { level: 1, name: "Create your account" });
    this.name = this.main.getByLabel("Name");
    this.email = this.main.getByLabel("Email");
    this.password = this.main.getByLabel("Password");
    this.submit = this.main.getByRole("button", { name: "Create account" });
    this.error = this.main.getByRole("alert");
  }

  async goto(next?: string) {
    await this.page.goto(next ? `/register?next=${encodeURIComponent(next)}` : "/register");
    await expect(this.heading).toBeVisible();
  }

  async fill(person: Person) {
    await this.name.fill(person.name);
    await this.email.fill(person.email);
    await this.password.fill(person.password);
  }

  /** Fills and submits; the caller asserts where the person lands. */
  async register(person: Person) {
    await this.fill(person);
    await this.submit.click();
  }

  /**
   * Registers as a new person would: the form, the link in the email, the confirmation, then the first login.
   * Ends logged in, wherever the login sends the person (the `next` the form had, else the dashboard).
   */
  async registerAndConfirm(person: Person) {
    await this.register(person);
    await expect(this.page).toHaveURL("/register/sent");
    await expect(this.main.getByRole("status")).toContainText("Open the link in that email");
    const [mail] = await waitForMail(person.email);
    const link = mail!.text.match(/https?:\/\/[^\s]+\/register\/confirm\/[A-Za-z0-9_-]{43}/)?.[0];
    expect(link, "the confirmation link in the email").toBeTruthy();
    await this.page.goto(link!);
    await this.main.getByRole("button", { name: "Confirm and create my account" }).click();
    await expect(this.page).toHaveURL(/\/login\?registered=1/);
    await this.main.getByLabel("Email").fill(person.email);
    await this.main.getByLabel("Password", { exact: true }).fill(person.password);
    await this.main.getByRole("button", { name: "Log in", exact: true }).click();
    await expect(this.page).not.toHaveURL(/\/login/);
  }
}
