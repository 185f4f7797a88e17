"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { handleForm, unprefixed } from "@/lib/actions";
import { getActor } from "@/lib/auth/session";
import type { FormState } from "@/lib/forms";
import { campaignTranslationSchema, eventTranslationSchema, translationLocaleSchema } from "@/lib/translations/schemas";
import { deleteCampaignTranslation, deleteEventTranslation, saveCampaignTranslation, saveEventTranslation } from "@/lib/translations/translations";

// Public endpoints like every action: the ids say what to change, the lib call checks who may.
const slug = z.string().trim().min(1).max(60);
const campaignTarget = z.object({ org: slug, campaign: slug, campaignId: z.uuid() });
const eventTarget = campaignTarget.extend({ eventId: z.uuid(), event: slug });

function refresh(org: string, campaign: string) {
  revalidatePath(`/dashboard/${org}/campaigns/${campaign}`, "layout");
  revalidatePath(`/c/${campaign}`, "layout");
}

// Back to the page, which says what was done only while it is still true (components/translations/translations-panel.tsx).
const campaignPage = (org: string, campaign: string) => `/dashboard/${org}/campaigns/${campaign}`;
const eventPage = (org: string, campaign: string, event: string) => `${campaignPage(org, campaign)}/events/${event}`;
const done = (path: string, what: "saved" | "deleted", locale: string) => redirect(`${path}?translation=${what}:${locale}#translations`);

export async function saveCampaignTranslationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(campaignTranslationSchema.extend(campaignTarget.shape), unprefixed(formData), async ({ org, campaign, campaignId, ...input }) => {
    await saveCampaignTranslation(await getActor(), campaignId, input);
    refresh(org, campaign);
    done(campaignPage(org, campaign), "saved", input.locale);
  });
}

export async function deleteCampaignTranslationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(translationLocaleSchema.extend(campaignTarget.shape), formData, async ({ org, campaign, campaignId, locale }) => {
    await deleteCampaignTranslation(await getActor(), campaignId, locale);
    refresh(org, campaign);
    done(campaignPage(org, campaign), "deleted", locale);
  });
}

export async function saveEventTranslationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(
    eventTranslationSchema.extend(eventTarget.shape),
    unprefixed(formData),
    async ({ org, campaign, campaignId: _c, eventId, event, ...input }) => {
      await saveEventTranslation(await getActor(), eventId, input);
      refresh(org, campaign);
      done(eventPage(org, campaign, event), "saved", input.locale);
    },
  );
}

export async function deleteEventTranslationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(translationLocaleSchema.extend(eventTarget.shape), formData, async ({ org, campaign, eventId, event, locale }) => {
    await deleteEventTranslation(await getActor(), eventId, locale);
    refresh(org, campaign);
    done(eventPage(org, campaign, event), "deleted", locale);
  });
}
