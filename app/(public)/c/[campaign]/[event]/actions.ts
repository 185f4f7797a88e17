"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { handleForm } from "@/lib/actions";
import type { FormState } from "@/lib/forms";
import { signupSchema } from "@/lib/signups/schemas";
import { signUpAtPublicEvent, signedUpAddress } from "@/lib/signups/public-signup";

const where = z.object({ campaign: z.string().max(100), event: z.string().max(100) });

export async function signUpAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(
    signupSchema.extend(where.shape),
    formData,
    async (data) => {
      const result = await signUpAtPublicEvent(data.campaign, data.event, data, new Headers(await headers()));
      // The same answer whether or not the address was signed up already: the private link goes by email.
      redirect(signedUpAddress(data.campaign, data.event, result));
    },
    { outdatesPublicPages: false },
  );
}
