import { z } from "zod";
import { handleForm } from "@/lib/actions";
import { formDataOf, seeOther } from "@/lib/http/see-other";
import { fromThisSite } from "@/lib/http/same-site";
import { localeFromHeaders } from "@/lib/i18n/config";
import { messagesByLocale } from "@/lib/i18n/messages";
import { siteOrigin } from "@/lib/mail/origin";
import { formEchoCookie } from "@/lib/public/form-echo";
import { roleChangeSchema } from "@/lib/signups/schemas";
import { cancelSignup, changeSignupRole, eraseSignup } from "@/lib/signups/manage";
import { shiftRef } from "@/lib/shifts/schemas";
import { addOwnShift, dropOwnShift } from "@/lib/shifts/own";

type Params = { params: Promise<{ token: string; change: string }> };

const token = z.string().min(20).max(100);

/** What each form of the private page changes, and the address that says it was done. */
const changes = {
  role: async (t: string, form: FormData, own: string) =>
    handleForm(roleChangeSchema, form, async (data) => {
      await changeSignupRole(t, data.role);
      return { status: "ok", data: { to: `${own}?changed=role` } };
    }),
  cancel: async (t: string, form: FormData, own: string) =>
    handleForm(z.object({}), form, async () => {
      await cancelSignup(t);
      return { status: "ok", data: { to: `${own}?changed=cancelled` } };
    }),
  "shift-drop": async (t: string, form: FormData, own: string) =>
    handleForm(shiftRef, form, async (data) => {
      await dropOwnShift(t, data.shiftId);
      return { status: "ok", data: { to: `${own}?changed=shift-dropped` } };
    }),
  "shift-add": async (t: string, form: FormData, own: string) =>
    handleForm(shiftRef, form, async (data) => {
      await addOwnShift(t, data.shiftId);
      return { status: "ok", data: { to: `${own}?changed=shift-added` } };
    }),
  erase: async (t: string, form: FormData, _own: string, locale: string) =>
    handleForm(z.object({}), form, async () => {
      const { campaign, event } = await eraseSignup(t);
      return { status: "ok", data: { to: `/${locale}/c/${encodeURIComponent(campaign)}/${encodeURIComponent(event)}?erased=1` } };
    }),
};

/**
 * The private page's forms post here (they work without JavaScript): a supporter changes their role, cancels or
 * erases their sign-up. Done: on to the page that says so. Refused: back to the private page with the form's
 * messages (lib/public/form-echo.ts). Only this site's own pages may post.
 */
export async function POST(request: Request, { params }: Params) {
  const { token: raw, change } = await params;
  const locale = localeFromHeaders(request.headers);
  const refuse = (status: number, text: string) => new Response(`${text}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
  // Another site's page posting here is refused: nothing changed.
  if (!fromThisSite(request)) return refuse(403, messagesByLocale[locale].errors.generic);
  if (!Object.hasOwn(changes, change) || !token.safeParse(raw).success) return refuse(404, messagesByLocale[locale].errors.notFound);
  const own = `/${locale}/s/${encodeURIComponent(raw)}`;
  const state = await changes[change as keyof typeof changes](raw, await formDataOf(request), own, locale);
  if (state.status === "ok" && state.data?.to) return seeOther(state.data.to);
  return state.status === "error"
    ? seeOther(`${own}?refused=${change}`, [formEchoCookie(`${change} /s/${raw}`, state, siteOrigin().startsWith("https:"))])
    : seeOther(own);
}
