import { describe, expect, it } from "vitest";
import { markdownToText } from "./feed";

describe("feed summaries", () => {
  it("show Markdown as plain text, links with their address", () => {
    const md = [
      "## Verdict",
      "",
      "The court sentenced **Roza Tuletayeva** to *seven years*; see [the report](https://socialistworld.net/zhanaozen) and <https://example.org>.",
      "",
      "> We will appeal.",
      "",
      "- Maksat Dosmagambetov: 6 years",
      "* Tanatar Kaliyev: 4 years",
      "",
      "Use `#FreeZhanaozen`. A snake_case_word and 2 * 3 * 4 stay.",
    ].join("\n");
    expect(markdownToText(md)).toBe(
      [
        "Verdict",
        "",
        "The court sentenced Roza Tuletayeva to seven years; see the report (https://socialistworld.net/zhanaozen) and https://example.org.",
        "",
        "We will appeal.",
        "",
        "• Maksat Dosmagambetov: 6 years",
        // A new marker starts a new list, as on the page.
        "",
        "• Tanatar Kaliyev: 4 years",
        "",
        "Use #FreeZhanaozen. A snake_case_word and 2 * 3 * 4 stay.",
      ].join("\n"),
    );
  });

  it("drops images' addresses, rules and HTML, numbers lists as bullets, and keeps characters Markdown would escape", () => {
    const md = [
      "![a banner](https://example.org/banner.png)",
      "",
      "---",
      "",
      "1. first",
      "2. second",
      "",
      "Tom & Jerry <b>bold</b> 5 < 6 *and* [**strong link**](https://example.org/x)",
    ].join("\n");
    expect(markdownToText(md)).toBe(["a banner", "", "• first\n• second", "", "Tom & Jerry bold 5 < 6 and strong link (https://example.org/x)"].join("\n"));
  });

  it("leaves plain text as it is", () => {
    expect(markdownToText("Hearing postponed to 21 December.")).toBe("Hearing postponed to 21 December.");
    expect(markdownToText("")).toBe("");
  });
});
