import "server-only";
import { siteOrigin } from "@/lib/mail/origin";
import { federation } from "./federation";

// Hands a request for WebFinger, NodeInfo or an address under /ap/ to Fedify. The request is given the site's
// public address (PICKET_PUBLIC_URL) in place of the one it arrived at, so that a proxy in front changes
// neither the links Fedify makes nor the signed target a remote server's signature covers.

const notFound = () => new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });

export async function handleFederation(request: Request): Promise<Response> {
  const origin = siteOrigin();
  const { pathname, search } = new URL(request.url);
  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  const forwarded = new Request(new URL(pathname + search, origin), {
    method: request.method,
    headers: request.headers,
    body: hasBody ? await request.arrayBuffer() : undefined,
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
