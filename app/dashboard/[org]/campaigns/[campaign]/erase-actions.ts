"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { handleForm } from "@/lib/actions";
import { getActor } from "@/lib/auth/session";
import type { FormState } from "@/lib/forms";
import { eraseCampaignPersonalData } from "@/lib/retention/retention";

// A public endpoint like any action: the lib call checks that the actor is an owner and that the title was retyped.
const slug = z.string().trim().min(1).max(60);
const target = z.object({ org: slug, campaignId: z.uuid(), confirmTitle: z.string().max(200, "validation.tooLong") });

/** The emergency: every sign-up's personal data of the campaign erased, and the keys that sealed it destroyed. */
export async function eraseCampaignPersonalDataAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(target, formData, async ({ org, campaignId, confirmTitle }) => {
    const done = await eraseCampaignPersonalData(await getActor(), campaignId, confirmTitle);
    revalidatePath(`/dashboard/${org}`, "layout");
    return { status: "ok", data: { signups: String(done.signups), events: String(done.events) } };
  });
}
