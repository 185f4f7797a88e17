import { expect, type Locator, type Page } from "@playwright/test";

/** /dashboard/{org}/mailbox: owners only. Without SMTP the messages are kept here. */
export class MailboxPage {
  readonly main: Locator;
  readonly heading: Locator;
  readonly noSmtpBanner: Locator;
  readonly rows: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.main = page.getByRole("main");
    this.heading = this.main.getByRole("heading", { level: 1, name: "Mailbox" });
    this.noSmtpBanner = this.main.getByTestId("mailbox-no-smtp");
    this.rows = this.main.getByTestId("mailbox-row");
    this.status = this.main.getByLabel("Status");
  }

  async goto(org: string, status?: string) {
    await this.page.goto(`/dashboard/${org}/mailbox${status ? `?status=${status}` : ""}`);
    await expect(this.heading).toBeVisible();
  }

  rowsTo(address: string): Locator {
    return this.rows.filter({ hasText: address });
  }

  /** The worker runs on an interval inside the server: reload until the row shows what is expected. */
  async waitFor(row: () => Locator, text: string | RegExp, timeout = 30_000) {
    await expect(async () => {
      await this.page.reload();
      await expect(row()).toContainText(text, { timeout: 1_000 });
    }).toPass({ timeout, intervals: [500, 1_000, 2_000] });
  }
}

/** /dashboard/{org}/campaigns/{campaign}/events/{event}/message: organizers and owners. */
export class AttendeeMessagePage {
  readonly main: Locator;
  readonly heading: Locator;
  readonly form: Locator;
  readonly subject: Locator;
  readonly body: Locator;
  readonly audience: Locator;
  readonly role: Locator;
  readonly preview: Locator;
  readonly count: Locator;
  readonly text: Locator;

  constructor(readonly page: Page) {
    this.main = page.getByRole("main");
    this.heading = this.main.getByRole("heading", { level: 1, name: "Message to attendees" });
    this.form = this.main.getByTestId("attendee-message-form");
    this.subject = this.form.getByLabel("Subject");
    this.body = this.form.getByLabel("Message");
    this.audience = this.form.getByLabel("Send to");
    this.role = this.form.getByLabel("Role");
    this.preview = this.form.getByRole("button", { name: "Preview" });
    this.count = this.form.getByTestId("attendee-message-count");
    this.text = this.form.getByTestId("attendee-message-text");
  }

  sendButton(count: number): Locator {
    return this.form.getByRole("button", { name: `Send to ${count} ${count === 1 ? "person" : "people"}` });
  }

  /** The confirmation dialog's button. */
  get confirm(): Locator {
    return this.page.getByRole("dialog").getByRole("button", { name: "Send now" });
  }
}
