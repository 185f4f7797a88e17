"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { handleForm } from "@/lib/actions";
import { getActor } from "@/lib/auth/session";
import type { FormState } from "@/lib/forms";
import { acceptInvitation } from "@/lib/orgs/invitations";

export async function accept(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(z.object({ token: z.string().min(10).max(100) }), formData, async ({ token }) => {
    const joined = await acceptInvitation(await getActor(), token);
    redirect(`/dashboard/${joined.orgSlug}?joined=1`);
  });
}
