import { expect, test as base, type APIRequestContext, type BrowserContext, type Page } from "@playwright/test";
import { DashboardPage, InvitationPage, RegisterPage } from "./pages";
import { newPerson } from "./support/data";
import { joinThroughLink, ownerWithOrganisation } from "./support/organisation";

// More browsers than the default one: each is a different person, closed after the test.
const test = base.extend<{ openContext: () => Promise<BrowserContext> }>({
  openContext: async ({ browser }, provide) => {
    const opened: BrowserContext[] = [];
    await provide(async () => {
      const context = await browser.newContext();
      opened.push(context);
      return context;
    });
    for (const context of opened) await context.close();
  },
});

/**
 * The invitation form exactly as the server renders it for an owner (fetched with the owner's cookies):
 * React's progressive-enhancement fields ($ACTION_REF_n, $ACTION_n:0 with the action's id, $ACTION_KEY),
 * the organisation, role and note.
 */
async function serverRenderedInviteForm(request: APIRequestContext, slug: string): Promise<string> {
  const response = await request.get(`/dashboard/${slug}/members`);
  expect(response.status()).toBe(200);
  const html = await response.text();
  const form = (html.match(/<form\b[^>]*>[\s\S]*?<\/form>/g) ?? []).find((f) => f.includes('name="note"'));
  if (!form) throw new Error("the members page has no invitation form");
  expect(form).toMatch(/name="\$ACTION_(REF|ID)_/);
  expect(form).toContain(`name="org" value="${slug}"`);
  // Post to the organisation's overview, a page a coordinator may open.
  const opening = form.match(/^<form\b[^>]*>/)![0];
  const retargeted = / action="[^"]*"/.test(opening)
    ? opening.replace(/ action="[^"]*"/, ` action="/dashboard/${slug}"`)
    : opening.replace(/>$/, ` action="/dashboard/${slug}">`);
  return retargeted + form.slice(opening.length);
}

/**
 * Replaces the document of /dashboard/{slug} with that form and submits it natively (no JavaScript
 * handler is attached to it), as a hand-made form would be.
 *
 * Two details make this faithful rather than vacuous:
 * - The app's pages carry <meta name="referrer" content="no-referrer">; with that policy the browser sends
 *   `Origin: null` on a native form POST, which Next.js refuses ("Invalid Server Actions request", HTTP 500)
 *   before any action runs, for owners too. The forged document declares a same-origin policy, as an
 *   attacker in control of their own browser would.
 * - document.open() keeps the old document's JavaScript alive: React would re-insert its hoisted
 *   no-referrer <meta> into the new document at some point. The page is therefore loaded without the
 *   app's scripts, so nothing but the forged form is in it.
 */
async function submitForgedInvitation(page: Page, slug: string, formHtml: string, note: string) {
  const appScripts = "**/_next/static/**/*.js";
  await page.route(appScripts, (route) => route.abort());
  try {
    await page.goto(`/dashboard/${slug}`);
    await page.setContent(`<meta name="referrer" content="same-origin">${formHtml}`);
    await expect(page).toHaveURL(`/dashboard/${slug}`);
    await expect(page.locator('meta[name="referrer"]')).toHaveCount(1);
    const form = page.locator("form");
    await expect(form).toHaveJSProperty("action", new URL(`/dashboard/${slug}`, page.url()).href);
    await expect(form).toHaveJSProperty("method", "post");
    await expect(form).toHaveJSProperty("enctype", "multipart/form-data");
    await page.getByLabel("Role", { exact: true }).selectOption({ label: "Owner" });
    await page.getByLabel("Note for yourself (optional)").fill(note);
    // An owner's invitation names the address it is for (it works for that address only).
    await page.getByLabel("Email (optional)").fill(`invited-owner-${Date.now()}@people.example`);
    const posted = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === `/dashboard/${slug}`);
    await page.getByRole("button", { name: "Create invitation link" }).click();
    const response = await posted;
    expect(response.request().headers()["origin"]).toBe(new URL(page.url()).origin);
    // Next.js answers a request it refuses as malformed with 500: this one must reach the action.
    expect(response.status(), "the hand-made form must reach the server action").toBeLessThan(500);
    await page.waitForLoadState();
  } finally {
    await page.unroute(appScripts);
  }
}

test.describe("Invitations", () => {
  test("a coordinator joins through an invitation link and is refused what only owners may do", async ({ page, context, openContext }) => {
    // Two people, two registrations through emailed links (Argon2) and some twenty-five page loads.
    test.setTimeout(180_000);
    const { orgName, slug, members } = await ownerWithOrganisation(page);

    const link = await members.createInvitation("Coordinator");
    expect(new URL(link).origin).toBe(new URL(page.url()).origin);
    await expect(members.invitations).toHaveCount(1);
    await expect(members.invitations.first()).toContainText("Coordinator");
    await expect(members.invitations.first()).toContainText("Waiting");

    // B: someone without an account.
    const contextB = await openContext();
    const pageB = await contextB.newPage();
    const coordinator = newPerson("Coordinator");
    await joinThroughLink(pageB, link, coordinator, orgName);
    await expect(pageB).toHaveURL(`/dashboard/${slug}?joined=1`);
    const dashboardB = new DashboardPage(pageB);
    await expect(dashboardB.notice).toHaveText(`Welcome to ${orgName}.`);
    await dashboardB.expectOrganisation(orgName, "Coordinator");
    await expect(dashboardB.accountName).toHaveText(coordinator.name);

    // The owner sees the new member and the invitation used.
    await members.page.reload();
    await expect(members.memberRows).toHaveCount(2);
    await expect(members.memberRow(coordinator.name).getByTestId("member-role")).toHaveText("Coordinator");
    await expect(members.invitations).toHaveCount(1);
    await expect(members.invitations.first()).toContainText("Accepted");

    await test.step("the coordinator cannot open the owners' Members page", async () => {
      const response = await pageB.goto(`/dashboard/${slug}/members`);
      expect(response?.status()).toBe(403);
      await expect(pageB.getByRole("heading", { level: 1 })).toHaveText("Not allowed");
      await expect(pageB.getByText("Your role in this organisation does not allow this.")).toBeVisible();
      await expect(pageB.getByTestId("member-row")).toHaveCount(0);
      await expect(pageB.getByRole("button", { name: "Create invitation link" })).toHaveCount(0);

      await dashboardB.gotoOrganisation(slug);
      await expect(dashboardB.tab("Overview")).toBeVisible();
      await expect(dashboardB.tab("Members")).toHaveCount(0);
    });

    await test.step("the coordinator cannot create an invitation with the owners' form", async () => {
      const formHtml = await serverRenderedInviteForm(context.request, slug);
      const forgedNote = `forged by coordinator ${Date.now()}`;
      await submitForgedInvitation(pageB, slug, formHtml, forgedNote);
      // B is back on the overview, still a coordinator.
      await dashboardB.expectOrganisation(orgName, "Coordinator");

      await members.page.reload();
      await expect(members.heading).toBeVisible();
      await expect(members.invitations).toHaveCount(1);
      await expect(members.invitations.first()).toContainText("Accepted");
      await expect(members.main.getByText(forgedNote)).toHaveCount(0);
      await expect(members.memberRows).toHaveCount(2);
    });

    await test.step("control: the same hand-made form submitted by the owner does create an invitation", async () => {
      // Without this, a forged request refused for an unrelated reason would pass the step above.
      const formHtml = await serverRenderedInviteForm(context.request, slug);
      const ownerNote = `hand-made by owner ${Date.now()}`;
      const ownerPage = await context.newPage();
      await submitForgedInvitation(ownerPage, slug, formHtml, ownerNote);
      await ownerPage.close();

      await members.page.reload();
      await expect(members.invitations).toHaveCount(2);
      const made = members.invitations.filter({ hasText: ownerNote });
      await expect(made).toHaveCount(1);
      await expect(made).toContainText("Owner");
      await expect(made).toContainText("Waiting");
    });

    await test.step("removed, the coordinator's open login gets nothing more", async () => {
      expect((await pageB.request.get(`/api/orgs/${slug}/dashboard`)).status()).toBe(200);
      await expect(members.memberRow(coordinator.name).getByTestId("member-security")).toContainText("logged in on 1 device");
      await members.memberRow(coordinator.name).getByRole("button", { name: "Remove", exact: true }).click();
      await members.page.getByRole("dialog").getByRole("button", { name: "Remove member" }).click();
      await expect(members.memberRows).toHaveCount(1);

      // The login itself has ended, not only the membership: the organisation, its API and the account page all refuse.
      const api = await pageB.request.get(`/api/orgs/${slug}/dashboard`);
      expect([401, 404]).toContain(api.status());
      await pageB.goto(`/dashboard/${slug}`);
      await expect(pageB).toHaveURL(`/login?next=${encodeURIComponent(`/dashboard/${slug}`)}`);
      await pageB.goto("/account");
      await expect(pageB).toHaveURL(`/login?next=${encodeURIComponent("/account")}`);
    });
  });

  test("an invitation link works only once", async ({ page, openContext }) => {
    // Three people register, each through the link in an email: more than the default minute on a busy machine.
    test.setTimeout(180_000);
    const { orgName, slug, members } = await ownerWithOrganisation(page);
    const link = await members.createInvitation("Coordinator", "for the first person");

    const pageB = await (await openContext()).newPage();
    await joinThroughLink(pageB, link, newPerson("First"), orgName);
    await expect(pageB).toHaveURL(`/dashboard/${slug}?joined=1`);
    await new DashboardPage(pageB).expectOrganisation(orgName, "Coordinator");

    // C: a third person with the same link.
    const pageC = await (await openContext()).newPage();
    const invitationC = new InvitationPage(pageC);
    await invitationC.goto(link);
    await expect(invitationC.error).toHaveText("This invitation has already been used.");
    await expect(invitationC.createAccount).toHaveCount(0);
    await expect(invitationC.accept).toHaveCount(0);

    // Even with an account, created on the way back to the link, there is nothing to accept.
    const registerC = new RegisterPage(pageC);
    await registerC.goto(new URL(link).pathname);
    await registerC.registerAndConfirm(newPerson("Third"));
    await expect(pageC).toHaveURL(new URL(link).pathname);
    await expect(invitationC.error).toHaveText("This invitation has already been used.");
    await expect(invitationC.accept).toHaveCount(0);
    await pageC.goto("/dashboard");
    await expect(pageC).toHaveURL(/\/dashboard\/new$/);

    await members.page.reload();
    await expect(members.memberRows).toHaveCount(2);
    await expect(members.invitations).toHaveCount(1);
  });
});
