import { NextResponse, type NextRequest } from "next/server";
import { LOCALE_COOKIE, LOCALE_HEADER, PATH_HEADER, splitLocalePath } from "@/lib/i18n/config";
import { contentSecurityPolicy, tileOrigin } from "@/lib/security/headers";

/**
 * Every request but static files: a Content-Security-Policy with a fresh nonce (Next reads it from the
 * request's header and puts it on its scripts), and the language. An address may begin with a language
 * ("/ru/c/…"): it is served from the same page without it, in that language, and the choice is remembered
 * for addresses without one. The proxy decides nothing about access: lib/ does, on every read and write.
 */
export default function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development", tiles: tileOrigin() });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", csp);
  // Only the proxy sets these: a client's own copies are dropped.
  headers.delete(LOCALE_HEADER);
  const { locale, path } = splitLocalePath(request.nextUrl.pathname);
  headers.set(PATH_HEADER, path + request.nextUrl.search);

  let response: NextResponse;
  if (locale) {
    headers.set(LOCALE_HEADER, locale);
    const target = request.nextUrl.clone();
    target.pathname = path;
    response = NextResponse.rewrite(target, { request: { headers } });
    response.cookies.set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", httpOnly: true, maxAge: 365 * 86_400, secure: request.nextUrl.protocol === "https:" });
  } else {
    response = NextResponse.next({ request: { headers } });
  }
  response.headers.set("Content-Security-Policy", csp);
  response.headers.append("Vary", "Accept-Language, Cookie");
  return response;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
