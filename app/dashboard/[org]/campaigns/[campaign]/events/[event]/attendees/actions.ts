"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { handleForm } from "@/lib/actions";
import { getActor } from "@/lib/auth/session";
import type { FormState } from "@/lib/forms";
import { decideSignup } from "@/lib/signups/approval";

// A public endpoint like any action: the ids only say which request; the lib call checks who may decide it.
const decision = z.object({
  org: z.string().trim().min(1).max(60),
  signupId: z.uuid(),
  decision: z.enum(["approve", "decline"]),
});

/** One tap on a request: approved (a place, or the waitlist when full) or declined; the supporter is told. */
export async function decideSignupAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(decision, formData, async ({ org, signupId, decision }) => {
    const { status, position } = await decideSignup(await getActor(), signupId, decision, new Date(), org);
    revalidatePath(`/dashboard/${org}`, "layout");
    return { status: "ok", messageKey: `attendees.approval.done.${status}`, data: { position: String(position ?? 0) } };
  });
}
