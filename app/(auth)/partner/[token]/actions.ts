"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { handleForm } from "@/lib/actions";
import { getActor } from "@/lib/auth/session";
import type { FormState } from "@/lib/forms";
import { acceptPartnerInvitation } from "@/lib/orgs/partners";

/** An owner makes one of their organisations a partner of the campaign the link names. */
export async function acceptPartner(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(z.object({ token: z.string().min(10).max(100), orgId: z.uuid("validation.choose") }), formData, async ({ token, orgId }) => {
    const joined = await acceptPartnerInvitation(await getActor(), token, orgId);
    redirect(`/dashboard/${joined.orgSlug}/campaigns/${joined.campaignSlug}?joined=1`);
  });
}
