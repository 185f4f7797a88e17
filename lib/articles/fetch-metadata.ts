import "server-only";
import { lookup as dnsLookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { PublicError } from "@/lib/errors";
import { isBlockedAddress } from "./address-guard";
import { parseHtmlMetadata, type PageMetadata } from "./html-metadata";

// "Fill in from the URL": the server fetches a page an organizer names, so that page must not be
// the server's own network. Every hop is resolved once, checked, and connected to at that address.

export const FETCH_LIMITS = { timeoutMs: 5_000, maxBytes: 1_000_000, maxRedirects: 3 };

export type Resolver = (host: string) => Promise<{ address: string; family: number }[]>;

export interface FetchOptions {
  /** Name resolution; tests inject one. */
  resolve?: Resolver;
  /** Lets 127.0.0.1 through for a test server: PICKET_FETCH_ALLOW_LOOPBACK=1. Production never sets it. */
  allowLoopback?: boolean;
  timeoutMs?: number;
  maxBytes?: number;
}

const defaultResolver: Resolver = (host) => dnsLookup(host, { all: true, verbatim: true });

/** The refusals people see; each has a message in articles.fetch. */
export class FetchRefused extends PublicError {
  constructor(reason: "scheme" | "blocked" | "port" | "unreachable" | "timeout" | "notHtml" | "tooManyRedirects" | "status") {
    super(`articles.fetch.${reason}`, "url");
    this.name = "FetchRefused";
  }
}

/** The one address this hop may connect to, or a refusal. Every address the name has must be public. */
export async function checkedAddress(url: URL, opts: FetchOptions = {}): Promise<{ address: string; family: 4 | 6 }> {
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new FetchRefused("scheme");
  if (url.username || url.password) throw new FetchRefused("scheme");
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const allowLoopback = opts.allowLoopback ?? process.env.PICKET_FETCH_ALLOW_LOOPBACK === "1";
  let found: { address: string; family: number }[];
  if (isIP(host)) {
    found = [{ address: host, family: isIP(host) }];
  } else {
    try {
      found = await (opts.resolve ?? defaultResolver)(host);
    } catch {
      throw new FetchRefused("unreachable");
    }
  }
  if (!found.length) throw new FetchRefused("unreachable");
  if (found.some((a) => isBlockedAddress(a.address, { allowLoopback }))) throw new FetchRefused("blocked");
  // Web pages live on 80 and 443; any other port is how a guard like this one is walked around (a mail
  // server, a database, an admin console on a public address). The test server on 127.0.0.1 is the exception.
  const port = url.port === "" ? (url.protocol === "https:" ? 443 : 80) : Number(url.port);
  const testServer = allowLoopback && found.every((a) => a.address === "127.0.0.1");
  if (port !== 80 && port !== 443 && !testServer) throw new FetchRefused("port");
  const first = found[0]!;
  return { address: first.address, family: first.family === 6 ? 6 : 4 };
}

interface Hop {
  status: number;
  location: string | null;
  contentType: string;
  body: Buffer;
}

function requestOnce(url: URL, pinned: { address: string; family: 4 | 6 }, deadline: number, maxBytes: number): Promise<Hop> {
  // The socket connects to the checked address, never to a second answer from DNS.
  const lookup: LookupFunction = (_host, options, callback) => {
    if (options.all)
      (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address: pinned.address, family: pinned.family }]);
    else callback(null, pinned.address, pinned.family);
  };
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const remaining = deadline - Date.now();
    if (remaining <= 0) return reject(new FetchRefused("timeout"));
    const req = client.request(
      url,
      {
        method: "GET",
        lookup,
        agent: false,
        headers: { "user-agent": "Picket/1.0 (article metadata)", accept: "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1", "accept-encoding": "identity" },
      },
      (res) => {
        const status = res.statusCode ?? 0;
        const location = typeof res.headers.location === "string" ? res.headers.location : null;
        const contentType = String(res.headers["content-type"] ?? "");
        if (status >= 300 && status < 400) {
          res.destroy();
          return resolve({ status, location, contentType, body: Buffer.alloc(0) });
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          // Past the cap we stop reading: the metadata lives at the top of the page.
          const room = maxBytes - size;
          if (room <= 0) return;
          chunks.push(room < chunk.length ? chunk.subarray(0, room) : chunk);
          size += Math.min(room, chunk.length);
          if (size >= maxBytes) {
            res.destroy();
            resolve({ status, location, contentType, body: Buffer.concat(chunks) });
          }
        });
        res.on("end", () => resolve({ status, location, contentType, body: Buffer.concat(chunks) }));
        res.on("error", () => resolve({ status, location, contentType, body: Buffer.concat(chunks) }));
      },
    );
    const timer = setTimeout(() => {
      req.destroy();
      reject(new FetchRefused("timeout"));
    }, remaining);
    req.on("error", () => reject(new FetchRefused("unreachable")));
    req.on("close", () => clearTimeout(timer));
    req.end();
  });
}

function decode(body: Buffer, contentType: string): string {
  const head = body.subarray(0, 4096).toString("latin1");
  const label = contentType.match(/charset=["']?([\w-]+)/i)?.[1] ?? head.match(/<meta[^>]+charset=["']?([\w-]+)/i)?.[1] ?? "utf-8";
  try {
    return new TextDecoder(label.toLowerCase()).decode(body);
  } catch {
    return new TextDecoder("utf-8").decode(body);
  }
}

/** Fetches an http(s) page by hand, hop by hop, and reads its metadata. Refusals are FetchRefused. */
export async function fetchPageMetadata(rawUrl: string, opts: FetchOptions = {}): Promise<PageMetadata & { url: string }> {
  const deadline = Date.now() + (opts.timeoutMs ?? FETCH_LIMITS.timeoutMs);
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new FetchRefused("scheme");
  }
  for (let redirects = 0; ; redirects++) {
    const pinned = await checkedAddress(url, opts);
    const hop = await requestOnce(url, pinned, deadline, opts.maxBytes ?? FETCH_LIMITS.maxBytes);
    if (hop.status >= 300 && hop.status < 400 && hop.location) {
      if (redirects >= FETCH_LIMITS.maxRedirects) throw new FetchRefused("tooManyRedirects");
      try {
        url = new URL(hop.location, url);
      } catch {
        throw new FetchRefused("unreachable");
      }
      continue;
    }
    if (hop.status < 200 || hop.status >= 300) throw new FetchRefused("status");
    if (!/^(text\/html|application\/xhtml\+xml)/i.test(hop.contentType.trim())) throw new FetchRefused("notHtml");
    return { url: url.toString(), ...parseHtmlMetadata(decode(hop.body, hop.contentType)) };
  }
}
