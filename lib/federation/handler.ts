import "server-only";
import { siteOrigin } from "@/lib/mail/origin";
import { federation } from "./federation";

// Hands a request for WebFinger, NodeInfo or an address under /ap/ to Fedify. The request is given the site's
// public address (PICKET_PUBLIC_URL) in place of the one it arrived at, so that a proxy in front changes
// neither the links Fedify makes nor the signed target a remote server's signature covers.

/** The most an activity sent to an inbox may weigh: a Follow or an Undo is a few kilobytes. */
export const INBOX_BODY_LIMIT = 256 * 1024;

/** The body, read up to the limit; null when it is larger (then nothing more of it is read). */
async function limitedBody(request: Request): Promise<ArrayBuffer | null> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > INBOX_BODY_LIMIT) return null;
  if (!request.body) return new ArrayBuffer(0);
  const reader = request.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > INBOX_BODY_LIMIT) {
      await reader.cancel();
      return null;
    }
    parts.push(value);
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    body.set(part, at);
    at += part.byteLength;
  }
  return body.buffer;
}

const notFound = () => new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });

export async function handleFederation(request: Request): Promise<Response> {
  const origin = siteOrigin();
  const { pathname, search } = new URL(request.url);
  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  const body = hasBody ? await limitedBody(request) : undefined;
  if (body === null) return new Response("Too large", { status: 413, headers: { "content-type": "text/plain; charset=utf-8" } });
  const forwarded = new Request(new URL(pathname + search, origin), {
    method: request.method,
    headers: request.headers,
    body,
  });
  return federation().fetch(forwarded, {
    contextData: undefined,
    onNotFound: notFound,
    // A browser asking for a campaign's actor is sent to its public page.
    onNotAcceptable: (req) => {
      const actor = /^\/ap\/campaigns\/([^/]+)$/.exec(new URL(req.url).pathname);
      return actor ? Response.redirect(new URL(`/c/${actor[1]}`, origin), 302) : new Response("Not acceptable", { status: 406, headers: { vary: "Accept" } });
    },
  });
}
