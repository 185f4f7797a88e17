"use server";
import type { MessageKey } from "@/lib/i18n/keys";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { handleForm, unprefixed } from "@/lib/actions";
import { getActor } from "@/lib/auth/session";
import type { FormState } from "@/lib/forms";
import { addDefendant, createCase, deleteCase, deleteUpdate, editUpdate, postUpdate, removeDefendant, updateCase, updateDefendant } from "@/lib/trials/trials";
import { caseSchema, caseUpdateSchema, defendantSchema } from "@/lib/trials/schemas";

// Every action is a public endpoint: the ids only say what to change; the lib call checks who may.
const slug = z.string().trim().min(1).max(60);
const target = z.object({ org: slug, campaign: slug });

function refresh(org: string, campaign: string) {
  revalidatePath(`/dashboard/${org}/campaigns/${campaign}`, "layout");
  revalidatePath(`/c/${campaign}`, "layout");
}

const ok = (messageKey: MessageKey): FormState => ({ status: "ok", messageKey });

export async function createCaseAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(caseSchema.extend({ ...target.shape, campaignId: z.uuid() }), unprefixed(formData), async ({ org, campaign, campaignId, ...input }) => {
    await createCase(await getActor(), campaignId, input);
    refresh(org, campaign);
    return ok("trials.dashboard.case.created");
  });
}

export async function updateCaseAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(caseSchema.extend({ ...target.shape, caseId: z.uuid() }), unprefixed(formData), async ({ org, campaign, caseId, ...input }) => {
    await updateCase(await getActor(), caseId, input);
    refresh(org, campaign);
    return ok("trials.dashboard.case.saved");
  });
}

export async function deleteCaseAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(target.extend({ caseId: z.uuid() }), formData, async ({ org, campaign, caseId }) => {
    await deleteCase(await getActor(), caseId);
    refresh(org, campaign);
    return ok("trials.dashboard.case.deleted");
  });
}

export async function saveDefendantAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(
    defendantSchema.extend({ ...target.shape, defendantId: z.uuid().optional() }),
    unprefixed(formData),
    async ({ org, campaign, defendantId, ...input }) => {
      const actor = await getActor();
      if (defendantId) {
        const { caseId: _c, ...rest } = input;
        await updateDefendant(actor, defendantId, rest);
      } else {
        await addDefendant(actor, input);
      }
      refresh(org, campaign);
      return ok(defendantId ? "trials.dashboard.defendants.saved" : "trials.dashboard.defendants.created");
    },
  );
}

export async function removeDefendantAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(target.extend({ defendantId: z.uuid() }), formData, async ({ org, campaign, defendantId }) => {
    await removeDefendant(await getActor(), defendantId);
    refresh(org, campaign);
    return ok("trials.dashboard.defendants.removed");
  });
}

export async function saveUpdateAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(
    target.extend({ campaignId: z.uuid(), updateId: z.uuid().optional() }).and(caseUpdateSchema),
    unprefixed(formData),
    async ({ org, campaign, campaignId, updateId, ...input }) => {
      const actor = await getActor();
      if (updateId) await editUpdate(actor, updateId, input);
      else await postUpdate(actor, campaignId, input);
      refresh(org, campaign);
      return ok(updateId ? "trials.dashboard.updates.saved" : "trials.dashboard.updates.created");
    },
  );
}

export async function deleteUpdateAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(target.extend({ updateId: z.uuid() }), formData, async ({ org, campaign, updateId }) => {
    await deleteUpdate(await getActor(), updateId);
    refresh(org, campaign);
    return ok("trials.dashboard.updates.deleted");
  });
}
