// Whole public pages (home, campaign, event) kept in memory for a few seconds, so a crowd reading one event
// page costs one render, not one per reader.
//
// Next's own full-page cache cannot serve them: every page carries a per-request CSP nonce on its scripts,
// which makes it dynamic. So the proxy keeps the HTML rendered with a placeholder nonce and puts each
// response's fresh nonce in its place. Pages are the same for every reader of one language (nothing in
// them depends on a session or a cookie); private pages (/s/…) and the dashboard are never kept.
//
// Freshness: every change made through the app (each form action, each sign-up, check-in or walk-in) calls
// publicPagesChanged(). The first reader after a change waits for a new rendering; readers who arrive while
// it is being made get the previous one, so at most one rendering per page is ever in progress. Entries also
// expire after PICKET_PAGE_CACHE_SECONDS (default 5): the bound for changes made by another app instance on
// the same database, and for time passing (a deadline, an event starting).

import { randomBytes } from "node:crypto";
import { publicPage, SHARED_PAGES } from "./routes";
import { logFailure } from "@/lib/log";

export interface CachedPage {
  status: number;
  headers: [string, string][];
  body: string;
  renderedAt: number;
  version: number;
}

interface Registry {
  version: number;
  entries: Map<string, CachedPage>;
  filling: Map<string, Promise<CachedPage | null>>;
  /** Stands for the nonce in kept pages; random per process, so no content can guess it. */
  placeholder: string;
  /** Marks the proxy's own rendering requests; random per process. */
  fillSecret: string;
}

const MAX_ENTRIES = 300;
const MAX_BODY = 1_000_000;
/** Query parameters the kept pages read; an address with any other is rendered as usual, never kept. */
const PAGE_PARAMS = ["original", "erased", "case"];
/** Headers a kept page keeps; the rest (cookies, lengths, encodings, the CSP) belong to one response. */
const KEPT_HEADERS = ["content-type", "cache-control", "vary", "x-nextjs-stale-time", "x-nextjs-prerender"];

// One registry per process, shared by the proxy and the app's actions and route handlers (separate bundles).
const KEY = Symbol.for("picket.publicPageCache");

function registry(): Registry {
  const g = globalThis as unknown as Record<symbol, Registry | undefined>;
  return (g[KEY] ??= {
    version: 0,
    entries: new Map(),
    filling: new Map(),
    placeholder: randomBytes(12).toString("hex"),
    fillSecret: randomBytes(24).toString("hex"),
  });
}

export function pageCacheSeconds(env: Record<string, string | undefined> = process.env): number {
  if (env.NODE_ENV === "development") return 0;
  const raw = env.PICKET_PAGE_CACHE_SECONDS;
  const seconds = raw === undefined || raw === "" ? 5 : Number(raw);
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 300) : 0;
}

/** Public data changed: every kept page is outdated from now on. */
export function publicPagesChanged(): void {
  registry().version++;
}

export const placeholderNonce = (): string => registry().placeholder;
export const FILL_HEADER = "x-picket-page-fill";
/** The language a rendering for the cache is made in (trusted only with the fill secret). */
export const FILL_LOCALE_HEADER = "x-picket-page-fill-locale";
export const isFillRequest = (value: string | null): boolean => value !== null && value === registry().fillSecret;
export const fillSecret = (): string => registry().fillSecret;

/**
 * A page that may be kept: "/", "/c/{campaign}" and "/c/{campaign}/{event}", with or without a language in
 * front, and with no query parameters but those the pages read. The page's HTML names the address it was
 * asked for (Next's router starts from it), so it is rendered at that same address, in the reader's language.
 */
export function keptPage(locale: string, pathname: string, search: string): { key: string; address: string } | null {
  const page = publicPage(pathname);
  if (!page || !SHARED_PAGES.has(page)) return null;
  if (search.length > 200) return null;
  for (const name of new URLSearchParams(search).keys()) if (!PAGE_PARAMS.includes(name)) return null;
  const address = pathname + search;
  return { key: `${locale} ${address}`, address };
}

/** A rendered response as a page, if it is a whole HTML page (found or not found); only found ones are kept. */
export async function toCachedPage(response: Response, version: number, now = Date.now()): Promise<CachedPage | null> {
  if ((response.status !== 200 && response.status !== 404) || !(response.headers.get("content-type") ?? "").startsWith("text/html")) {
    await response.body?.cancel();
    return null;
  }
  const body = await response.text();
  if (body.length > MAX_BODY) return null;
  const headers: [string, string][] = [];
  for (const name of KEPT_HEADERS) {
    const value = response.headers.get(name);
    if (value !== null) headers.push([name, value]);
  }
  return { status: response.status, headers, body, renderedAt: now, version };
}

/**
 * The page for a key: kept and fresh, else rendered by `render` (at most one rendering per key at a time).
 * While a newer rendering is in progress, an outdated page is served rather than waited for. Null when the
 * page cannot be rendered here (a redirect, an error): the caller renders it as usual. A page not found is
 * served but not kept.
 */
export async function cachedPage(
  key: string,
  render: (version: number) => Promise<CachedPage | null>,
  ttlMs: number,
  now = Date.now(),
): Promise<CachedPage | null> {
  const r = registry();
  const entry = r.entries.get(key);
  if (entry && entry.version === r.version && now - entry.renderedAt < ttlMs) return entry;
  const inProgress = r.filling.get(key);
  if (inProgress) return entry ?? inProgress;
  const version = r.version;
  const filling = render(version)
    .catch((e: unknown) => {
      logFailure("page cache: rendering failed", e);
      return null;
    })
    .then((page) => {
      if (page?.status === 200) {
        r.entries.delete(key);
        r.entries.set(key, page);
        while (r.entries.size > MAX_ENTRIES) r.entries.delete(r.entries.keys().next().value!);
      } else {
        r.entries.delete(key);
      }
      return page;
    })
    .finally(() => r.filling.delete(key));
  r.filling.set(key, filling);
  return filling;
}

/** A kept page's HTML for one response: its own nonce where the placeholder stands. */
export function withNonce(page: CachedPage, nonce: string): string {
  return page.body.split(registry().placeholder).join(nonce);
}

/** Forgets every kept page (tests). */
export function clearPageCache(): void {
  const r = registry();
  r.entries.clear();
  r.filling.clear();
}
