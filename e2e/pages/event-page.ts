import type { Page } from "@playwright/test";

export interface SignupDetails {
  name: string;
  email: string;
  phone?: string;
  role?: string;
  comment?: string;
  consent?: boolean;
}

/** The public event page and its sign-up form. */
export class EventPage {
  constructor(readonly page: Page) {}

  async open(campaign: string, event: string) {
    await this.page.goto(`/c/${campaign}/${event}`);
  }

  get time() {
    return this.page.getByTestId("event-time");
  }

  get readerTime() {
    return this.page.getByTestId("reader-time");
  }

  /** What the page says after a sign-up: the same whether or not the address was signed up already. */
  get signedUp() {
    return this.page.getByTestId("signed-up");
  }

  async fill(d: SignupDetails) {
    await this.page.getByLabel("Name or nickname").fill(d.name);
    await this.page.getByLabel("Email", { exact: true }).fill(d.email);
    if (d.phone !== undefined) await this.page.getByLabel("Phone (optional)").fill(d.phone);
    if (d.role) await this.page.getByLabel("Would you like to help as…").selectOption(d.role);
    if (d.comment) await this.page.getByLabel("Comment (optional)").fill(d.comment);
    if (d.consent) await this.page.getByLabel(/may contact me about future actions/).check();
  }

  async submit() {
    await this.page.getByRole("button", { name: /^(Sign up|Join the waitlist)$/ }).click();
  }

  async signUp(d: SignupDetails) {
    await this.fill(d);
    await this.submit();
  }

  fieldError(name: string) {
    return this.page.locator(`#${name}-error`);
  }
}

/** The supporter's private page, /s/{token}. */
export class OwnSignupPage {
  constructor(readonly page: Page) {}

  get status() {
    return this.page.getByTestId("signup-status");
  }

  /** A value in "What you told us". */
  detail(label: string) {
    return this.page.locator("dt", { hasText: label }).locator("xpath=following-sibling::dd[1]");
  }

  async cancel() {
    await this.page.getByText("Cancel my sign-up", { exact: true }).click();
    await this.page.getByRole("button", { name: "Yes, cancel my sign-up" }).click();
  }

  async erase() {
    await this.page.getByText("Erase my data", { exact: true }).click();
    await this.page.getByRole("button", { name: "Yes, erase everything" }).click();
  }
}
