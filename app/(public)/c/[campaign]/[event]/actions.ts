"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { handleForm } from "@/lib/actions";
import type { FormState } from "@/lib/forms";
import { signupSchema } from "@/lib/signups/schemas";
import { signUpAtPublicEvent } from "@/lib/signups/public-signup";

const where = z.object({ campaign: z.string().max(100), event: z.string().max(100) });

export async function signUpAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(signupSchema.extend(where.shape), formData, async (data) => {
    const result = await signUpAtPublicEvent(data.campaign, data.event, data, new Headers(await headers()));
    if (result.outcome === "duplicate" || result.outcome === "ignored") return { status: "ok", messageKey: "signups.form.checkEmail" };
    redirect(`/s/${result.token}?new=${result.outcome}`);
  });
}
