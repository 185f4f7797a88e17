"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { handleForm } from "@/lib/actions";
import { getAuthSecret } from "@/lib/auth/secret";
import { PublicError } from "@/lib/errors";
import { getPublicEvent } from "@/lib/events/public";
import type { FormState } from "@/lib/forms";
import { pickLocale } from "@/lib/i18n/config";
import { clientKey } from "@/lib/security/client";
import { signupSchema } from "@/lib/signups/schemas";
import { signUp } from "@/lib/signups/signups";

const where = z.object({ campaign: z.string().max(100), event: z.string().max(100) });

export async function signUpAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(signupSchema.extend(where.shape), formData, async (data) => {
    const found = await getPublicEvent(data.campaign, data.event);
    if (!found) throw new PublicError("errors.notFound");
    const h = await headers();
    const result = await signUp(found.event.id, data, { client: clientKey(h, getAuthSecret()), locale: pickLocale(h.get("accept-language")) });
    if (result.outcome === "duplicate" || result.outcome === "ignored") return { status: "ok", messageKey: "signups.form.checkEmail" };
    redirect(`/s/${result.token}?new=${result.outcome}`);
  });
}
