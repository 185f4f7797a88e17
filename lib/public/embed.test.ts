import { describe, expect, it } from "vitest";
import { embedSnippet } from "./embed";

describe("the code to paste for an embed", () => {
  it("frames the event's embed on this site's public address, named for screen readers", () => {
    expect(embedSnippet("https://picket.example.org", "embassy-day", "london", "Sign up: Protest in London")).toBe(
      '<iframe src="https://picket.example.org/embed/c/embassy-day/london" title="Sign up: Protest in London" ' +
        'style="width:100%;min-height:1000px;border:0" loading="lazy"></iframe>',
    );
  });

  it("keeps a title's quotes and brackets inside its attribute", () => {
    const snippet = embedSnippet("https://picket.example.org", "c", "e", 'Sign up: "Free them" <now> & here');
    expect(snippet).toContain('title="Sign up: &quot;Free them&quot; &lt;now&gt; &amp; here"');
    expect(snippet.match(/<iframe /g)).toHaveLength(1);
  });
});
