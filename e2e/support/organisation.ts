import { expect, type Page } from "@playwright/test";
import { DashboardPage, InvitationPage, MembersPage, RegisterPage } from "../pages";
import { newOrganisationName, newPerson, type Person } from "./data";

/** An owner with a new organisation, on its Members page. */
export async function ownerWithOrganisation(page: Page) {
  const owner = newPerson("Owner");
  const orgName = newOrganisationName();
  const register = new RegisterPage(page);
  await register.goto();
  await register.registerAndConfirm(owner);
  await expect(page).toHaveURL(/\/dashboard\/new$/);
  const dashboard = new DashboardPage(page);
  const slug = await dashboard.createOrganisation(orgName);
  await dashboard.expectOrganisation(orgName, "Owner");
  await dashboard.tab("Members").click();
  await expect(page).toHaveURL(`/dashboard/${slug}/members`);
  const members = new MembersPage(page);
  await expect(members.heading).toBeVisible();
  return { owner, orgName, slug, members };
}

/** Someone without an account opens the link, registers from it and accepts. */
export async function joinThroughLink(page: Page, link: string, person: Person, orgName: string) {
  const invitation = new InvitationPage(page);
  await invitation.goto(link);
  await expect(invitation.lead).toHaveText(`You are invited to join ${orgName} as Coordinator.`);
  await expect(invitation.main.getByText("Log in or create an account to accept.")).toBeVisible();
  await invitation.createAccount.click();
  await expect(page).toHaveURL(`/register?next=${encodeURIComponent(new URL(link).pathname)}`);
  const register = new RegisterPage(page);
  await expect(register.heading).toBeVisible();
  await register.registerAndConfirm(person);
  // The `next` parameter brings the new account back to the invitation, through the email and the first login.
  await expect(page).toHaveURL(new URL(link).pathname);
  await invitation.accept.click();
}
