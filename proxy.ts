import { NextResponse, type NextRequest } from "next/server";
import { LOCALE_COOKIE, LOCALE_HEADER, PATH_HEADER, splitLocalePath } from "@/lib/i18n/config";
import { FORWARDING_HEADERS, trustedProxies } from "@/lib/security/client";
import { contentSecurityPolicy, tileOrigin } from "@/lib/security/headers";

/**
 * Every request but static files and public pages: a Content-Security-Policy with a fresh nonce (Next reads it
 * from the request's header and puts it on its scripts), and the language. An address may begin with a language
 * ("/ru/login"): it is served from the same page without it, in that language, and the choice is remembered for
 * addresses without one. Public pages (lib/public/routes.ts) do not come here: next.config.js sends them to
 * pages/api/public/[[...path]].tsx, which does the same for them. The proxy decides nothing about access: lib/
 * does, on every read and write.
 */
export default function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development", tiles: tileOrigin() });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", csp);
  // Only the proxy sets this: a client's own copy is dropped.
  headers.delete(LOCALE_HEADER);
  // Without a trusted proxy in front, a client's own X-Forwarded-* headers are its word only: dropped, so that
  // Next's server puts the connection's address there (lib/security/client.ts) and nothing downstream (Auth.js's
  // redirects) takes a host the client made up. Links in emails never come from any header (lib/mail/origin.ts).
  if (trustedProxies() === 0) for (const name of FORWARDING_HEADERS) headers.delete(name);
  const { locale, path } = splitLocalePath(request.nextUrl.pathname);
  headers.set(PATH_HEADER, path + request.nextUrl.search);
  if (locale) headers.set(LOCALE_HEADER, locale);

  let response: NextResponse;
  if (locale) {
    const target = request.nextUrl.clone();
    target.pathname = path;
    response = NextResponse.rewrite(target, { request: { headers } });
    response.cookies.set(LOCALE_COOKIE, locale, {
      path: "/",
      sameSite: "lax",
      httpOnly: true,
      maxAge: 365 * 86_400,
      secure: request.nextUrl.protocol === "https:",
    });
  } else {
    response = NextResponse.next({ request: { headers } });
  }
  response.headers.set("Content-Security-Policy", csp);
  if (!response.headers.get("vary")?.includes("Accept-Language")) response.headers.append("Vary", "Accept-Language, Cookie");
  return response;
}

// Not static files, not the public pages' renderer, and not the public pages' own addresses (next.config.js's
// rewrites; lib/public/routes.test.ts checks that the two agree): "/", "/c/x", "/c/x/y", "/articles",
// "/articles/x", "/s/x", "/h/x", "/embed/c/x/y", each with or without a language in front.
export const config = {
  matcher: [
    {
      // prettier-ignore
      // eslint-disable-next-line max-len -- Next reads the matcher as written, without expressions: one string.
      source: "/((?!_next/static|_next/image|favicon.ico|api/public(?:/|$)|(?:(?:en|ru|kk|de|fr|pl)(?:/|$))?(?:$|c/[^/.]+(?:/[^/.]+)?$|articles(?:/[^/.]+)?$|[sh]/[^/.]+$|embed/c/[^/.]+/[^/.]+$)).*)",
    },
  ],
};
