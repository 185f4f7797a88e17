import { keyedHash } from "./tokens";

/**
 * The address a request came from, as a keyed hash: never stored or logged in clear.
 * Next's server appends the socket address to X-Forwarded-For; PICKET_TRUSTED_PROXIES
 * says how many proxies in front of it append theirs.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const hops = Math.max(0, Number(process.env.PICKET_TRUSTED_PROXIES ?? 0) || 0);
  return forwarded[Math.max(0, forwarded.length - 1 - hops)] ?? headers.get("x-real-ip") ?? "unknown";
}

export function clientKey(headers: Headers, secret: string): string {
  return keyedHash(secret + ":client", clientAddress(headers)).slice(0, 32);
}
