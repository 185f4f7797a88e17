import { afterEach, describe, expect, it } from "vitest";
import { cachedPage, clearPageCache, keyAddress, pageCacheSeconds, pageKey, placeholderNonce, publicPagesChanged, toCachedPage, withNonce, type CachedPage } from "./page-cache";

const page = (body: string, version: number, renderedAt = 1_000): CachedPage => ({ status: 200, headers: [["content-type", "text/html; charset=utf-8"]], body, renderedAt, version });

afterEach(() => clearPageCache());

describe("which pages are kept", () => {
  it("keeps the home, campaign and event pages, per language", () => {
    expect(pageKey("en", "/", new URLSearchParams())).toBe("en:/");
    expect(pageKey("ru", "/c/embassy-day", new URLSearchParams())).toBe("ru:/c/embassy-day");
    expect(pageKey("kk", "/c/embassy-day/london", new URLSearchParams())).toBe("kk:/c/embassy-day/london");
  });

  it("never keeps private pages, the dashboard, files or other addresses", () => {
    for (const path of ["/s/abcdef", "/dashboard", "/dashboard/org", "/login", "/articles", "/api/c/x/y/signups", "/c/x/y/event.ics", "/c/x/calendar.ics", "/c/x/y/z"]) {
      expect(pageKey("en", path, new URLSearchParams()), path).toBeNull();
    }
  });

  it("keys only the parameters the pages read, so random ones make no new entries", () => {
    expect(pageKey("en", "/c/x/y", new URLSearchParams("utm=1&original=1&zz=9"))).toBe("en:/c/x/y?original=1");
    expect(pageKey("en", "/c/x", new URLSearchParams("case=abc&b=2"))).toBe("en:/c/x?case=abc");
    expect(pageKey("en", "/c/x", new URLSearchParams(`case=${"a".repeat(101)}`))).toBe("en:/c/x");
  });

  it("renders a key at its language's address", () => {
    expect(keyAddress("en:/")).toBe("/en");
    expect(keyAddress("ru:/c/x/y?original=1")).toBe("/ru/c/x/y?original=1");
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
    const failing = await cachedPage("en:/c/broken", async () => { throw new Error("connection refused"); }, 5_000);
    expect(failing).toBeNull();
    let n = 0;
    expect((await cachedPage("en:/c/broken", async (v) => page(`ok ${++n}`, v), 5_000))?.body).toBe("ok 1");
  });

  it("carries each response's own nonce", () => {
    const kept = page(`<script nonce="${placeholderNonce()}">x</script>{"nonce":"${placeholderNonce()}"}`, 0);
    expect(withNonce(kept, "abc+/==")).toBe(`<script nonce="abc+/==">x</script>{"nonce":"abc+/=="}`);
    expect(withNonce(kept, "$&$1")).toBe(`<script nonce="$&$1">x</script>{"nonce":"$&$1"}`);
  });

  it("keeps only whole HTML pages that rendered without error, without their cookies", async () => {
    const ok = await toCachedPage(new Response("<html>ok</html>", { headers: { "content-type": "text/html; charset=utf-8", "set-cookie": "picket-locale=ru", "cache-control": "private, no-store" } }), 3, 42);
    expect(ok).toEqual({ status: 200, headers: [["content-type", "text/html; charset=utf-8"], ["cache-control", "private, no-store"]], body: "<html>ok</html>", renderedAt: 42, version: 3 });
    expect(await toCachedPage(new Response("missing", { status: 404, headers: { "content-type": "text/html" } }), 0)).toBeNull();
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
