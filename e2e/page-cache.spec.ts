import { expect, test, type APIRequestContext } from "@playwright/test";
import { onTwoInstances, postgresMissing, postSignup } from "./support/server";
import { unique } from "./support/data";

// Public pages are kept rendered for a crowd (lib/public/page-cache.ts) and outdated by what changed, on every
// instance: the response's X-Picket-Cache says whether it was kept (hit), made for it (miss) or the previous page
// while another reader's rendering ran (stale).

const CAMPAIGN = "embassy-day-of-action";
const EVENT = `/c/${CAMPAIGN}/embassy-protest-london`;

function placesLeft(html: string): number {
  const match = /data-testid="places"[^>]*>(?:<[^>]+>)*\s*(\d+) places? left/.exec(html);
  expect(match, "the page shows the places left").not.toBeNull();
  return Number(match![1]);
}

async function read(request: APIRequestContext, address: string) {
  const res = await request.get(address, { headers: { accept: "*/*" } });
  expect(res.status()).toBe(200);
  return { cache: res.headers()["x-picket-cache"], html: await res.text() };
}

test("a page is kept whatever the client asks with: a feed reader's request is served as a browser's", async ({ request }) => {
  // Other tests change this event meanwhile: the page is asked for until it is served kept.
  await expect.poll(async () => (await read(request, `/kk${EVENT}`)).cache, { timeout: 10_000 }).toBe("hit");
  const asBrowser = await request.get(`/kk${EVENT}`, { headers: { accept: "text/html,application/xhtml+xml", "user-agent": "Mozilla/5.0" } });
  expect(["hit", "stale", "miss"]).toContain(asBrowser.headers()["x-picket-cache"]);
  expect(await asBrowser.text()).toContain('<html lang="kk"');
});

test("each language has its own kept page, and parameters the page does not read change nothing", async ({ request }) => {
  for (const locale of ["ru", "kk", "en", "ru"]) {
    const { html } = await read(request, `/${locale}${EVENT}?utm_source=${unique()}`);
    expect(html).toContain(`<html lang="${locale}"`);
  }
  await expect.poll(async () => (await read(request, `/ru${EVENT}?fbclid=${unique()}`)).cache, { timeout: 10_000 }).toBe("hit");
});

test("PostgreSQL: a sign-up on one instance outdates the page another instance keeps, within a second", async () => {
  test.setTimeout(120_000);
  const missing = await postgresMissing();
  test.skip(missing !== null, missing ?? "");
  // Ports of its own: other files' tests start servers at the same time.
  await onTwoInstances([18, 19], async (one, other) => {
    const page = async () => {
      const res = await fetch(`${other.base}${EVENT}`);
      return { cache: res.headers.get("x-picket-cache"), places: placesLeft(await res.text()) };
    };
    const first = await page();
    expect(first.cache).toBe("miss");
    expect(await page()).toEqual({ cache: "hit", places: first.places });

    const id = unique();
    expect(await postSignup(one.base, CAMPAIGN, "embassy-protest-london", { name: `Crowd ${id}`, email: `crowd-${id}@example.org` })).toBe(201);
    const signedUpAt = Date.now();
    let fresh = await page();
    while (fresh.places === first.places && Date.now() - signedUpAt < 5_000) {
      await new Promise((r) => setTimeout(r, 20));
      fresh = await page();
    }
    expect(Date.now() - signedUpAt, "time until the other instance shows the sign-up").toBeLessThan(1_000);
    expect(fresh).toEqual({ cache: "miss", places: first.places - 1 });
    expect(await page()).toEqual({ cache: "hit", places: first.places - 1 });
  });
});

test("a kept page works in the browser: its links lead to the next page, itself kept", async ({ page }) => {
  await page.goto("/", { waitUntil: "networkidle" });
  await page.goto("/", { waitUntil: "networkidle" }); // again, from the kept page
  await page.getByRole("link", { name: "Protest at the embassy in London" }).click();
  await expect(page).toHaveURL(new RegExp(`${EVENT}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Protest at the embassy in London");
  await expect(page.getByTestId("places")).toContainText("places left");
});
