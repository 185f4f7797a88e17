"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { handleForm } from "@/lib/actions";
import { getActor } from "@/lib/auth/session";
import type { FormState } from "@/lib/forms";
import { createPartnerInvitation, removePartner } from "@/lib/orgs/partners";

// Public endpoints like every action: the ids only say which campaign and partner; lib/orgs/partners.ts checks who may.
const slug = z.string().trim().min(1).max(60);

/** A one-use link for another organisation's owner: shown once, here. */
export async function createPartnerInvitationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(z.object({ org: slug, campaignId: z.uuid() }), formData, async ({ campaignId }) => {
    const { url } = await createPartnerInvitation(await getActor(), campaignId);
    return { status: "ok", messageKey: "partners.linkMade", data: { url } };
  });
}

/** The lead removes a partner, or a partner leaves: its events still to come are cancelled and their people told. */
export async function removePartnerAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(
    z.object({ org: slug, campaign: slug, campaignId: z.uuid(), partnerOrgId: z.uuid(), leaving: z.string().optional() }),
    formData,
    async (f) => {
      await removePartner(await getActor(), f.campaignId, f.partnerOrgId);
      revalidatePath(`/dashboard/${f.org}`, "layout");
      redirect(f.leaving ? `/dashboard/${f.org}/campaigns?left=1` : `/dashboard/${f.org}/campaigns/${f.campaign}?partnerRemoved=1`);
    },
  );
}
