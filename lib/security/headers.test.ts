import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, frameAncestors } from "./headers";

const directives = (policy: string) => new Map(policy.split("; ").map((d) => [d.split(" ")[0]!, d] as const));

describe("the Content-Security-Policy", () => {
  it("refuses every frame on the site's own pages, with a nonce or without", () => {
    for (const policy of [
      contentSecurityPolicy("abc"),
      contentSecurityPolicy(null),
      contentSecurityPolicy(null, { dev: true, tiles: "https://tile.example" }),
    ]) {
      expect(directives(policy).get("frame-ancestors")).toBe("frame-ancestors 'none'");
    }
  });

  it("lets an embed be framed by exactly the campaign's listed sites, and runs no script in it", () => {
    const policy = contentSecurityPolicy(null, { embed: { frameAncestors: ["https://partner.example.org", "http://localhost:4142"] } });
    expect(directives(policy).get("frame-ancestors")).toBe("frame-ancestors https://partner.example.org http://localhost:4142");
    expect(directives(policy).get("script-src")).toBe("script-src 'none'");
    // The rest is the public pages' policy: forms post to this site only, nothing else is framed here.
    expect(directives(policy).get("form-action")).toBe("form-action 'self'");
    expect(directives(policy).get("frame-src")).toBe("frame-src 'none'");
    expect(policy.split("; ").filter((d) => d.startsWith("frame-ancestors"))).toHaveLength(1);
  });

  it("lets no site frame an embed whose campaign lists none", () => {
    expect(directives(contentSecurityPolicy(null, { embed: { frameAncestors: [] } })).get("frame-ancestors")).toBe("frame-ancestors 'none'");
  });

  it("leaves out a stored entry that is not a plain origin, which could otherwise end the directive", () => {
    expect(frameAncestors(["https://ok.example", "https://x.example; script-src *", "*", "https://a.example/path", "javascript:alert(1)", "'self'"])).toBe(
      "frame-ancestors https://ok.example",
    );
    expect(frameAncestors(["https://x.example; frame-ancestors *"])).toBe("frame-ancestors 'none'");
    expect(frameAncestors(["https://ok.example", "https://ok.example"])).toBe("frame-ancestors https://ok.example");
  });
});
