"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { handleForm } from "@/lib/actions";
import { getActor } from "@/lib/auth/session";
import type { FormState } from "@/lib/forms";
import { campaignTranslationSchema, eventTranslationSchema, translationLocaleSchema } from "@/lib/translations/schemas";
import { deleteCampaignTranslation, deleteEventTranslation, saveCampaignTranslation, saveEventTranslation } from "@/lib/translations/translations";

// Public endpoints like every action: the ids say what to change, the lib call checks who may.
const slug = z.string().trim().min(1).max(60);
const campaignTarget = z.object({ org: slug, campaign: slug, campaignId: z.uuid() });
const eventTarget = campaignTarget.extend({ eventId: z.uuid(), event: slug });

/** Several forms on one page: their fields carry the prefix the form names, dropped here. */
function unprefixed(formData: FormData): FormData {
  const prefix = String(formData.get("prefix") ?? "");
  const out = new FormData();
  for (const [key, value] of formData.entries()) {
    if (key === "prefix") continue;
    out.append(prefix && key.startsWith(prefix) ? key.slice(prefix.length) : key, value);
  }
  return out;
}

function refresh(org: string, campaign: string) {
  revalidatePath(`/dashboard/${org}/campaigns/${campaign}`, "layout");
  revalidatePath(`/c/${campaign}`, "layout");
}

const ok = (messageKey: string): FormState => ({ status: "ok", messageKey });

export async function saveCampaignTranslationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(campaignTranslationSchema.extend(campaignTarget.shape), unprefixed(formData), async ({ org, campaign, campaignId, ...input }) => {
    await saveCampaignTranslation(await getActor(), campaignId, input);
    refresh(org, campaign);
    return ok("translationsUI.saved");
  });
}

export async function deleteCampaignTranslationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(translationLocaleSchema.extend(campaignTarget.shape), formData, async ({ org, campaign, campaignId, locale }) => {
    await deleteCampaignTranslation(await getActor(), campaignId, locale);
    refresh(org, campaign);
    return ok("translationsUI.deleted");
  });
}

export async function saveEventTranslationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(eventTranslationSchema.extend(eventTarget.shape), unprefixed(formData), async ({ org, campaign, campaignId: _c, eventId, event: _e, ...input }) => {
    await saveEventTranslation(await getActor(), eventId, input);
    refresh(org, campaign);
    return ok("translationsUI.saved");
  });
}

export async function deleteEventTranslationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(translationLocaleSchema.extend(eventTarget.shape), formData, async ({ org, campaign, eventId, locale }) => {
    await deleteEventTranslation(await getActor(), eventId, locale);
    refresh(org, campaign);
    return ok("translationsUI.deleted");
  });
}
