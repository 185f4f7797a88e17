import { expect, type Locator, type Page } from "@playwright/test";
import type { Person } from "../support/data";

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
}
