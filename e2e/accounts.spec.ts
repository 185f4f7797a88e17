import { expect, test } from "@playwright/test";
import { DashboardPage, LoginPage, RegisterPage } from "./pages";
import { newOrganisationName, newPerson } from "./support/data";

const INVALID = "That email and password do not match an account.";
const RATE_LIMITED = /^Too many failed attempts\. For your safety, logging in is paused for a while/;

test.describe("Accounts", () => {
  test("register, create an organisation, log out and log back in", async ({ page }) => {
    const person = newPerson("Owner");
    const orgName = newOrganisationName();
    const register = new RegisterPage(page);
    const dashboard = new DashboardPage(page);
    const login = new LoginPage(page);

    await register.goto();
    await register.register(person);

    // A new account has no organisation yet: it is asked to create one.
    await expect(page).toHaveURL(/\/dashboard\/new$/);
    await expect(dashboard.accountName).toHaveText(person.name);
    await expect(dashboard.orgSwitcherSummary).toContainText("No organisation");

    const slug = await dashboard.createOrganisation(orgName);
    await expect(page).toHaveURL(`/dashboard/${slug}`);
    await dashboard.expectOrganisation(orgName, "Owner");
    await expect(dashboard.tab("Overview")).toBeVisible();
    await expect(dashboard.tab("Members")).toBeVisible();
    const switcherLinks = await dashboard.openOrgSwitcher();
    await expect(switcherLinks).toHaveText([orgName, "New organisation"]);

    await dashboard.logOut();
    await expect(login.notice).toHaveText("You are logged out.");
    // Logged out for real: the dashboard asks to log in again.
    await page.goto(`/dashboard/${slug}`);
    await expect(page).toHaveURL(`/login?next=${encodeURIComponent(`/dashboard/${slug}`)}`);

    await login.goto();
    await login.email.fill(person.email);
    await login.password.fill(person.password);
    await login.submit.click();
    await expect(page).toHaveURL(`/dashboard/${slug}`);
    await dashboard.expectOrganisation(orgName, "Owner");
    await expect(dashboard.accountName).toHaveText(person.name);
  });

  test("a password shorter than 10 characters is refused, keeps what was typed and creates no account", async ({ page }) => {
    const person = { ...newPerson("Short"), password: "too-short" };
    const register = new RegisterPage(page);
    const login = new LoginPage(page);

    await register.goto();
    await register.register(person);

    await expect(register.error).toHaveText("Please correct the fields marked below.");
    // The message is next to the password field and tied to it for screen readers.
    await expect(register.main.getByText("Use at least 10 characters.")).toBeVisible();
    await expect(register.password).toHaveAttribute("aria-invalid", "true");
    await expect(register.password).toHaveAccessibleDescription(/^Use at least 10 characters\./);
    await expect(register.name).toHaveValue(person.name);
    await expect(register.email).toHaveValue(person.email);
    await expect(register.password).toHaveValue("");
    await expect(page).toHaveURL(/\/register$/);

    // No account: those credentials do not log in.
    await login.goto();
    await login.logInExpectingError(person.email, person.password, INVALID);

    // And the email is still free: registering it properly works.
    await register.goto();
    await register.register({ ...person, password: "a much longer password" });
    await expect(page).toHaveURL(/\/dashboard\/new$/);
  });

  test("a wrong password is refused", async ({ page }) => {
    const person = newPerson("Wrong");
    const register = new RegisterPage(page);
    const dashboard = new DashboardPage(page);
    const login = new LoginPage(page);

    await register.goto();
    await register.register(person);
    await expect(page).toHaveURL(/\/dashboard\/new$/);
    await dashboard.logOut();

    await login.logInExpectingError(person.email, "not the right password", INVALID);
    // The email stays in the form; the password does not.
    await expect(login.email).toHaveValue(person.email);
    await page.goto("/dashboard");
    await expect(page).toHaveURL(`/login?next=${encodeURIComponent("/dashboard")}`);
  });

  test("after five wrong passwords even the right one is refused for a while", async ({ page }) => {
    const person = newPerson("Locked");
    const register = new RegisterPage(page);
    const dashboard = new DashboardPage(page);
    const login = new LoginPage(page);

    await register.goto();
    await register.register(person);
    await expect(page).toHaveURL(/\/dashboard\/new$/);
    await dashboard.logOut();

    for (let attempt = 1; attempt <= 5; attempt++) {
      await test.step(`wrong password #${attempt}`, async () => {
        await login.logInExpectingError(person.email, `wrong password ${attempt}`, INVALID);
      });
    }

    await login.logInExpectingError(person.email, person.password, RATE_LIMITED);
    await expect(login.error).toHaveText(/try again in 15 minutes\.$/);

    // Not logged in.
    await page.goto("/dashboard");
    await expect(page).toHaveURL(`/login?next=${encodeURIComponent("/dashboard")}`);
    await expect(dashboard.logOutButton).toHaveCount(0);
  });
});
