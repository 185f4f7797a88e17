import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isBlockedAddress } from "./address-guard";
import { checkedAddress, fetchPageMetadata, type Resolver } from "./fetch-metadata";

const FORBIDDEN = [
  "127.0.0.1",
  "::1",
  "10.0.0.1",
  "192.168.1.1",
  "169.254.169.254",
  "172.16.5.4",
  "0.0.0.0",
  "fe80::1",
  "fd00::1",
  "::ffff:127.0.0.1",
  "::ffff:7f00:1",
  "::ffff:169.254.169.254",
  "100.64.0.1",
  // Site-local (deprecated, still routed inside some networks) and local-use NAT64, whatever IPv4 address they carry.
  "fec0::1",
  "feff:ffff::1",
  "64:ff9b:1::808:808",
  "64:ff9b:1:ffff::1",
];

describe("the request-forgery guard", () => {
  it.each(FORBIDDEN)("refuses %s", (ip) => {
    expect(isBlockedAddress(ip)).toBe(true);
  });

  it.each(["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946", "8.8.8.8"])("lets the public address %s through", (ip) => {
    expect(isBlockedAddress(ip)).toBe(false);
  });

  it("refuses anything that is not an address", () => {
    expect(isBlockedAddress("localhost")).toBe(true);
    expect(isBlockedAddress("")).toBe(true);
  });

  it("lets only 127.0.0.1 through when loopback is allowed for tests", () => {
    expect(isBlockedAddress("127.0.0.1", { allowLoopback: true })).toBe(false);
    expect(isBlockedAddress("127.0.0.2", { allowLoopback: true })).toBe(true);
    expect(isBlockedAddress("::1", { allowLoopback: true })).toBe(true);
    expect(isBlockedAddress("10.0.0.1", { allowLoopback: true })).toBe(true);
  });

  it.each(["127.0.0.1", "[::1]", "10.0.0.1", "192.168.1.1", "169.254.169.254"])("refuses a URL naming %s before connecting", async (host) => {
    await expect(fetchPageMetadata(`http://${host}/`, { allowLoopback: false })).rejects.toMatchObject({ messageKey: "articles.fetch.blocked", field: "url" });
  });

  it.each(["127.0.0.1", "::1", "10.0.0.1", "192.168.1.1", "169.254.169.254"])("refuses a host name that resolves to %s", async (ip) => {
    const resolve: Resolver = async () => [{ address: ip, family: ip.includes(":") ? 6 : 4 }];
    await expect(checkedAddress(new URL("https://news.example/report"), { resolve, allowLoopback: false })).rejects.toMatchObject({
      messageKey: "articles.fetch.blocked",
    });
  });

  it("refuses a host name when any one of its addresses is private", async () => {
    const resolve: Resolver = async () => [
      { address: "93.184.216.34", family: 4 },
      { address: "10.0.0.1", family: 4 },
    ];
    await expect(checkedAddress(new URL("https://news.example/"), { resolve })).rejects.toMatchObject({ messageKey: "articles.fetch.blocked" });
  });

  it("refuses every port but 80 and 443, even on a public address", async () => {
    const resolve: Resolver = async () => [{ address: "93.184.216.34", family: 4 }];
    for (const url of ["http://example.org:8080/", "https://example.org:8443/", "http://example.org:25/", "http://93.184.216.34:6379/"]) {
      await expect(checkedAddress(new URL(url), { resolve })).rejects.toThrow("articles.fetch.port");
    }
    for (const url of ["http://example.org/", "https://example.org/", "http://example.org:443/", "https://example.org:80/"]) {
      await expect(checkedAddress(new URL(url), { resolve })).resolves.toEqual({ address: "93.184.216.34", family: 4 });
    }
  });

  it("refuses other schemes and credentials in the address", async () => {
    await expect(fetchPageMetadata("file:///etc/passwd")).rejects.toMatchObject({ messageKey: "articles.fetch.scheme" });
    await expect(fetchPageMetadata("ftp://news.example/")).rejects.toMatchObject({ messageKey: "articles.fetch.scheme" });
    await expect(fetchPageMetadata("http://user:pw@news.example/")).rejects.toMatchObject({ messageKey: "articles.fetch.scheme" });
  });
});

describe("fetching a page's metadata from a test server on 127.0.0.1", () => {
  let server: Server;
  let base: string;
  let hits: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      hits.push(req.url ?? "");
      const redirect = req.url?.match(/^\/to\/(.+)$/);
      if (redirect) {
        res.writeHead(302, { location: decodeURIComponent(redirect[1]!) });
        return res.end();
      }
      if (req.url === "/loop") {
        res.writeHead(302, { location: "/loop" });
        return res.end();
      }
      if (req.url === "/slow") return; // never answers
      if (req.url === "/pdf") {
        res.writeHead(200, { "content-type": "application/pdf" });
        return res.end("%PDF");
      }
      if (req.url === "/huge") {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        res.write(`<html lang="en"><head><title>Huge page</title></head><body>`);
        const chunk = "x".repeat(64 * 1024);
        for (let i = 0; i < 40; i++) res.write(chunk);
        return res.end("</body></html>");
      }
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(`<!doctype html><html lang="ru-RU"><head>
        <title>Fallback title</title>
        <meta property="og:title" content="Казахстан: кровавый режим &amp; репрессии">
        <meta property="og:site_name" content='socialistworld.net'>
        <meta name="author" content="CWI reporter">
        <meta property="article:published_time" content="2012-07-18T09:30:00+00:00">
        <meta name="description" content="Массовые репрессии против рабочих &#8212; report">
        <!-- <meta property="og:title" content="commented out"> -->
        </head><body><script>var x = "<meta property='og:site_name' content='script'>";</script></body></html>`);
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("reads Open Graph and HTML metadata", async () => {
    const meta = await fetchPageMetadata(`${base}/article`, { allowLoopback: true });
    expect(meta).toMatchObject({
      title: "Казахстан: кровавый режим & репрессии",
      publication: "socialistworld.net",
      author: "CWI reporter",
      publishedOn: "2012-07-18",
      language: "ru",
      excerpt: "Массовые репрессии против рабочих — report",
    });
  });

  it("follows a redirect to an allowed address", async () => {
    const meta = await fetchPageMetadata(`${base}/to/${encodeURIComponent("/article")}`, { allowLoopback: true });
    expect(meta.publication).toBe("socialistworld.net");
  });

  it.each(["http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/", "http://192.168.1.1/admin", "http://[::1]/", "http://127.0.0.2/"])(
    "refuses a redirect to %s",
    async (target) => {
      await expect(fetchPageMetadata(`${base}/to/${encodeURIComponent(target)}`, { allowLoopback: true })).rejects.toMatchObject({
        messageKey: "articles.fetch.blocked",
      });
    },
  );

  it("refuses a redirect to a host name that resolves to a private address", async () => {
    const resolve: Resolver = async (host) => (host === "intranet.example" ? [{ address: "10.0.0.1", family: 4 }] : []);
    await expect(fetchPageMetadata(`${base}/to/${encodeURIComponent("http://intranet.example/")}`, { allowLoopback: true, resolve })).rejects.toMatchObject({
      messageKey: "articles.fetch.blocked",
    });
  });

  it("follows at most three redirects", async () => {
    hits = [];
    await expect(fetchPageMetadata(`${base}/loop`, { allowLoopback: true })).rejects.toMatchObject({ messageKey: "articles.fetch.tooManyRedirects" });
    expect(hits).toHaveLength(4);
  });

  it("gives up after the timeout", async () => {
    const started = Date.now();
    await expect(fetchPageMetadata(`${base}/slow`, { allowLoopback: true, timeoutMs: 300 })).rejects.toMatchObject({ messageKey: "articles.fetch.timeout" });
    // It waited for its own limit, not less; a limit that did not work would hang until the test's own.
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it("reads at most 1 MB and refuses what is not a web page", async () => {
    const meta = await fetchPageMetadata(`${base}/huge`, { allowLoopback: true });
    expect(meta.title).toBe("Huge page");
    await expect(fetchPageMetadata(`${base}/pdf`, { allowLoopback: true })).rejects.toMatchObject({ messageKey: "articles.fetch.notHtml" });
  });

  it("without the test allowance, the loopback server itself is refused", async () => {
    await expect(fetchPageMetadata(`${base}/article`, { allowLoopback: false })).rejects.toMatchObject({ messageKey: "articles.fetch.blocked" });
  });
});
