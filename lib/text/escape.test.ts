import { describe, expect, it } from "vitest";
import { escapeMarkup } from "./escape";

describe("escaping text for HTML and XML", () => {
  it("turns every markup character into a reference, ampersands first", () => {
    expect(escapeMarkup(`<a href="x" title='y'>Tom & "Jerry" &amp;</a>`)).toBe(
      "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; &quot;Jerry&quot; &amp;amp;&lt;/a&gt;",
    );
  });

  it("drops characters XML does not allow and keeps tabs, line breaks and every other letter", () => {
    expect(escapeMarkup("a\u0000b\u0008c\u000Bd\u001Fe\uFFFEf\uFFFF\tg\nh\ri Жанаозен 😀")).toBe("abcdef\tg\nh\ri Жанаозен 😀");
  });
});
