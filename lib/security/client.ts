import { LOCALE_HEADER } from "@/lib/i18n/config";
import { clientNetwork } from "./ip";
import { keyedHash } from "./tokens";

/** How many reverse proxies in front of the app append to X-Forwarded-For (PICKET_TRUSTED_PROXIES). */
export function trustedProxies(env: Record<string, string | undefined> = process.env): number {
  return Math.max(0, Math.floor(Number(env.PICKET_TRUSTED_PROXIES ?? 0)) || 0);
}

/**
 * The address a request came from, as X-Forwarded-For tells it once the proxy has cleaned it up: with no
 * trusted proxy, proxy.ts drops whatever the client sent, and Next's server puts the connection's address
 * there; with trusted proxies, each appends the address it was reached from, so the address the outermost
 * one saw is as many places from the end as there are proxies. Entries before it are the client's own word.
 */
export function clientAddress(headers: Headers, hops = trustedProxies()): string {
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return forwarded[Math.max(0, forwarded.length - Math.max(1, hops))] ?? "unknown";
}

/** The client as a keyed hash of its address (an IPv6 client by its /64): never stored or logged in clear. */
export function clientKey(headers: Headers, secret: string): string {
  return keyedHash(secret + ":client", clientNetwork(clientAddress(headers))).slice(0, 32);
}

/**
 * The headers of a request that does not pass through proxy.ts (the public pages' renderer reads a form's post
 * itself), cleaned up as the proxy cleans them: with no trusted proxy in front, the client's own X-Forwarded-*
 * headers are dropped and its connection's address is the one that counts.
 */
/** The headers a client may forge to claim another address or host: dropped unless a trusted proxy sets them. */
export const FORWARDING_HEADERS = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto"] as const;

export function headersPastTheProxy(raw: Record<string, string | string[] | undefined>, connection: string | undefined, hops = trustedProxies()): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  if (hops === 0) {
    for (const name of FORWARDING_HEADERS) headers.delete(name);
    if (connection) headers.set("x-forwarded-for", connection);
  }
  // Only the proxy names the language: a client's own copy is dropped.
  headers.delete(LOCALE_HEADER);
  return headers;
}
