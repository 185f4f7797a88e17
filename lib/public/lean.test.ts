import { describe, expect, it } from "vitest";
import { isLeanPage, leanScriptTag, toLeanHtml } from "./lean";

describe("which pages are served lean", () => {
  it("serves every public page lean, with or without a language in front", () => {
    for (const path of ["/", "/ru", "/c/day", "/kk/c/day/london", "/articles", "/de/articles/report-2012", "/s/abc123"])
      expect(isLeanPage(path), path).toBe(true);
  });
  it("leaves the dashboard, sign-in, files and the API as Next renders them", () => {
    for (const path of [
      "/dashboard",
      "/ru/dashboard/org",
      "/login",
      "/invite/x",
      "/c/day/calendar.ics",
      "/c/day/london/event.ics",
      "/c/day/feed.xml",
      "/api/c/day/london/signups",
      "/s",
      "/s/abc/more",
      "/c/day/london/extra",
      "/assets/picket.0123456789ab.js",
    ]) {
      expect(isLeanPage(path), path).toBe(false);
    }
  });
});

// Shaped like what Next 16 renders: chunk files, a preload, the runtime's bootstrap, the component payload,
// and React's own streaming script (which stays).
const rendered = [
  '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"/>',
  '<link rel="stylesheet" href="/_next/static/chunks/a.css" nonce="N" data-precedence="next"/>',
  '<link rel="preload" as="script" fetchPriority="low" nonce="N" href="/_next/static/chunks/b.js"/>',
  '<script src="/_next/static/chunks/b.js" async="" nonce="N"></script>',
  '<script src="/_next/static/chunks/polyfill.js" noModule="" nonce="N"></script>',
  '</head><body><main><h1>Protest</h1><form action="" method="POST"><input name="email"/></form></main>',
  '<script nonce="N" id="_R_">(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":[]})</script>',
  '<script nonce="N">(self.__next_f=self.__next_f||[]).push([0])</script>',
  '<script nonce="N">self.__next_f.push([1,"1:\\"$Sreact.fragment\\""])</script>',
  '<script nonce="N">$RC("B:0","S:0")</script>',
  '<script type="application/ld+json">{"@type":"Event"}</script>',
  "</body></html>",
].join("");

describe("a lean page", () => {
  const lean = toLeanHtml(rendered, leanScriptTag("/assets/picket.0123456789ab.js", "N"))!;

  it("has none of Next's scripts, preloads or component payload", () => {
    expect(lean).not.toContain("/_next/static/chunks/b.js");
    expect(lean).not.toContain("polyfill.js");
    expect(lean).not.toContain("TURBOPACK");
    expect(lean).not.toContain("__next_f");
  });

  it("keeps the markup, the stylesheet, React's streaming script and data, and adds ours at the end of the body", () => {
    expect(lean).toContain('<link rel="stylesheet" href="/_next/static/chunks/a.css" nonce="N" data-precedence="next"/>');
    expect(lean).toContain('<main><h1>Protest</h1><form action="" method="POST"><input name="email"/></form></main>');
    expect(lean).toContain('<script nonce="N">$RC("B:0","S:0")</script>');
    expect(lean).toContain('<script type="application/ld+json">{"@type":"Event"}</script>');
    expect(lean).toMatch(/<script src="\/assets\/picket\.0123456789ab\.js" nonce="N" defer><\/script><\/body><\/html>$/);
  });

  it("leaves what is not a rendered page alone", () => {
    expect(toLeanHtml("<p>partial</p>", "<script></script>")).toBeNull();
  });
});
