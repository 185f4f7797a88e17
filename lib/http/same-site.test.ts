import { afterEach, describe, expect, it } from "vitest";
import { fromThisSite } from "./same-site";

// A request acting with a member's session must come from this site's own pages (route handlers have no check of
// Next's own, as server actions do).

const ask = (headers: Record<string, string>) => new Request("https://picket.example/api/orgs/o/exports/attendees", { method: "POST", headers });

describe("fromThisSite", () => {
  afterEach(() => {
    delete process.env.PICKET_PUBLIC_URL;
  });

  it("lets this site's pages and requests from no page through", () => {
    process.env.PICKET_PUBLIC_URL = "https://picket.example";
    expect(fromThisSite(ask({ "sec-fetch-site": "same-origin", origin: "https://picket.example" }))).toBe(true);
    expect(fromThisSite(ask({ "sec-fetch-site": "none" }))).toBe(true);
    expect(fromThisSite(ask({ origin: "https://picket.example" }))).toBe(true);
    expect(fromThisSite(ask({}))).toBe(true);
  });

  it("refuses a sibling subdomain, another site, and an Origin that is not this site's when the browser says no more", () => {
    process.env.PICKET_PUBLIC_URL = "https://picket.example";
    expect(fromThisSite(ask({ "sec-fetch-site": "same-site", origin: "https://blog.picket.example" }))).toBe(false);
    expect(fromThisSite(ask({ "sec-fetch-site": "cross-site", origin: "https://evil.example" }))).toBe(false);
    expect(fromThisSite(ask({ origin: "https://evil.example" }))).toBe(false);
    expect(fromThisSite(ask({ origin: "null" }))).toBe(false);
  });
});
