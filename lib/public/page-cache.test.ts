import { afterEach, describe, expect, it } from "vitest";
import {
  cachedPage,
  clearPageCache,
  keptPage,
  pageCacheSeconds,
  placeholderNonce,
  publicPagesChanged,
  toCachedPage,
  withNonce,
  type CachedPage,
} from "./page-cache";

const page = (body: string, version: number, renderedAt = 1_000): CachedPage => ({
  status: 200,
  headers: [["content-type", "text/html; charset=utf-8"]],
  body,
  renderedAt,
  version,
});

afterEach(() => clearPageCache());

describe("which pages are kept", () => {
  it("keeps the home, campaign and event pages, per language, at the address asked for", () => {
    expect(keptPage("en", "/", "")).toEqual({ key: "en /", address: "/" });
    expect(keptPage("ru", "/c/embassy-day", "")).toEqual({ key: "ru /c/embassy-day", address: "/c/embassy-day" });
    expect(keptPage("kk", "/kk/c/embassy-day/london", "")).toEqual({ key: "kk /kk/c/embassy-day/london", address: "/kk/c/embassy-day/london" });
    expect(keptPage("de", "/de", "")).toEqual({ key: "de /de", address: "/de" });
    expect(keptPage("en", "/c/x/y", "?original=1")).toEqual({ key: "en /c/x/y?original=1", address: "/c/x/y?original=1" });
    expect(keptPage("en", "/c/x", "?case=abc")?.address).toBe("/c/x?case=abc");
  });

  it("never keeps private pages, the dashboard, files or other addresses", () => {
    for (const path of [
      "/s/abcdef",
      "/ru/s/abcdef",
      "/dashboard",
      "/dashboard/org",
      "/login",
      "/articles",
      "/api/c/x/y/signups",
      "/c/x/y/event.ics",
      "/c/x/calendar.ics",
      "/c/x/y/z",
    ]) {
      expect(keptPage("en", path, ""), path).toBeNull();
    }
  });

  it("renders addresses with other parameters as usual, so random ones make no new entries", () => {
    expect(keptPage("en", "/c/x/y", "?utm=1&original=1")).toBeNull();
    expect(keptPage("en", "/c/x", `?case=${"a".repeat(300)}`)).toBeNull();
  });
});

describe("a kept page", () => {
  it("renders once for a crowd arriving together", async () => {
    let renders = 0;
    const render = async (v: number) => {
      renders++;
      await new Promise((r) => setTimeout(r, 20));
      return page(`<p>render ${renders}</p>`, v);
    };
    const pages = await Promise.all(Array.from({ length: 50 }, () => cachedPage("en:/c/x/y", render, 5_000, 1_000)));
    expect(renders).toBe(1);
    expect(new Set(pages.map((p) => p?.body))).toEqual(new Set(["<p>render 1</p>"]));
    expect((await cachedPage("en:/c/x/y", render, 5_000, 2_000))?.body).toBe("<p>render 1</p>");
    expect(renders).toBe(1);
  });

  it("after a change, the next reader waits for a new rendering while readers during it get the previous one", async () => {
    let n = 0;
    let release: () => void = () => {};
    const render = async (v: number) => {
      n++;
      if (n > 1) await new Promise<void>((r) => (release = r));
      return page(`v${n}`, v);
    };
    await cachedPage("en:/", render, 5_000, 1_000);
    publicPagesChanged();
    const waiting = cachedPage("en:/", render, 5_000, 1_100);
    const during = await cachedPage("en:/", render, 5_000, 1_100);
    expect(during?.body).toBe("v1");
    release();
    expect((await waiting)?.body).toBe("v2");
    expect((await cachedPage("en:/", render, 5_000, 1_200))?.body).toBe("v2");
    expect(n).toBe(2);
  });

  it("a change made during a rendering leaves that rendering outdated", async () => {
    let n = 0;
    const render = async (v: number) => {
      n++;
      if (n === 1) publicPagesChanged(); // a sign-up commits while the page is being rendered
      return page(`v${n}`, v);
    };
    await cachedPage("en:/c/x", render, 5_000, 1_000);
    expect((await cachedPage("en:/c/x", render, 5_000, 1_001))?.body).toBe("v2");
  });

  it("expires after its time even without a change (another instance's change, a deadline passing)", async () => {
    let n = 0;
    const render = async (v: number) => page(`v${++n}`, v, 1_000 + (n - 1) * 6_000);
    await cachedPage("en:/c/x", render, 5_000, 1_000);
    expect((await cachedPage("en:/c/x", render, 5_000, 5_999))?.body).toBe("v1");
    expect((await cachedPage("en:/c/x", render, 5_000, 7_000))?.body).toBe("v2");
  });

  it("is not kept when the page could not be rendered, and the caller renders it itself", async () => {
    expect(await cachedPage("en:/c/gone", async () => null, 5_000)).toBeNull();
    const failing = await cachedPage(
      "en:/c/broken",
      async () => {
        throw new Error("connection refused");
      },
      5_000,
    );
    expect(failing).toBeNull();
    let n = 0;
    expect((await cachedPage("en:/c/broken", async (v) => page(`ok ${++n}`, v), 5_000))?.body).toBe("ok 1");
  });

  it("serves a page not found without keeping it", async () => {
    let n = 0;
    const missing = async (v: number) => ({ ...page(`missing ${++n}`, v), status: 404 });
    expect((await cachedPage("en:/c/gone", missing, 5_000))?.status).toBe(404);
    expect((await cachedPage("en:/c/gone", missing, 5_000))?.body).toBe("missing 2");
  });

  it("carries each response's own nonce", () => {
    const kept = page(`<script nonce="${placeholderNonce()}">x</script>{"nonce":"${placeholderNonce()}"}`, 0);
    expect(withNonce(kept, "abc+/==")).toBe(`<script nonce="abc+/==">x</script>{"nonce":"abc+/=="}`);
    expect(withNonce(kept, "$&$1")).toBe(`<script nonce="$&$1">x</script>{"nonce":"$&$1"}`);
  });

  it("takes only whole HTML pages, found or not found, without their cookies", async () => {
    const ok = await toCachedPage(
      new Response("<html>ok</html>", {
        headers: { "content-type": "text/html; charset=utf-8", "set-cookie": "picket-locale=ru", "cache-control": "private, no-store" },
      }),
      3,
      42,
    );
    expect(ok).toEqual({
      status: 200,
      headers: [
        ["content-type", "text/html; charset=utf-8"],
        ["cache-control", "private, no-store"],
      ],
      body: "<html>ok</html>",
      renderedAt: 42,
      version: 3,
    });
    expect((await toCachedPage(new Response("<html>missing</html>", { status: 404, headers: { "content-type": "text/html" } }), 0))?.status).toBe(404);
    expect(await toCachedPage(new Response("<html>broken</html>", { status: 500, headers: { "content-type": "text/html" } }), 0)).toBeNull();
    expect(await toCachedPage(new Response("{}", { headers: { "content-type": "application/json" } }), 0)).toBeNull();
    expect(await toCachedPage(new Response(null, { status: 307, headers: { location: "/login" } }), 0)).toBeNull();
  });

  it("is off in development and when set to 0, five seconds by default", () => {
    expect(pageCacheSeconds({})).toBe(5);
    expect(pageCacheSeconds({ PICKET_PAGE_CACHE_SECONDS: "2" })).toBe(2);
    expect(pageCacheSeconds({ PICKET_PAGE_CACHE_SECONDS: "0" })).toBe(0);
    expect(pageCacheSeconds({ PICKET_PAGE_CACHE_SECONDS: "soon" })).toBe(0);
    expect(pageCacheSeconds({ NODE_ENV: "development" })).toBe(0);
  });
});
