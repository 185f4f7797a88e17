"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { handleForm } from "@/lib/actions";
import { getActor } from "@/lib/auth/session";
import type { FormState } from "@/lib/forms";
import { retryMessage } from "@/lib/mail/mailbox";
import { getOrganisation } from "@/lib/orgs/orgs";

// A public endpoint like any action: the lib call checks that the actor owns the organisation.
const retryTarget = z.object({ org: z.string().trim().min(1).max(60), messageId: z.uuid("errors.notFound") });

export async function retryMessageAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(retryTarget, formData, async ({ org: slug, messageId }) => {
    const actor = await getActor();
    const org = await getOrganisation(actor, slug, "owner");
    await retryMessage(actor, org.id, messageId);
    revalidatePath(`/dashboard/${org.slug}/mailbox`, "layout");
    return { status: "ok", messageKey: "mailbox.retry.done" };
  });
}
