import { NextResponse, type NextRequest } from "next/server";
import { LOCALE_COOKIE, LOCALE_HEADER, PATH_HEADER, isLocale, localeFromHeaders, splitLocalePath } from "@/lib/i18n/config";
import {
  FILL_HEADER,
  FILL_LOCALE_HEADER,
  cachedPage,
  fillSecret,
  isFillRequest,
  keptPage,
  pageCacheSeconds,
  placeholderNonce,
  toCachedPage,
  withNonce,
} from "@/lib/public/page-cache";
import { PUBLIC_SCRIPT_PATH } from "@/lib/public/assets";
import { isLeanPage, leanScriptTag, toLeanHtml } from "@/lib/public/lean";
import { trustedProxies } from "@/lib/security/client";
import { contentSecurityPolicy, tileOrigin } from "@/lib/security/headers";
import { logFailure } from "@/lib/log";

/**
 * Every request but static files: a Content-Security-Policy with a fresh nonce (Next reads it from the
 * request's header and puts it on its scripts), and the language. An address may begin with a language
 * ("/ru/c/…"): it is served from the same page without it, in that language, and the choice is remembered
 * for addresses without one. Public pages are rendered through this same server and sent lean, without
 * Next's scripts (lib/public/lean.ts), and may come from the page cache (lib/public/page-cache.ts), with this
 * response's nonce. The proxy decides nothing about access: lib/ does, on every read and write.
 */
export default async function proxy(request: NextRequest) {
  // The proxy's own rendering of a page for the cache: the placeholder stands where the nonce goes.
  const filling = isFillRequest(request.headers.get(FILL_HEADER));
  const nonce = filling ? placeholderNonce() : Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development", tiles: tileOrigin() });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", csp);
  // Only the proxy sets these: a client's own copies are dropped.
  headers.delete(LOCALE_HEADER);
  headers.delete(FILL_HEADER);
  headers.delete(FILL_LOCALE_HEADER);
  // Without a trusted proxy in front, a client's own X-Forwarded-* headers are its word only: dropped, so that
  // Next's server puts the connection's address there (lib/security/client.ts) and nothing downstream (Auth.js's
  // redirects) takes a host the client made up. Links in emails never come from any header (lib/mail/origin.ts).
  if (trustedProxies() === 0) for (const name of ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto"]) headers.delete(name);
  const { locale, path } = splitLocalePath(request.nextUrl.pathname);
  headers.set(PATH_HEADER, path + request.nextUrl.search);
  const fillLocale = request.headers.get(FILL_LOCALE_HEADER);
  if (locale) headers.set(LOCALE_HEADER, locale);
  else if (filling && isLocale(fillLocale)) headers.set(LOCALE_HEADER, fillLocale);

  let response: NextResponse | null = null;
  const port = process.env.PORT;
  // Public pages go to readers lean (lib/public/lean.ts), and kept for a crowd when they may be.
  if (!filling && port && request.method === "GET" && wantsDocument(request) && isLeanPage(request.nextUrl.pathname)) {
    const readerLocale = localeFromHeaders(headers);
    const ttl = pageCacheSeconds() * 1000;
    const kept = ttl > 0 ? keptPage(readerLocale, request.nextUrl.pathname, request.nextUrl.search) : null;
    const page = kept
      ? await cachedPage(kept.key, (version) => render(port, kept.address, readerLocale, version), ttl)
      : await render(port, request.nextUrl.pathname + request.nextUrl.search, readerLocale, 0).catch((e: unknown) => {
          logFailure("lean page: rendering failed", e);
          return null;
        });
    if (page) {
      response = new NextResponse(withNonce(page, nonce), { status: page.status, headers: page.headers });
    }
  }
  if (!response && locale) {
    const target = request.nextUrl.clone();
    target.pathname = path;
    response = NextResponse.rewrite(target, { request: { headers } });
  }
  response ??= NextResponse.next({ request: { headers } });
  if (locale)
    response.cookies.set(LOCALE_COOKIE, locale, {
      path: "/",
      sameSite: "lax",
      httpOnly: true,
      maxAge: 365 * 86_400,
      secure: request.nextUrl.protocol === "https:",
    });
  response.headers.set("Content-Security-Policy", csp);
  if (!response.headers.get("vary")?.includes("Accept-Language")) response.headers.append("Vary", "Accept-Language, Cookie");
  return response;
}

/**
 * Only a request for an HTML document gets a kept page. In-app navigations and prefetches ask for Next's
 * component payload at the same address (Next hides their own headers from the proxy, but they never
 * accept text/html); those, and anything else, are rendered as usual.
 */
function wantsDocument(request: NextRequest): boolean {
  return (request.headers.get("accept") ?? "").includes("text/html") && !request.headers.has("rsc") && !request.nextUrl.searchParams.has("_rsc");
}

/**
 * Renders a page through this same server, as any reader would get it but with the placeholder nonce, and
 * makes it lean.
 */
async function render(port: string, address: string, locale: string, version: number) {
  const response = await fetch(`http://127.0.0.1:${port}${address}`, {
    headers: { [FILL_HEADER]: fillSecret(), [FILL_LOCALE_HEADER]: locale, "accept-encoding": "identity" },
    redirect: "manual",
    signal: AbortSignal.timeout(15_000),
  });
  const page = await toCachedPage(response, version);
  if (!page) return null;
  const lean = toLeanHtml(page.body, leanScriptTag(PUBLIC_SCRIPT_PATH, placeholderNonce()));
  return lean === null ? null : { ...page, body: lean };
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
