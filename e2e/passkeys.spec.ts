import { expect, test, type Page } from "@playwright/test";
import { DashboardPage, LoginPage, RegisterPage } from "./pages";
import { newPerson } from "./support/data";
import { joinThroughLink, ownerWithOrganisation } from "./support/organisation";
import { PHONE } from "./support/phone";

// Passkeys on a 360-px phone, with Chromium's virtual authenticator standing in for the phone's screen lock
// (the DevTools protocol's WebAuthn domain): the browser does real WebAuthn, the server checks real signatures.

async function virtualAuthenticator(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return {
    credentials: async () => (await cdp.send("WebAuthn.getCredentials", { authenticatorId })).credentials,
  };
}

test.describe("Passkeys", () => {
  test.use(PHONE);

  test("a passkey is added on the account page and then logs in after the password, in place of a code", async ({ page }) => {
    test.setTimeout(120_000);
    const authenticator = await virtualAuthenticator(page);
    const person = newPerson("Keyholder");
    await new RegisterPage(page).goto();
    await new RegisterPage(page).registerAndConfirm(person);
    const main = page.getByRole("main");

    await test.step("add a passkey named Phone: recovery codes once, the passkey listed", async () => {
      await page.goto("/account");
      await main.getByLabel("Name for this passkey (optional)").fill("Phone");
      await main.getByRole("button", { name: "Add a passkey" }).click();
      await expect(main.getByRole("status").filter({ hasText: "Passkey added." })).toBeVisible();
      await expect(main.getByTestId("recovery-codes").getByRole("listitem")).toHaveCount(10);
      expect(await authenticator.credentials()).toHaveLength(1);
      await page.reload();
      await expect(main.getByTestId("factors")).toContainText("Passkey: Phone");
      await expect(main.getByTestId("recovery-left")).toHaveText("10 unused codes left.");
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.viewport.width);
    });

    const login = new LoginPage(page);
    await test.step("the password alone is refused; the button first asks for the email and password", async () => {
      await new DashboardPage(page).logOut();
      await login.logInExpectingError(person.email, person.password, /^This account has two-step login/);
      await main.getByRole("button", { name: "Use a passkey" }).click();
      await expect(main.getByText("Type your email and password first, then use your passkey.")).toBeVisible();
    });

    await test.step("email, password and the passkey log in; the login says how", async () => {
      await login.email.fill(person.email);
      await login.password.fill(person.password);
      await main.getByRole("button", { name: "Use a passkey" }).click();
      await expect(page).toHaveURL("/dashboard/new");
      await page.goto("/account");
      await expect(main.getByTestId("session-row").filter({ hasText: "(this device)" })).toContainText("password and passkey");
      await expect(main.getByTestId("factors")).toContainText("last used");
    });
  });

  test("an organisation that requires two-step login sends a member without it to set it up before any list opens", async ({ page, browser }) => {
    test.setTimeout(180_000);
    await virtualAuthenticator(page);
    const { orgName, slug, members } = await ownerWithOrganisation(page);
    const link = await members.createInvitation("Coordinator");
    const contextB = await browser.newContext(PHONE);
    const pageB = await contextB.newPage();
    await joinThroughLink(pageB, link, newPerson("Member"), orgName);
    await expect(pageB).toHaveURL(`/dashboard/${slug}?joined=1`);
    const policy = page.getByTestId("second-factor-policy");

    await test.step("the owner cannot require what the owner does not have; with a passkey, can", async () => {
      await page.getByRole("button", { name: "Require two-step login" }).click();
      await expect(page.getByText("Set up two-step login for yourself first")).toBeVisible();
      await page.goto("/account");
      await page.getByRole("button", { name: "Add a passkey" }).click();
      await expect(page.getByRole("main").getByRole("status").filter({ hasText: "Passkey added." })).toBeVisible();
      await page.goto(`/dashboard/${slug}/members`);
      await page.getByRole("button", { name: "Require two-step login" }).click();
      await expect(policy).toHaveText(/^Required of every member/);
    });

    await test.step("the member's next page is the account page, which says why; the organisation's pages stay shut", async () => {
      for (const path of [`/dashboard/${slug}`, `/dashboard/${slug}/campaigns`, `/dashboard/${slug}/exports`]) {
        await pageB.goto(path);
        await expect(pageB).toHaveURL(`/account?required=${slug}`);
      }
      await expect(pageB.getByRole("main").getByText("Two-step login is required")).toBeVisible();
      // The header still leads to the organisation (its pages say why they are shut), not "No organisation".
      await expect(pageB.getByTestId("org-switcher").locator("summary")).toContainText("Your organisations");
      await expect(pageB.getByRole("main").getByText(`${orgName} requires two-step login of every member.`)).toBeVisible();
      expect((await pageB.request.get(`/api/orgs/${slug}/dashboard`)).status()).toBe(403);
    });

    await test.step("with a passkey of the member's own, the organisation opens", async () => {
      await virtualAuthenticator(pageB);
      await pageB.getByRole("button", { name: "Add a passkey" }).click();
      await expect(pageB.getByRole("main").getByRole("status").filter({ hasText: "Passkey added." })).toBeVisible();
      await pageB.goto(`/dashboard/${slug}/campaigns`);
      await expect(pageB).toHaveURL(`/dashboard/${slug}/campaigns`);
      expect((await pageB.request.get(`/api/orgs/${slug}/dashboard`)).status()).toBe(200);
    });
    await contextB.close();
  });

  test("without JavaScript the login page says passkeys need it, and the account page says how to add one", async ({ browser }) => {
    const context = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    await new LoginPage(page).goto();
    await expect(page.getByTestId("passkey-login")).toHaveText(
      "Passkeys need JavaScript in this browser. Without it, type a code from your app or a recovery code.",
    );
    await expect(page.getByRole("button", { name: "Use a passkey" })).toHaveCount(0);
    // The form itself works: a wrong password comes back refused, from the server alone.
    const login = new LoginPage(page);
    await login.email.fill("nobody@picket.example");
    await login.password.fill("not the password");
    await login.submit.click();
    await expect(login.error).toHaveText("That email and password do not match an account.");
    await context.close();
  });
});
