// The Content-Security-Policy the proxy adds to every page and API response, with a fresh nonce per
// request that Next puts on its own scripts; public pages, which run one script file of ours and no inline
// script, have one without a nonce. The other security headers are in next.config.js, which adds them to every
// response, static files included.

/** The origin map tiles come from, allowed as images (the map loads them only when the reader asks). */
export function tileOrigin(template = process.env.PICKET_MAP_TILE_URL ?? "https://tile.openstreetmap.org/{z}/{x}/{y}.png"): string | null {
  if (!template) return null;
  try {
    return new URL(template.replace(/\{[a-z]\}/g, "0")).origin;
  } catch {
    return null;
  }
}

/** `nonce`: scripts only with this response's nonce, and what those load; null: script files of this site only. */
export function contentSecurityPolicy(nonce: string | null, opts: { dev?: boolean; tiles?: string | null } = {}): string {
  const images = ["'self'", "data:", "blob:", ...(opts.tiles ? [opts.tiles] : [])].join(" ");
  return [
    "default-src 'self'",
    // No inline script without this response's nonce ('strict-dynamic': and what those load).
    `script-src 'self'${nonce === null ? "" : ` 'nonce-${nonce}' 'strict-dynamic'`}${opts.dev ? " 'unsafe-eval'" : ""}`,
    // React and the map set style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    `img-src ${images}`,
    "font-src 'self'",
    `connect-src 'self'${opts.dev ? " ws:" : ""}`,
    "frame-src 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "manifest-src 'self'",
    "worker-src 'self' blob:",
  ].join("; ");
}
