import { createServer } from "node:http";
import { expect, test, type Page } from "@playwright/test";
import { testPort } from "./support/server";

// The open API through the built app, its proxy and its headers: a page of another site reads it in the browser.

test("a page of another site reads the open API in the browser, a page at a time", async ({ page, baseURL }) => {
  // A partner's page, served from another origin on this machine.
  const partner = createServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>Partner</title><p>Events</p>"));
  await new Promise<void>((resolve) => partner.listen(testPort(34), "127.0.0.1", resolve));
  try {
    await readsFromPartner(page, baseURL!);
  } finally {
    await new Promise((resolve) => partner.close(resolve));
  }
});

async function readsFromPartner(page: Page, baseURL: string) {
  await page.goto(`http://127.0.0.1:${testPort(34)}/`);
  const api = `${baseURL}/api/v1/campaigns/embassy-day-of-action/events`;
  const read = await page.evaluate(async (address) => {
    const first = await fetch(`${address}?when=all&limit=2`);
    const body = (await first.json()) as { data: { slug: string; startsAt: string; timeZone: string }[]; next: string | null };
    const second = body.next ? ((await (await fetch(`${address}?when=all&limit=2&cursor=${body.next}`)).json()) as typeof body) : null;
    const refused = await fetch(`${address}?cursor=nonsense`);
    return {
      status: first.status,
      type: first.headers.get("content-type"),
      cache: first.headers.get("cache-control"),
      first: body.data,
      second: second?.data ?? [],
      refused: { status: refused.status, body: (await refused.json()) as unknown },
    };
  }, api);
  expect(read.status).toBe(200);
  expect(read.type).toBe("application/json");
  expect(read.cache).toBe("public, max-age=60");
  expect(read.first).toHaveLength(2);
  expect(read.second.length).toBeGreaterThan(0);
  expect(read.second.map((e) => e.slug)).not.toContain(read.first[0]!.slug);
  expect(read.first[0]!.startsAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
  expect(read.first[0]!.timeZone).toMatch(/^[A-Za-z]+\/[A-Za-z_]+/);
  expect(read.refused).toEqual({ status: 400, body: { error: { code: "invalid_cursor", message: expect.any(String) } } });
}

test("the OpenAPI document is served, and an unknown address under the API is a JSON 404", async ({ request }) => {
  const doc = await request.get("/api/v1/openapi.json");
  expect(doc.status()).toBe(200);
  expect(await doc.json()).toMatchObject({ openapi: "3.1.0", paths: { "/api/v1/campaigns": { get: expect.any(Object) } } });
  const missing = await request.get("/api/v1/nothing/here");
  expect(missing.status()).toBe(404);
  expect(missing.headers()["content-type"]).toBe("application/json");
  expect(await missing.json()).toEqual({ error: { code: "not_found", message: expect.any(String) } });
  const draftOrNone = await request.get("/api/v1/campaigns/no-such-campaign/events");
  expect(draftOrNone.status()).toBe(404);
});
