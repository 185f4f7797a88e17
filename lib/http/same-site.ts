import "server-only";
import { siteOrigin } from "@/lib/mail/origin";

/**
 * Whether a request that acts with the member's session comes from this site's own pages. Server actions get this
 * check from Next; route handlers get it here. The session cookie (SameSite=Lax) already stays home on another
 * site's POST, but not on one from a sibling subdomain or a page of this site's own domain that is not the app. A
 * browser says where a request comes from (Sec-Fetch-Site, else Origin); a request that says nothing comes from no
 * page at all (a script with the member's cookie has it already) and is let through.
 */
export function fromThisSite(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site !== null) return site === "same-origin" || site === "none";
  const origin = request.headers.get("origin");
  return origin === null || origin === siteOrigin();
}
