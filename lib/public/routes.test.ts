import { modifyRouteRegex } from "next/dist/lib/redirect-status";
import { getPathMatch } from "next/dist/shared/lib/router/utils/path-match";
import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/config";
import { config as proxyConfig } from "@/proxy";
import { publicPage } from "./routes";

// next.config.js is JavaScript, read by Next itself: loaded here as it exports, typed by what the test uses.
const nextConfigFile = "../../next.config.js";
const { LOCALE_PATTERN, PUBLIC_PAGE_PATTERN, publicPageRewrites, frameHeaders } = (await import(/* @vite-ignore */ nextConfigFile)) as {
  LOCALE_PATTERN: string;
  PUBLIC_PAGE_PATTERN: string;
  publicPageRewrites(): { source: string; destination: string }[];
  frameHeaders(): { source: string; headers: { key: string; value: string }[] }[];
};

// Three places name the public pages, and must agree: the routes table (which page an address is), next.config.js
// (which addresses go to the public pages' renderer) and the proxy's matcher (which addresses it leaves out).

const ADDRESSES = [
  "/",
  "/ru",
  "/kk/",
  "/c/embassy-day",
  "/de/c/embassy-day",
  "/c/embassy-day/london",
  "/pl/c/embassy-day/london",
  "/articles",
  "/fr/articles",
  "/articles/6f1c",
  "/s/abcdefghijklmnopqrstuvwxyz",
  "/ru/s/abcdefghijklmnopqrstuvwxyz",
  "/c/embassy-day/host",
  "/h/abcdefghijklmnopqrstuvwxyz",
  "/kk/h/abcdefghijklmnopqrstuvwxyz",
  "/embed/c/embassy-day/london",
  "/ru/embed/c/embassy-day/london",
  // Not pages: files, forms' addresses, the dashboard, anything deeper.
  "/c/embassy-day/calendar.ics",
  "/c/embassy-day/feed.xml",
  "/c/embassy-day/london/event.ics",
  "/c/embassy-day/london/signup",
  "/ru/c/embassy-day/london/signup",
  "/s/abcdefghijklmnopqrstuvwxyz/erase",
  "/c/embassy-day/host/propose",
  "/h/abcdefghijklmnopqrstuvwxyz/confirm",
  "/dashboard",
  "/ru/dashboard",
  "/login",
  "/en/login",
  "/api/c/embassy-day/london/signups",
  "/assets/picket.0123456789ab.js",
  "/xx/c/embassy-day",
  "/c",
  "/icon.svg",
  "/embed",
  "/embed/c/embassy-day",
  "/embed/c/embassy-day/london/signup",
  "/embed/c/embassy-day/london/event.ics",
  "/embed/x/embassy-day/london",
  "/xx/embed/c/embassy-day/london",
  "/c/embassy-day/embed",
];

const rewritten = (address: string) =>
  publicPageRewrites().some(({ source }) =>
    source === "/" ? address === "/" : new RegExp(`^${source.replace(/^\/:page\((.*)\)$/, "/(?:$1)")}/?$`).test(address),
  );
const proxied = (address: string) => new RegExp(`^${proxyConfig.matcher[0]!.source}$`).test(address);

describe("the public pages' addresses", () => {
  it("name the same languages as the app", () => {
    expect(LOCALE_PATTERN.split("|")).toEqual([...LOCALES]);
    expect(PUBLIC_PAGE_PATTERN).toContain(LOCALE_PATTERN);
    expect(proxyConfig.matcher[0]!.source).toContain(`(?:${LOCALE_PATTERN})`);
  });

  it.each(ADDRESSES)("%s: a page of the table exactly when it is rewritten to the renderer and left out by the proxy", (address) => {
    const page = publicPage(address.replace(/(.)\/$/, "$1"));
    expect(rewritten(address)).toBe(page !== null);
    expect(proxied(address)).toBe(page === null);
  });
});

describe("which addresses refuse every frame", () => {
  // As Next's router matches a header rule's source (lib/router-utils/filesystem.js buildCustomRoute).
  const matches = (source: string, address: string) =>
    getPathMatch(source, { strict: true, removeUnnamedParams: true, regexModifier: (regex) => modifyRouteRegex(regex) })(address) !== false;
  const headersOf = (address: string) =>
    frameHeaders()
      .filter(({ source }) => matches(source, address))
      .flatMap((rule) => rule.headers);

  it.each([...ADDRESSES, "/embed/c/embassy-day/london/"])("%s: X-Frame-Options DENY unless it is an embed, which names its framing sites itself", (address) => {
    const frameOptions = headersOf(address).filter((h) => h.key === "X-Frame-Options");
    const embed = publicPage(address.replace(/(.)\/$/, "$1")) === "embed";
    expect(frameOptions).toEqual(embed ? [] : [{ key: "X-Frame-Options", value: "DENY" }]);
    // The other security headers go everywhere, embeds included.
    expect(headersOf(address).map((h) => h.key)).toEqual(expect.arrayContaining(["Referrer-Policy", "X-Content-Type-Options", "Permissions-Policy"]));
  });
});
