"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { handleForm } from "@/lib/actions";
import { getActor } from "@/lib/auth/session";
import type { FormState } from "@/lib/forms";
import { getOrganisation } from "@/lib/orgs/orgs";
import { webhookSchema } from "@/lib/webhooks/schemas";
import { createWebhook, deleteWebhook, sendTestWebhook } from "@/lib/webhooks/webhooks";

// Every action is a public endpoint: the ids only say what to change; the lib call checks that the actor is an owner.
const slug = z.string().trim().min(1).max(60);
const webhookTarget = z.object({ org: slug, webhookId: z.uuid("errors.notFound") });
const webhooksPath = (org: string) => `/dashboard/${org}/webhooks`;

export async function createWebhookAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(webhookSchema.extend({ org: slug }), formData, async ({ org: orgSlug, ...input }) => {
    const actor = await getActor();
    const org = await getOrganisation(actor, orgSlug, "owner");
    const made = await createWebhook(actor, org.id, input);
    revalidatePath(webhooksPath(org.slug), "layout");
    // A secret Picket made is shown this once, from this answer; it is nowhere else in clear.
    const data: Record<string, string> = made.secret ? { secret: made.secret } : {};
    return { status: "ok", data };
  });
}

export async function sendTestWebhookAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(webhookTarget, formData, async ({ org: orgSlug, webhookId }) => {
    const actor = await getActor();
    const org = await getOrganisation(actor, orgSlug, "owner");
    await sendTestWebhook(actor, org.id, webhookId);
    revalidatePath(webhooksPath(org.slug), "layout");
    return { status: "ok", messageKey: "webhooks.test.done" };
  });
}

export async function deleteWebhookAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(webhookTarget, formData, async ({ org: orgSlug, webhookId }) => {
    const actor = await getActor();
    const org = await getOrganisation(actor, orgSlug, "owner");
    await deleteWebhook(actor, org.id, webhookId);
    revalidatePath(webhooksPath(org.slug), "layout");
    redirect(`${webhooksPath(org.slug)}?deleted=1`);
  });
}
