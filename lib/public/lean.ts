// Public pages reach readers as server-rendered HTML without React in the browser.
//
// Next's App Router hydrates every page: React DOM and Next's router alone are about 130 KB of gzipped
// JavaScript, more than the 110 KB a public page may ship to a cheap phone or a Tor browser. Nothing on a
// public page needs them: every form posts without JavaScript, every link is a plain link. So the proxy
// renders a public page through this same server (as it does for the page cache), takes Next's scripts and
// its component payload out of the HTML, and adds one small script of our own (lib/public/browser.ts) for
// what JavaScript adds: the reader's own time, the map on request, a busy submit button, focus on the first
// field to fix. Stylesheets, markup and React's own inline HTML-streaming scripts stay as rendered.

import { publicPage } from "./routes";

/** Public pages served lean: every page of the public table (lib/public/routes.ts). */
export function isLeanPage(pathname: string): boolean {
  return publicPage(pathname) !== null;
}

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/g;
const PRELOAD = /<link\b[^>]*\bas="script"[^>]*>/g;
const SRC = /\bsrc="([^"]*)"/;

/** Next's own: its chunk files, its runtime's bootstrap, and the component payload for hydration. */
function isNextScript(attributes: string, content: string): boolean {
  const src = SRC.exec(attributes)?.[1];
  if (src !== undefined) return src.startsWith("/_next/");
  const code = content.trimStart();
  return (
    code.startsWith("(self.__next_f") ||
    code.startsWith("self.__next_f") ||
    code.startsWith('(globalThis["TURBOPACK"]') ||
    code.startsWith("(globalThis.TURBOPACK")
  );
}

/**
 * The page without Next's scripts, with ours (`script`, a complete tag carrying the nonce) at the end of the
 * body. Null when the page is not what Next renders (no body), so that it is served as rendered.
 */
export function toLeanHtml(html: string, script: string): string | null {
  const end = html.lastIndexOf("</body>");
  if (end < 0) return null;
  const lean = html
    .slice(0, end)
    .replace(SCRIPT, (whole, attributes: string, content: string) => (isNextScript(attributes, content) ? "" : whole))
    .replace(PRELOAD, (link) => (/\bhref="\/_next\//.test(link) ? "" : link));
  return lean + script + html.slice(end);
}

/** The tag of our script, for one nonce (or the page cache's placeholder for it). */
export function leanScriptTag(src: string, nonce: string): string {
  return `<script src="${src}" nonce="${nonce}" defer></script>`;
}
