"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { handleForm } from "@/lib/actions";
import { getActor } from "@/lib/auth/session";
import type { FormState } from "@/lib/forms";
import { eraseEventPersonalData } from "@/lib/retention/retention";

// A public endpoint like any action: the ids only say which event; the lib call checks who may.
const slug = z.string().trim().min(1).max(60);
const eraseTarget = z.object({ org: slug, campaign: slug, eventId: z.uuid() });

/** "Erase now": the personal fields of every sign-up of the event, before the retention date. */
export async function eraseEventPersonalDataAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(eraseTarget, formData, async ({ org, eventId }) => {
    const { signups } = await eraseEventPersonalData(await getActor(), eventId);
    revalidatePath(`/dashboard/${org}`, "layout");
    return { status: "ok", messageKey: "retention.dashboard.erasedNow", data: { count: String(signups) } };
  });
}
