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
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
  ...(process.env.NODE_ENV === "production" ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
];

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WASM and data files by path: bundling it breaks every query at run time.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "pg", "pino"],
  poweredByHeader: false,
  typedRoutes: false,
  experimental: { authInterrupts: true },
  // `npm test` type-checks the whole project (tsc) before it builds for the browser tests: that build skips
  // Next's second pass over the same code. Every other build (the demo's, production's) checks types itself.
  typescript: { ignoreBuildErrors: process.env.PICKET_TYPES_CHECKED === "1" },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default withNextIntl(nextConfig);
