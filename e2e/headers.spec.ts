import { expect, test, type APIResponse } from "@playwright/test";
import { logIn } from "./support/auth";

/**
 * The headers every response carries, from the proxy (the policy, with its nonce) or the public pages' renderer
 * (the policy without one: those pages run one script file of ours and nothing inline), and from next.config.js.
 */
function expectHardened(res: APIResponse, what: string, { nonce = true } = {}) {
  const h = res.headers();
  const csp = h["content-security-policy"] ?? "";
  const script =
    csp
      .split(";")
      .map((d) => d.trim())
      .find((d) => d.startsWith("script-src")) ?? "";
  if (nonce) expect(script, what).toMatch(/'nonce-[A-Za-z0-9+/=]{20,}'/);
  else expect(script, what).toBe("script-src 'self'");
  expect(script, what).not.toContain("'unsafe-inline'");
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(csp, what).toContain("object-src 'none'");
  expect(h["referrer-policy"], what).toBe("no-referrer");
  expect(h["x-content-type-options"], what).toBe("nosniff");
  expect(h["permissions-policy"], what).toContain("camera=()");
  expect(h["permissions-policy"], what).toContain("geolocation=()");
  // Passkeys work on the site's own pages (and nowhere else).
  expect(h["permissions-policy"], what).toContain("publickey-credentials-get=(self)");
  // The e2e server runs in production mode.
  expect(h["strict-transport-security"], what).toMatch(/max-age=\d{7,}/);
  return script;
}

test("a public page, a dashboard page and an API response carry the security headers; each dashboard page gets its own nonce", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (load|execute)/i.test(m.text())) violations.push(m.text());
  });

  const first = await page.request.get("/c/embassy-day-of-action");
  expectHardened(first, "public page", { nonce: false });
  expect(first.headers()["cache-control"] ?? "").not.toContain("public, max-age=31536000");

  // The page works under its policy: one script file of this site, nothing inline.
  await page.goto("/c/embassy-day-of-action/embassy-protest-london");
  const scripts = await page.locator("script").evaluateAll((els) =>
    els.map((e) => {
      const src = (e as HTMLScriptElement).src;
      return { src: src ? new URL(src).pathname : "", inline: !src };
    }),
  );
  expect(scripts).toEqual([{ src: expect.stringMatching(/^\/assets\/picket\.[0-9a-f]{12}\.js$/), inline: false }]);

  await logIn(page, "owner@picket.example");
  const dashboard = expectHardened(await page.request.get("/dashboard/campaign-kazakhstan/mailbox"), "dashboard page");
  expect(expectHardened(await page.request.get("/dashboard/campaign-kazakhstan/mailbox"), "dashboard page again")).not.toBe(dashboard);
  const api = await page.request.get("/api/orgs/campaign-kazakhstan/dashboard");
  expect(api.status()).toBe(200);
  expectHardened(api, "API response");
  expect(violations).toEqual([]);
});

test("static files carry the headers that apply to them", async ({ page, request }) => {
  // Next's own files, as the sign-in page (the full React app) loads them.
  await page.goto("/login");
  const src = await page.locator("script[src*='/_next/static/']").first().getAttribute("src");
  const res = await request.get(src!);
  expect(res.status()).toBe(200);
  expect(res.headers()["x-content-type-options"]).toBe("nosniff");
  expect(res.headers()["referrer-policy"]).toBe("no-referrer");

  // The public pages' own script: versioned, so kept for a year, and sent as JavaScript.
  await page.goto("/");
  const ours = await page.locator("script[src^='/assets/']").getAttribute("src");
  const script = await request.get(ours!);
  expect(script.status()).toBe(200);
  expect(script.headers()["content-type"]).toBe("text/javascript; charset=utf-8");
  expect(script.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  expect(script.headers()["x-content-type-options"]).toBe("nosniff");
  expect((await request.get("/assets/nothing.js")).status()).toBe(404);
});
