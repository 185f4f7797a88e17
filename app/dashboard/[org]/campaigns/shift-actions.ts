"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { handleForm, unprefixed } from "@/lib/actions";
import { getActor } from "@/lib/auth/session";
import type { FormState } from "@/lib/forms";
import { addShift, removeShift, updateShift } from "@/lib/shifts/shifts";
import { shiftRef, shiftSchema } from "@/lib/shifts/schemas";

// Every action is a public endpoint: the ids only say what to change; lib/shifts checks who may.
const slug = z.string().trim().min(1).max(60);
const page = z.object({ org: slug, campaign: slug });
const eventTarget = page.extend({ eventId: z.uuid() });

function refresh(org: string, campaign: string) {
  revalidatePath(`/dashboard/${org}`, "layout");
  revalidatePath(`/c/${campaign}`, "layout");
}

export async function addShiftAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(shiftSchema.extend(eventTarget.shape), unprefixed(formData), async ({ org, campaign, eventId, ...input }) => {
    await addShift(await getActor(), eventId, input);
    refresh(org, campaign);
    return { status: "ok", messageKey: "editor.shifts.added" };
  });
}

export async function updateShiftAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(shiftSchema.extend(page.shape).extend(shiftRef.shape), unprefixed(formData), async ({ org, campaign, shiftId, ...input }) => {
    await updateShift(await getActor(), shiftId, input);
    refresh(org, campaign);
    return { status: "ok", messageKey: "editor.shifts.saved" };
  });
}

export async function removeShiftAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(page.extend(shiftRef.shape), formData, async ({ org, campaign, shiftId }) => {
    await removeShift(await getActor(), shiftId);
    refresh(org, campaign);
    return { status: "ok", messageKey: "editor.shifts.removed" };
  });
}
