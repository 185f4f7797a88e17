import type { NextRequest } from "next/server";
import { formDataOf, seeOther } from "@/lib/http/see-other";
import { localeFromHeaders } from "@/lib/i18n/config";
import { siteOrigin } from "@/lib/mail/origin";
import { formEchoCookie } from "@/lib/public/form-echo";
import { countedCookie, signedUpAddress, signUpWithForm } from "@/lib/signups/public-signup";
import { shownLinkCookie } from "@/lib/signups/shown-link";

type Params = { params: Promise<{ campaign: string; event: string }> };

/**
 * The event page's sign-up form posts here (it works without JavaScript). Signed up: on to the event page saying
 * so, the same whether or not the address was signed up already (the private link goes by email; a pseudonymous
 * sign-up's, which has no address, goes to that page in a sealed cookie, to be shown once). A headcount's browser
 * keeps a cookie until the event ends, so it is counted once. Refused: back to the form, which shows the messages
 * next to the fields and what was typed (lib/public/form-echo.ts). An embed's form posts to the embed's own address
 * instead (pages/api/public/[[...path]].tsx), the same sign-up without these cookies, which a frame may not keep.
 */
export async function POST(request: NextRequest, { params }: Params) {
  const { campaign, event } = await params;
  const locale = localeFromHeaders(request.headers);
  const secure = siteOrigin().startsWith("https:");
  const posted = await signUpWithForm(campaign, event, await formDataOf(request), request.headers, (name) => request.cookies.get(name)?.value);
  if ("done" in posted) {
    const { done } = posted;
    const cookies = [
      ...(done.link ? [shownLinkCookie(`${campaign}/${event}`, done.link, secure)] : []),
      ...(done.counted ? [countedCookie(done.eventId, done.counted, secure)] : []),
    ];
    return seeOther(signedUpAddress(locale, campaign, event, done), cookies);
  }
  const page = `/${locale}/c/${encodeURIComponent(campaign)}/${encodeURIComponent(event)}?signup=refused#signup`;
  const state = posted.refused;
  return state.status === "error" ? seeOther(page, [formEchoCookie(`signup /c/${campaign}/${event}`, state, secure)]) : seeOther(page);
}
