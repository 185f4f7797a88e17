import type { NextRequest } from "next/server";
import { handleForm } from "@/lib/actions";
import { formDataOf, seeOther } from "@/lib/http/see-other";
import { localeFromHeaders } from "@/lib/i18n/config";
import { siteOrigin } from "@/lib/mail/origin";
import { formEchoCookie } from "@/lib/public/form-echo";
import { signupSchemaFor } from "@/lib/signups/schemas";
import { countedCookie, postedSignupMode, signedUpAddress, signUpAtPublicEvent } from "@/lib/signups/public-signup";
import { shownLinkCookie } from "@/lib/signups/shown-link";
import type { SignUpResult } from "@/lib/signups/signups";

type Params = { params: Promise<{ campaign: string; event: string }> };

/**
 * The event page's sign-up form posts here (it works without JavaScript). Signed up: on to the event page saying
 * so, the same whether or not the address was signed up already (the private link goes by email; a pseudonymous
 * sign-up's, which has no address, goes to that page in a sealed cookie, to be shown once). A headcount's browser
 * keeps a cookie until the event ends, so it is counted once. Refused: back to the form, which shows the messages
 * next to the fields and what was typed (lib/public/form-echo.ts).
 */
export async function POST(request: NextRequest, { params }: Params) {
  const { campaign, event } = await params;
  const locale = localeFromHeaders(request.headers);
  const secure = siteOrigin().startsWith("https:");
  const signed: { result?: SignUpResult & { eventId: string } } = {};
  const form = await formDataOf(request);
  // An event split into shifts: its form has a box per shift, read as one field.
  const shifts = form.getAll("shift").filter((v) => typeof v === "string");
  form.delete("shift");
  if (shifts.length) form.set("shifts", shifts.join(" "));
  const schema = signupSchemaFor(postedSignupMode({ mode: form.get("mode") ?? "named" }));
  const state = await handleForm(schema, form, async (data) => {
    signed.result = await signUpAtPublicEvent(campaign, event, data, request.headers, (name) => request.cookies.get(name)?.value);
  });
  const done = signed.result;
  if (done) {
    const cookies = [
      ...(done.link ? [shownLinkCookie(`${campaign}/${event}`, done.link, secure)] : []),
      ...(done.counted ? [countedCookie(done.eventId, done.counted, secure)] : []),
    ];
    return seeOther(signedUpAddress(locale, campaign, event, done), cookies);
  }
  const page = `/${locale}/c/${encodeURIComponent(campaign)}/${encodeURIComponent(event)}?signup=refused#signup`;
  return state.status === "error" ? seeOther(page, [formEchoCookie(`signup /c/${campaign}/${event}`, state, secure)]) : seeOther(page);
}
