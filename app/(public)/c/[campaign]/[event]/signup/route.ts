import { handleForm } from "@/lib/actions";
import { formDataOf, seeOther } from "@/lib/http/see-other";
import { localeFromHeaders } from "@/lib/i18n/config";
import { siteOrigin } from "@/lib/mail/origin";
import { formEchoCookie } from "@/lib/public/form-echo";
import { signupSchema } from "@/lib/signups/schemas";
import { signedUpAddress, signUpAtPublicEvent } from "@/lib/signups/public-signup";
import type { SignUpResult } from "@/lib/signups/signups";

type Params = { params: Promise<{ campaign: string; event: string }> };

/**
 * The event page's sign-up form posts here (it works without JavaScript). Signed up: on to the event page saying
 * so, the same whether or not the address was signed up already (the private link goes by email). Refused: back to
 * the form, which shows the messages next to the fields and what was typed (lib/public/form-echo.ts).
 */
export async function POST(request: Request, { params }: Params) {
  const { campaign, event } = await params;
  const locale = localeFromHeaders(request.headers);
  let result: SignUpResult | null = null;
  const state = await handleForm(signupSchema, await formDataOf(request), async (data) => {
    result = await signUpAtPublicEvent(campaign, event, data, request.headers);
  });
  if (result) return seeOther(signedUpAddress(locale, campaign, event, result));
  const page = `/${locale}/c/${encodeURIComponent(campaign)}/${encodeURIComponent(event)}?signup=refused#signup`;
  return state.status === "error"
    ? seeOther(page, [formEchoCookie(`signup /c/${campaign}/${event}`, state, siteOrigin().startsWith("https:"))])
    : seeOther(page);
}
