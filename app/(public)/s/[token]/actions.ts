"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { handleForm } from "@/lib/actions";
import type { FormState } from "@/lib/forms";
import { roleChangeSchema } from "@/lib/signups/schemas";
import { cancelSignup, changeSignupRole, eraseSignup } from "@/lib/signups/manage";

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
    const { campaign, event } = await eraseSignup(data.token);
    redirect(`/c/${campaign}/${event}?erased=1`);
  });
}
