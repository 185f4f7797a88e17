import createNextIntlPlugin from "next-intl/plugin";

// Every response, static files included (the Content-Security-Policy, with its per-request nonce, comes from proxy.ts).
// Only features browsers recognise: an unknown name makes Chromium log an error on every page.
const permissions = [
  "accelerometer",
  "autoplay",
  "browsing-topics",
  "camera",
  "display-capture",
  "geolocation",
  "gyroscope",
  "hid",
  "magnetometer",
  "microphone",
  "midi",
  "payment",
  "serial",
  "usb",
  "xr-spatial-tracking",
];
const securityHeaders = [
  // Other sites never learn our addresses (private links included). Pages lower this to same-origin with a
  // meta tag (app/layout.tsx) so that form posts keep their Origin header, which server actions check.
  { key: "Referrer-Policy", value: "no-referrer" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  // Passkeys (WebAuthn) for this site's own pages only, never for a frame of another site.
  {
    key: "Permissions-Policy",
    value: [...permissions.map((p) => `${p}=()`), "publickey-credentials-create=(self)", "publickey-credentials-get=(self)"].join(", "),
  },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
  ...(process.env.NODE_ENV === "production" ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
];

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

// The public pages (lib/public/routes.ts), with or without a language in front, are rendered by
// pages/api/public/[[...path]].tsx, past the proxy (proxy.ts's matcher leaves these same addresses out). A
// segment with a dot is a file (calendar.ics, feed.xml), never a page. One pattern for all (each rule is tried
// on every request): lib/public/routes.test.ts checks it, the routes table and the proxy's matcher against each other.
export const LOCALE_PATTERN = "en|ru|kk|de|fr|pl";
/** An event's embeddable sign-up, for a frame on a partner's site: /embed/c/{campaign}/{event}. */
export const EMBED_PAGE_PATTERN = `(?:(?:${LOCALE_PATTERN})/)?embed/c/[^/.]+/[^/.]+`;
const PAGES = "c/[^/.]+(?:/[^/.]+)?|articles(?:/[^/.]+)?|[sh]/[^/.]+|embed/c/[^/.]+/[^/.]+";
export const PUBLIC_PAGE_PATTERN = `(?:${LOCALE_PATTERN})|(?:(?:${LOCALE_PATTERN})/)?(?:${PAGES})`;

export function publicPageRewrites() {
  return [
    { source: "/", destination: "/api/public" },
    { source: `/:page(${PUBLIC_PAGE_PATTERN})`, destination: "/api/public/:page" },
  ];
}

/**
 * Every address is refused to frames (X-Frame-Options), but the embeds': their own Content-Security-Policy names
 * the sites that may frame them (lib/security/headers.ts), and X-Frame-Options would refuse them everywhere.
 * lib/public/routes.test.ts checks, with Next's own matching, which addresses this leaves out.
 */
export function frameHeaders() {
  return [
    { source: "/:path*", headers: securityHeaders },
    { source: `/:path((?!${EMBED_PAGE_PATTERN}/?$).*)`, headers: [{ key: "X-Frame-Options", value: "DENY" }] },
  ];
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WASM and data files by path: bundling it breaks every query at run time.
  // Tailwind's PostCSS plugin compiles the public pages' stylesheet at run time (lib/public/stylesheet.ts).
  // Fedify's packages are loaded by Node as they are: bundled, the route handlers and the worker (instrumentation)
  // would each hold a copy of its vocabulary, and one copy's objects fail the other's instanceof checks.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "@node-rs/argon2",
    "pg",
    "pino",
    "postcss",
    "@tailwindcss/postcss",
    "@fedify/fedify",
    "@fedify/vocab",
    "@fedify/vocab-runtime",
    "@fedify/webfinger",
  ],
  // The public pages' renderer (pages/api) is bundled like the App Router's code, so that lib's "server-only"
  // marker resolves as it does on the server there, instead of being loaded as an outside package.
  bundlePagesRouterDependencies: true,
  poweredByHeader: false,
  typedRoutes: false,
  experimental: { authInterrupts: true },
  // `npm test` type-checks the whole project (tsc) before it builds for the browser tests: that build skips
  // Next's second pass over the same code. Every other build (the demo's, production's) checks types itself.
  typescript: { ignoreBuildErrors: process.env.PICKET_TYPES_CHECKED === "1" },
  async rewrites() {
    return { beforeFiles: publicPageRewrites() };
  },
  async headers() {
    return frameHeaders();
  },
};

export default withNextIntl(nextConfig);
