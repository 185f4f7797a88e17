import type { NextRequest } from "next/server";
import { handleForm } from "@/lib/actions";
import { getAuthSecret } from "@/lib/auth/secret";
import { proposeEvent } from "@/lib/hosts/proposals";
import { proposalSchema } from "@/lib/hosts/schemas";
import { formDataOf, seeOther } from "@/lib/http/see-other";
import { fromThisSite } from "@/lib/http/same-site";
import { localeFromHeaders } from "@/lib/i18n/config";
import { messagesByLocale } from "@/lib/i18n/messages";
import { siteOrigin } from "@/lib/mail/origin";
import { formEchoCookie } from "@/lib/public/form-echo";
import { clientKey } from "@/lib/security/client";

type Params = { params: Promise<{ campaign: string }> };

/**
 * The form "host an event" posts here (it works without JavaScript). Sent: on to the form's page saying the link
 * is in the inbox, the same whatever the address (and for a bot). Refused: back to the form with its messages.
 */
export async function POST(request: NextRequest, { params }: Params) {
  const { campaign } = await params;
  const locale = localeFromHeaders(request.headers);
  if (!fromThisSite(request))
    return new Response(`${messagesByLocale[locale].errors.generic}\n`, { status: 403, headers: { "content-type": "text/plain; charset=utf-8" } });
  const page = `/${locale}/c/${encodeURIComponent(campaign)}/host`;
  const state = await handleForm(proposalSchema, await formDataOf(request), async (data) => {
    await proposeEvent(campaign, data, { client: clientKey(request.headers, getAuthSecret()), locale });
  });
  if (state.status === "ok") return seeOther(`${page}?proposal=sent`);
  return state.status === "error"
    ? seeOther(`${page}?proposal=refused`, [formEchoCookie(`propose /c/${campaign}`, state, siteOrigin().startsWith("https:"))])
    : seeOther(page);
}
