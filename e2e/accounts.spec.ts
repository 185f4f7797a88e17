import { expect, test } from "@playwright/test";
import { generate } from "otplib";
import { DashboardPage, LoginPage, RegisterPage } from "./pages";
import { newOrganisationName, newPerson } from "./support/data";
import { mailTo, waitForMail } from "./support/inbox";

const INVALID = "That email and password do not match an account.";
const RATE_LIMITED = /^Too many failed attempts\. For your safety, logging in with a password alone is paused for a while/;

test.describe("Accounts", () => {
  test("register, create an organisation, log out and log back in", async ({ page }) => {
    const person = newPerson("Owner");
    const orgName = newOrganisationName();
    const register = new RegisterPage(page);
    const dashboard = new DashboardPage(page);
    const login = new LoginPage(page);

    await register.goto();
    await register.registerAndConfirm(person);

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
    await register.registerAndConfirm({ ...person, password: "a much longer password" });
    await expect(page).toHaveURL(/\/dashboard\/new$/);
  });

  test("a wrong password is refused", async ({ page }) => {
    const person = newPerson("Wrong");
    const register = new RegisterPage(page);
    const dashboard = new DashboardPage(page);
    const login = new LoginPage(page);

    await register.goto();
    await register.registerAndConfirm(person);
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
    await register.registerAndConfirm(person);
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

  test("two-step login: logging out everywhere else, an authenticator app required at login, and removing it", async ({ page, browser }) => {
    test.setTimeout(120_000);
    const person = newPerson("Careful");
    await new RegisterPage(page).goto();
    await new RegisterPage(page).registerAndConfirm(person);
    const main = page.getByRole("main");

    // B: the same person on another device (a seized laptop, say).
    const contextB = await browser.newContext();
    const pageB = await contextB.newPage();
    const loginB = new LoginPage(pageB);
    await loginB.goto("/account");
    await loginB.logIn(person.email, person.password);
    await expect(pageB).toHaveURL("/account");

    await test.step("A logs out everywhere else; B's next request finds itself logged out", async () => {
      await new DashboardPage(page).accountName.click();
      await expect(page).toHaveURL("/account");
      await expect(main.getByTestId("session-row")).toHaveCount(2);
      await expect(main.getByTestId("session-row").filter({ hasText: "(this device)" })).toHaveCount(1);
      await main.getByRole("button", { name: "Log out everywhere else" }).click();
      await expect(main.getByRole("status").filter({ hasText: "Every other login has ended (1)." })).toBeVisible();
      await expect(main.getByTestId("session-row")).toHaveCount(1);
      await pageB.reload();
      await expect(pageB).toHaveURL(`/login?next=${encodeURIComponent("/account")}`);
    });

    let secret = "";
    await test.step("A sets up an authenticator app and gets recovery codes once", async () => {
      await main.getByRole("button", { name: "Set up an authenticator app" }).click();
      await expect(main.getByRole("img", { name: "QR code to add Picket to an authenticator app" })).toBeVisible();
      secret = (await main.getByTestId("totp-secret").innerText()).replace(/\s/g, "");
      // On a 360-pixel phone the whole setup fits the width: nothing to scroll sideways.
      await page.setViewportSize({ width: 360, height: 780 });
      await expect(main.getByTestId("totp-secret")).toBeInViewport();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await main.getByLabel("The 6-digit code the app shows now").fill("000000");
      await main.getByRole("button", { name: "Turn on two-step login" }).click();
      await expect(main.getByText("That code did not match.")).toBeVisible();
      await main.getByLabel("The 6-digit code the app shows now").fill(await codeAt(secret, 0));
      await main.getByRole("button", { name: "Turn on two-step login" }).click();
      await expect(main.getByRole("status").filter({ hasText: "Two-step login is on." })).toBeVisible();
      await expect(main.getByTestId("recovery-codes").getByRole("listitem")).toHaveCount(10);
      await page.reload();
      await expect(main.getByTestId("factors")).toContainText("Authenticator app");
      await expect(main.getByTestId("recovery-codes")).toHaveCount(0);
      await expect(main.getByTestId("recovery-left")).toHaveText("10 unused codes left.");
    });

    await test.step("B: the password alone no longer logs in; with the app's code it does", async () => {
      await loginB.logInExpectingError(person.email, person.password, /^This account has two-step login/);
      // The next period's code: the one just used to set the app up is never accepted twice.
      await loginB.logIn(person.email, person.password, await codeAt(secret, 30));
      await expect(pageB).toHaveURL("/account");
      await expect(pageB.getByTestId("session-row").filter({ hasText: "password and app code" })).toHaveCount(1);
    });

    await test.step("A removes the app with the password: B's login ends with it", async () => {
      await page.reload();
      await main.getByText("Remove…").click();
      await main.getByLabel("Your current password").fill(person.password);
      await main.getByRole("button", { name: "Remove this step" }).click();
      await expect(main.getByText("Two-step login is off.")).toBeVisible();
      await pageB.reload();
      await expect(pageB).toHaveURL(`/login?next=${encodeURIComponent("/account")}`);
    });
    await contextB.close();
  });

  test("a forgotten password is reset by an emailed link that works once and ends every other login", async ({ page, browser }) => {
    test.setTimeout(120_000);
    const person = newPerson("Forgetful");
    await new RegisterPage(page).goto();
    await new RegisterPage(page).registerAndConfirm(person);

    // On another device, logged out: the same answer for an address with an account and one without.
    const contextB = await browser.newContext();
    const pageB = await contextB.newPage();
    const mainB = pageB.getByRole("main");
    const sent = "If that address has an account, a link to set a new password is on its way. It works once, within 30 minutes.";
    const nobody = `nobody-${Date.now()}@example.org`;
    for (const address of [nobody, person.email]) {
      await new LoginPage(pageB).goto();
      await mainB.getByRole("link", { name: "Forgot your password?" }).click();
      await expect(pageB).toHaveURL("/reset");
      await mainB.getByLabel("Email").fill(address);
      await mainB.getByRole("button", { name: "Email me a link" }).click();
      await expect(mainB.getByRole("status")).toHaveText(sent);
    }
    const [mail] = await waitForMail(person.email, 2);
    const link = (await mailTo(person.email)).map((m) => m.text.match(/https?:\/\/[^\s]+\/reset\/[A-Za-z0-9_-]{43}/)?.[0]).find(Boolean);
    expect(link, `a reset link in "${mail!.subject}"`).toBeTruthy();
    expect(await mailTo(nobody)).toEqual([]);

    const newPassword = "a brand new passphrase";
    await pageB.goto(link!);
    await expect(mainB.getByRole("heading", { level: 1 })).toHaveText("Set a new password");
    await mainB.getByLabel("New password").fill(newPassword);
    await mainB.getByRole("button", { name: "Save the new password" }).click();
    await expect(pageB).toHaveURL("/login?reset=1");
    await expect(new LoginPage(pageB).notice).toHaveText("Your password is changed and every other login has ended. Log in with the new one.");

    // The first device's login has ended; the old password no longer works, the new one does; the link is spent.
    await page.goto("/account");
    await expect(page).toHaveURL(`/login?next=${encodeURIComponent("/account")}`);
    const login = new LoginPage(page);
    await login.logInExpectingError(person.email, person.password, INVALID);
    await login.logIn(person.email, newPassword);
    await expect(page).toHaveURL("/account");
    await pageB.goto(link!);
    await expect(mainB.getByText("This link has expired or was used already.")).toBeVisible();
    await expect(mainB.getByLabel("New password")).toHaveCount(0);
    await contextB.close();
  });
});

/** The code an authenticator app shows `offset` seconds from now. */
function codeAt(secret: string, offset: number): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + offset });
}
