import { expect, test, type APIResponse } from "@playwright/test";
import { unique } from "./support/data";

// Public pages are kept in memory for a crowd (lib/public/page-cache.ts): each reader still gets the page
// with their own nonce, in their own language, and places left as of the last change.

const EVENT = "/c/embassy-day-of-action/embassy-protest-london";
// As a browser asks for a page (the cache serves documents only, never Next's in-app payloads).
const asDocument = { headers: { accept: "text/html,application/xhtml+xml" } };

async function nonces(res: APIResponse) {
  const policy = res.headers()["content-security-policy"] ?? "";
  const header = /'nonce-([^']+)'/.exec(policy)?.[1];
  const html = await res.text();
  const inPage = new Set([...html.matchAll(/nonce="([^"]+)"/g)].map((m) => m[1]));
  return { header, inPage, html };
}

function placesLeft(html: string): number {
  const match = /data-testid="places"[^>]*>(?:<[^>]+>)*\s*(\d+) places? left/.exec(html);
  expect(match, "the page shows the places left").not.toBeNull();
  return Number(match![1]);
}

test("readers arriving together each get the page with their own nonce", async ({ request }) => {
  const responses = await Promise.all(Array.from({ length: 12 }, () => request.get(EVENT, asDocument)));
  const seen = new Set<string>();
  for (const res of responses) {
    expect(res.status()).toBe(200);
    const { header, inPage } = await nonces(res);
    expect(header).toBeTruthy();
    // Every script of the page carries this response's nonce, and no other.
    expect([...inPage]).toEqual([header]);
    seen.add(header!);
  }
  expect(seen.size).toBe(12);
});

test("places left are fresh on the very next read after a sign-up", async ({ request }) => {
  for (let round = 0; round < 3; round++) {
    const before = placesLeft(await (await request.get(EVENT, asDocument)).text());
    await request.get(EVENT, asDocument); // the page is kept now
    const id = unique();
    const signup = await request.post(`/api${EVENT}/signups`, { data: { name: `Crowd ${id}`, email: `crowd-${id}@example.org` } });
    expect(signup.status()).toBe(201);
    const after = placesLeft(await (await request.get(EVENT, asDocument)).text());
    // Other tests may sign up here at the same time: never more places than before this one.
    expect(after).toBeLessThan(before);
  }
});

test("each language has its own kept page", async ({ request }) => {
  for (const locale of ["ru", "kk", "en", "ru"]) {
    const html = await (await request.get(`/${locale}${EVENT}`, asDocument)).text();
    expect(html).toContain(`<html lang="${locale}"`);
  }
});

test("a kept page works in the browser: its links lead to the next page, itself kept", async ({ page }) => {
  await page.goto("/", { waitUntil: "networkidle" });
  await page.goto("/", { waitUntil: "networkidle" }); // again, from the kept page
  await page.getByRole("link", { name: "Protest at the embassy in London" }).click();
  await expect(page).toHaveURL(new RegExp(`${EVENT}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Protest at the embassy in London");
  await expect(page.getByTestId("places")).toContainText("places left");
});
