import { describe, expect, it } from "vitest";
import { parseHtmlMetadata } from "./html-metadata";

describe("reading a page's metadata", () => {
  it("decodes every HTML entity, not only the common ones", () => {
    const meta = parseHtmlMetadata(`<html lang="fr"><head>
      <title>R&eacute;pression &amp; gr&egrave;ves &ndash; 2012</title>
      <meta name="description" content="&Zcaron;analtyn? &euro;5 &#x41A;&#1072;&#x437;&#1072;&#x445; &laquo;&nbsp;strike&nbsp;&raquo; &notanentity;">
    </head></html>`);
    expect(meta.title).toBe("Répression & grèves – 2012");
    expect(meta.excerpt).toBe("Žanaltyn? €5 Казах « strike » &notanentity;");
    expect(meta.language).toBe("fr");
  });

  it("reads tags and attributes whatever their case and quoting, and the first value of each name", () => {
    const meta = parseHtmlMetadata(`<HTML LANG=kk-KZ><HEAD>
      <META PROPERTY=og:title CONTENT=Zhanaozen>
      <meta property="og:title" content="second title">
      <meta property='og:site_name' content='Socialist World'>
      <meta itemprop="datePublished" content="18 July 2012">
      <meta name="author" content="https://example.org/people/writer">
    </HEAD></HTML>`);
    expect(meta).toMatchObject({ title: "Zhanaozen", publication: "Socialist World", publishedOn: "2012-07-18", language: "kk", author: "" });
  });

  it("takes nothing from comments, scripts, styles or the page's text", () => {
    const meta = parseHtmlMetadata(`<html><head>
      <!-- <meta property="og:title" content="commented"> <title>commented</title> -->
      <script>document.write('<meta property="og:site_name" content="script"><title>script</title>')</script>
      <style>/* <meta name="author" content="style"> */</style>
    </head><body><p>&lt;meta name="description" content="text"&gt;</p><title>late title</title></body></html>`);
    expect(meta).toMatchObject({ title: "late title", publication: "", author: "", excerpt: "" });
  });

  it("reads a written-out date as that day, whatever the server's zone", () => {
    expect(parseHtmlMetadata(`<meta name="date" content="18 July 2012">`).publishedOn).toBe("2012-07-18");
    expect(parseHtmlMetadata(`<meta name="date" content="Wed, 18 Jul 2012 10:00:00 +0000">`).publishedOn).toBe("2012-07-18");
    expect(parseHtmlMetadata(`<meta name="date" content="2012-07-18T23:30:00-05:00">`).publishedOn).toBe("2012-07-18");
  });

  it("falls back to the title element and og:locale, and leaves out what it cannot read", () => {
    const meta = parseHtmlMetadata(`<head><title>
      Workers on   trial
    </title><meta property="og:locale" content="ru_RU"><meta name="date" content="not a date"></head>`);
    expect(meta).toEqual({ title: "Workers on trial", publication: "", author: "", publishedOn: "", language: "ru", excerpt: "" });
  });
});
