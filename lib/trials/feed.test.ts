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
        "The court sentenced Roza Tuletayeva to seven years; see the report (https://socialistworld.net/zhanaozen) and <https://example.org>.",
        "",
        "We will appeal.",
        "",
        "• Maksat Dosmagambetov: 6 years",
        "• Tanatar Kaliyev: 4 years",
        "",
        "Use #FreeZhanaozen. A snake_case_word and 2 * 3 * 4 stay.",
      ].join("\n"),
    );
  });

  it("leaves plain text as it is", () => {
    expect(markdownToText("Hearing postponed to 21 December.")).toBe("Hearing postponed to 21 December.");
    expect(markdownToText("")).toBe("");
  });
});
