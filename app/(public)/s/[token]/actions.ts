"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { handleForm } from "@/lib/actions";
import type { FormState } from "@/lib/forms";
import { getPublicEventById } from "@/lib/events/public";
import { roleChangeSchema } from "@/lib/signups/schemas";
import { cancelSignup, changeSignupRole, eraseSignup, getSignupByToken } from "@/lib/signups/manage";

const token = z.object({ token: z.string().min(20).max(100) });

export async function changeRoleAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(roleChangeSchema.extend(token.shape), formData, async (data) => {
    await changeSignupRole(data.token, data.role);
    redirect(`/s/${data.token}?changed=role`);
  });
}

export async function cancelAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(token, formData, async (data) => {
    await cancelSignup(data.token);
    redirect(`/s/${data.token}?changed=cancelled`);
  });
}

export async function eraseAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(token, formData, async (data) => {
    const own = await getSignupByToken(data.token);
    const found = own ? await getPublicEventById(own.eventId) : null;
    await eraseSignup(data.token);
    redirect(found ? `/c/${found.campaign.slug}/${found.event.slug}?erased=1` : "/");
  });
}
