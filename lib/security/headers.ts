// The Content-Security-Policy the proxy adds to every page and API response, with a fresh nonce per
// request that Next puts on its own scripts; public pages, which run one script file of ours and no inline
// script, have one without a nonce. The other security headers are in next.config.js, which adds them to every
// response, static files included, X-Frame-Options: DENY too, but for the embeds' addresses: an embed
// (/embed/c/{campaign}/{event}) may be framed by the sites its campaign lists, and by no other.

/** The origin map tiles come from, allowed as images (the map loads them only when the reader asks). */
export function tileOrigin(template = process.env.PICKET_MAP_TILE_URL ?? "https://tile.openstreetmap.org/{z}/{x}/{y}.png"): string | null {
  if (!template) return null;
  try {
    return new URL(template.replace(/\{[a-z]\}/g, "0")).origin;
  } catch {
    return null;
  }
}

/**
 * The sites that may show a page in a frame, as `frame-ancestors` names them: each listed origin exactly as
 * written (https://partner.example.org), 'none' when there is none. An entry that is not a plain origin (the
 * campaign form accepts none, and a stored value is never trusted to be one) is left out: it could end the directive.
 */
export function frameAncestors(origins: readonly string[] = []): string {
  const plain = origins.filter((o) => URL.canParse(o) && new URL(o).origin === o && /^https?:$/.test(new URL(o).protocol));
  return `frame-ancestors ${plain.length ? [...new Set(plain)].join(" ") : "'none'"}`;
}

/**
 * `nonce`: scripts only with this response's nonce, and what those load; null: script files of this site only.
 * `embed`: an embedded sign-up, which runs no script at all and may be framed by the origins listed.
 */
export function contentSecurityPolicy(
  nonce: string | null,
  opts: { dev?: boolean; tiles?: string | null; embed?: { frameAncestors: readonly string[] } } = {},
): string {
  const images = ["'self'", "data:", "blob:", ...(opts.tiles ? [opts.tiles] : [])].join(" ");
  return [
    "default-src 'self'",
    // No inline script without this response's nonce ('strict-dynamic': and what those load).
    opts.embed ? "script-src 'none'" : `script-src 'self'${nonce === null ? "" : ` 'nonce-${nonce}' 'strict-dynamic'`}${opts.dev ? " 'unsafe-eval'" : ""}`,
    // React and the map set style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    `img-src ${images}`,
    "font-src 'self'",
    `connect-src 'self'${opts.dev ? " ws:" : ""}`,
    "frame-src 'none'",
    frameAncestors(opts.embed?.frameAncestors),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "manifest-src 'self'",
    "worker-src 'self' blob:",
  ].join("; ");
}
