import { expect, type Locator, type Page } from "@playwright/test";

type RoleLabel = "Owner" | "Organizer" | "Coordinator";

/** /dashboard/{slug}/members: owners only. */
export class MembersPage {
  readonly main: Locator;
  readonly heading: Locator;
  readonly inviteForm: Locator;
  readonly role: Locator;
  readonly note: Locator;
  readonly createInvitationButton: Locator;
  readonly invitationLink: Locator;
  readonly memberRows: Locator;
  readonly invitationsCard: Locator;
  readonly invitations: Locator;

  constructor(readonly page: Page) {
    this.main = page.getByRole("main");
    this.heading = this.main.getByRole("heading", { level: 1, name: "Members" });
    this.createInvitationButton = this.main.getByRole("button", { name: "Create invitation link" });
    this.inviteForm = this.main.locator("form").filter({ has: page.getByRole("button", { name: "Create invitation link" }) });
    this.role = this.inviteForm.getByLabel("Role", { exact: true });
    this.note = this.inviteForm.getByLabel("Note for yourself (optional)");
    this.invitationLink = this.main.getByTestId("invitation-link");
    this.memberRows = this.main.getByTestId("member-row");
    this.invitationsCard = this.main.locator("section").filter({ has: page.getByRole("heading", { name: "Invitations", exact: true }) });
    this.invitations = this.invitationsCard.getByRole("listitem");
  }

  async goto(slug: string) {
    const response = await this.page.goto(`/dashboard/${slug}/members`);
    await expect(this.heading).toBeVisible();
    return response;
  }

  memberRow(name: string): Locator {
    return this.memberRows.filter({ hasText: name });
  }

  /** Creates an invitation and returns the link, which is shown once. */
  async createInvitation(role: RoleLabel, note?: string): Promise<string> {
    await this.role.selectOption({ label: role });
    if (note !== undefined) await this.note.fill(note);
    await this.createInvitationButton.click();
    await expect(this.main.getByRole("status").filter({ hasText: "Invitation link created" })).toBeVisible();
    await expect(this.invitationLink).toHaveValue(/\/invite\/[A-Za-z0-9_-]{20,}$/);
    return this.invitationLink.inputValue();
  }
}
