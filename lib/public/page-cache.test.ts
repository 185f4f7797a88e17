import { describe, expect, it } from "vitest";
import { PageCache, pageCacheSeconds, type RenderedPage } from "./page-cache";

/** A page that counts its renderings; each takes a turn of the event loop, as a database read does. */
function pages(tags: readonly string[] = ["e:1", "c:1"]) {
  let renders = 0;
  return {
    get renders() {
      return renders;
    },
    render: async (): Promise<RenderedPage> => {
      const n = ++renders;
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
      return { status: 200, html: `render ${n}`, tags };
    },
  };
}

describe("kept public pages", () => {
  it("serves a kept page until one of its tags changes: a hit, then a miss", async () => {
    const cache = new PageCache({ ttlMs: 60_000 });
    const page = pages(["e:1", "c:1", "home"]);
    expect((await cache.page("event en", page.render)).outcome).toBe("miss");
    const hit = await cache.page("event en", page.render);
    expect(hit).toEqual({ outcome: "hit", page: expect.objectContaining({ html: "render 1" }) });
    cache.changed(["e:2", "c:2"]); // another campaign's event
    expect((await cache.page("event en", page.render)).outcome).toBe("hit");
    cache.changed(["e:1"]);
    const after = await cache.page("event en", page.render);
    expect(after.outcome).toBe("miss");
    expect(after.page.html).toBe("render 2");
    expect(page.renders).toBe(2);
  });

  it("keeps each key apart: one language's page changed outdates the other's too, by their shared tags", async () => {
    const cache = new PageCache({ ttlMs: 60_000 });
    const page = pages(["e:1"]);
    await cache.page("event en", page.render);
    await cache.page("event ru", page.render);
    expect((await cache.page("event ru", page.render)).outcome).toBe("hit");
    cache.changed(["e:1"]);
    expect((await cache.page("event en", page.render)).outcome).toBe("miss");
    expect((await cache.page("event ru", page.render)).outcome).toBe("miss");
  });

  it("renders one page once while a crowd arrives; after a change, the crowd gets the previous page meanwhile", async () => {
    const cache = new PageCache({ ttlMs: 60_000 });
    const page = pages();
    const first = await Promise.all(Array.from({ length: 20 }, () => cache.page("k", page.render)));
    expect(page.renders).toBe(1);
    expect(new Set(first.map((f) => f.page.html))).toEqual(new Set(["render 1"]));
    cache.changed(["c:1"]);
    const crowd = await Promise.all(Array.from({ length: 20 }, () => cache.page("k", page.render)));
    expect(page.renders).toBe(2);
    // The first reader waited for the new page; the others were served the previous one without waiting.
    expect(crowd[0]).toEqual({ outcome: "miss", page: expect.objectContaining({ html: "render 2" }) });
    expect(crowd.slice(1).every((c) => c.outcome === "stale" && c.page.html === "render 1")).toBe(true);
    expect((await cache.page("k", page.render)).outcome).toBe("hit");
  });

  it("a change during a rendering outdates what that rendering made", async () => {
    const cache = new PageCache({ ttlMs: 60_000 });
    let changeWhileRendering = true;
    const render = async (): Promise<RenderedPage> => {
      if (changeWhileRendering) cache.changed(["e:1"]);
      changeWhileRendering = false;
      return { status: 200, html: "x", tags: ["e:1"] };
    };
    expect((await cache.page("k", render)).outcome).toBe("miss");
    expect((await cache.page("k", render)).outcome).toBe("miss");
    expect((await cache.page("k", render)).outcome).toBe("hit");
  });

  it("everything is outdated by '*' and when changes may have gone unheard", async () => {
    const cache = new PageCache({ ttlMs: 60_000 });
    const page = pages(["articles"]);
    await cache.page("k", page.render);
    cache.changed(["*"]);
    expect((await cache.page("k", page.render)).outcome).toBe("miss");
    cache.lost();
    expect((await cache.page("k", page.render)).outcome).toBe("miss");
    expect((await cache.page("k", page.render)).outcome).toBe("hit");
  });

  it("expires pages after the time bound, and never keeps a page not found", async () => {
    let now = 1_000;
    const cache = new PageCache({ ttlMs: 30_000, now: () => now });
    const page = pages();
    await cache.page("k", page.render);
    now += 29_999;
    expect((await cache.page("k", page.render)).outcome).toBe("hit");
    now += 1;
    expect((await cache.page("k", page.render)).outcome).toBe("miss");
    const missing = async (): Promise<RenderedPage> => ({ status: 404, html: "not found", tags: [] });
    await cache.page("gone", missing);
    expect((await cache.page("gone", missing)).outcome).toBe("miss");
    expect(cache.size).toBe(1);
  });

  it("keeps at most its bound of pages, forgetting the least recently rendered", async () => {
    const cache = new PageCache({ ttlMs: 60_000, maxEntries: 3 });
    const page = pages();
    for (const key of ["a", "b", "c", "d"]) await cache.page(key, page.render);
    expect(cache.size).toBe(3);
    expect((await cache.page("d", page.render)).outcome).toBe("hit");
    expect((await cache.page("a", page.render)).outcome).toBe("miss");
  });

  it("keeps pages 30 seconds unless told otherwise, and none in development", () => {
    expect(pageCacheSeconds({})).toBe(30);
    expect(pageCacheSeconds({ PICKET_PAGE_CACHE_SECONDS: "0" })).toBe(0);
    expect(pageCacheSeconds({ PICKET_PAGE_CACHE_SECONDS: "abc" })).toBe(0);
    expect(pageCacheSeconds({ PICKET_PAGE_CACHE_SECONDS: "99999" })).toBe(3600);
    expect(pageCacheSeconds({ NODE_ENV: "development" })).toBe(0);
  });
});
