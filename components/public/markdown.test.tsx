import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "./markdown";

const hostile = `# Free them

<script>alert("x")</script>

<img src="x" onerror="alert('x')">

<a href="javascript:alert('x')" onclick="alert('x')">raw link</a>

[markdown link](javascript:alert('x')) and [data link](data:text/html;base64,PHNjcmlwdD4=)

<iframe src="https://evil.example"></iframe>

[The report](https://www.socialistworld.net/) **stays**.`;

describe("campaign bodies are sanitised", () => {
  const html = renderToStaticMarkup(<Markdown>{hostile}</Markdown>);

  it("renders no script, event handler, javascript: or data: link, or frame", () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\son\w+=/i);
    expect(html).not.toMatch(/javascript:/i);
    expect(html).not.toMatch(/data:text/i);
    expect(html).not.toMatch(/<iframe/i);
    expect(html).not.toMatch(/<img[^>]*onerror/i);
  });

  it("keeps ordinary Markdown: headings, bold and safe links", () => {
    expect(html).toContain("<h1>Free them</h1>");
    expect(html).toContain("<strong>stays</strong>");
    expect(html).toMatch(/<a href="https:\/\/www\.socialistworld\.net\/" rel="nofollow noopener noreferrer">The report<\/a>/);
  });
});

describe("a text's elements are kept between renderings", () => {
  it("renders a text the same way each time, and another text as itself", () => {
    const first = renderToStaticMarkup(<Markdown>{"**Free** [them](https://example.org/a)"}</Markdown>);
    const again = renderToStaticMarkup(<Markdown>{"**Free** [them](https://example.org/a)"}</Markdown>);
    const other = renderToStaticMarkup(<Markdown>{"_Release_ them"}</Markdown>);
    expect(again).toBe(first);
    expect(first).toContain("<strong>Free</strong>");
    expect(other).toContain("<em>Release</em> them");
    expect(other).not.toContain("Free");
  });
});

describe("images in a text", () => {
  it("become links to them: nothing is loaded from another site", () => {
    const html = renderToStaticMarkup(<Markdown>{"![The poster](https://elsewhere.example/poster.png) and ![](https://elsewhere.example/x.png)"}</Markdown>);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('<a href="https://elsewhere.example/poster.png" rel="nofollow noopener noreferrer">The poster</a>');
    expect(html).toContain('<a href="https://elsewhere.example/x.png" rel="nofollow noopener noreferrer">https://elsewhere.example/x.png</a>');
  });

  it("with an address the sanitiser refuses, leave their description only", () => {
    const html = renderToStaticMarkup(<Markdown>{"![Poster](javascript:alert(1))"}</Markdown>);
    expect(html).not.toMatch(/<img|javascript:|href/i);
    expect(html).toContain("Poster");
  });
});
