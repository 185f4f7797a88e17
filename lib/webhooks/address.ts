import "server-only";
import { checkedAddress, FetchRefused, type FetchOptions } from "@/lib/articles/fetch-metadata";
import { PublicError } from "@/lib/errors";

// A webhook's address goes through the article fetcher's guard (lib/articles/address-guard.ts) when it is registered
// and again before every call: every address its name resolves to must be public, and the call connects to the one
// that was checked. https only; plain http for the test server on 127.0.0.1 alone (PICKET_FETCH_ALLOW_LOOPBACK=1).

export type AddressOptions = Pick<FetchOptions, "resolve" | "allowLoopback">;

const REASONS = { scheme: "https", blocked: "blocked", port: "port", unreachable: "unreachable" } as const;

export interface CheckedWebhookAddress {
  url: URL;
  address: string;
  family: 4 | 6;
}

/** The address, parsed and resolved to the one public address to connect to; a refusal names the url field. */
export async function checkWebhookAddress(raw: string, opts: AddressOptions = {}): Promise<CheckedWebhookAddress> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new PublicError("validation.url", "url");
  }
  const allowLoopback = opts.allowLoopback ?? process.env.PICKET_FETCH_ALLOW_LOOPBACK === "1";
  const testServer = allowLoopback && url.hostname === "127.0.0.1";
  if (url.protocol !== "https:" && !(url.protocol === "http:" && testServer)) throw new PublicError("webhooks.address.https", "url");
  try {
    return { url, ...(await checkedAddress(url, { ...opts, allowLoopback })) };
  } catch (e) {
    if (!(e instanceof FetchRefused)) throw e;
    const reason = e.messageKey.split(".").pop() as keyof typeof REASONS;
    throw new PublicError(`webhooks.address.${REASONS[reason] ?? "unreachable"}`, "url");
  }
}
