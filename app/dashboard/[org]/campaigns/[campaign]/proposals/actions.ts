"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { handleForm } from "@/lib/actions";
import { getActor } from "@/lib/auth/session";
import { newEventSchema } from "@/lib/events/schemas";
import type { FormState } from "@/lib/forms";
import { approveProposal, declineProposal } from "@/lib/hosts/proposals";
import { declineSchema } from "@/lib/hosts/schemas";

// Every action is a public endpoint: the ids only say which proposal; the lib call checks who may decide it.
const slug = z.string().trim().min(1).max(60);
const target = z.object({ org: slug, campaign: slug, proposalId: z.uuid() });

const campaignPath = (org: string, campaign: string) => `/dashboard/${org}/campaigns/${campaign}`;

/** Approves the proposal as the organizer edited it in the event form: the event is made and public. */
export async function approveProposalAction(proposalId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(z.object({ org: slug, campaign: slug }).and(newEventSchema), formData, async ({ org, campaign, ...input }) => {
    const event = await approveProposal(await getActor(), proposalId, input);
    revalidatePath(`/dashboard/${org}`, "layout");
    redirect(`${campaignPath(org, campaign)}/events/${event.slug}?created=1`);
  });
}

export async function declineProposalAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(target.and(declineSchema), formData, async ({ org, campaign, proposalId, note }) => {
    await declineProposal(await getActor(), proposalId, note);
    revalidatePath(`/dashboard/${org}`, "layout");
    redirect(`${campaignPath(org, campaign)}?declined=1`);
  });
}
