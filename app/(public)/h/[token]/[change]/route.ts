import { z } from "zod";
import { handleForm } from "@/lib/actions";
import { formDataOf, seeOther } from "@/lib/http/see-other";
import { fromThisSite } from "@/lib/http/same-site";
import { cancelHostedEvent, editHostedEvent } from "@/lib/hosts/manage";
import { confirmProposal, hostedEventZone } from "@/lib/hosts/proposals";
import { hostCancelSchema, hostEditSchema } from "@/lib/hosts/schemas";
import { localeFromHeaders } from "@/lib/i18n/config";
import { messagesByLocale } from "@/lib/i18n/messages";
import { siteOrigin } from "@/lib/mail/origin";
import { formEchoCookie } from "@/lib/public/form-echo";

type Params = { params: Promise<{ token: string; change: string }> };

const token = z.string().min(20).max(100);

/** What each form of the host's page changes, and the address that says it was done. */
const changes = {
  confirm: async (t: string, form: FormData, own: string) =>
    handleForm(z.object({}), form, async () => {
      await confirmProposal(t);
      return { status: "ok", data: { to: own } };
    }),
  edit: async (t: string, form: FormData, own: string) =>
    handleForm(hostEditSchema(await hostedEventZone(t)), form, async (data) => {
      await editHostedEvent(t, data);
      return { status: "ok", data: { to: `${own}?changed=edited` } };
    }),
  cancel: async (t: string, form: FormData, own: string) =>
    handleForm(hostCancelSchema, form, async (data) => {
      await cancelHostedEvent(t, data.reason);
      return { status: "ok", data: { to: `${own}?changed=cancelled` } };
    }),
};

/**
 * The host page's forms post here (they work without JavaScript): confirm the proposal, change or cancel the
 * event. Done: on to the page saying so; refused: back to it with the form's messages. Only this site's pages may post.
 */
export async function POST(request: Request, { params }: Params) {
  const { token: raw, change } = await params;
  const locale = localeFromHeaders(request.headers);
  const refuse = (status: number, text: string) => new Response(`${text}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
  if (!fromThisSite(request)) return refuse(403, messagesByLocale[locale].errors.generic);
  if (!Object.hasOwn(changes, change) || !token.safeParse(raw).success) return refuse(404, messagesByLocale[locale].errors.notFound);
  const own = `/${locale}/h/${encodeURIComponent(raw)}`;
  const state = await changes[change as keyof typeof changes](raw, await formDataOf(request), own);
  if (state.status === "ok" && state.data?.to) return seeOther(state.data.to);
  return state.status === "error"
    ? seeOther(`${own}?refused=${change}`, [formEchoCookie(`${change} /h/${raw}`, state, siteOrigin().startsWith("https:"))])
    : seeOther(own);
}
