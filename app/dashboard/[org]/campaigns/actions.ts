"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { handleForm, unprefixed } from "@/lib/actions";
import { getActor } from "@/lib/auth/session";
import { getLocale } from "next-intl/server";
import { createCampaign, deleteCampaign, setCampaignStatus, updateCampaign } from "@/lib/campaigns/campaigns";
import { campaignSchema, campaignStatusSchema } from "@/lib/campaigns/schemas";
import { PublicError } from "@/lib/errors";
import { cancelEvent, createEvent, deleteEvent, duplicateEvent, postponeEvent, updateEvent } from "@/lib/events/events";
import { cancelEventSchema, duplicateSchema, eventSchema, newEventSchema, postponeFormSchema } from "@/lib/events/schemas";
import { formatInstant } from "@/lib/time/format";
import { isValidTimeZone } from "@/lib/time/zones";
import type { FormState } from "@/lib/forms";
import { getOrganisation } from "@/lib/orgs/orgs";

// Every action is a public endpoint: the ids below only say what to change; the lib call checks who may.
const slug = z.string().trim().min(1).max(60);
const orgField = z.object({ org: slug });
const campaignTarget = z.object({ org: slug, campaignId: z.uuid() });
const eventTarget = z.object({ org: slug, campaign: slug, eventId: z.uuid() });

const campaignPath = (org: string, campaign: string) => `/dashboard/${org}/campaigns/${campaign}`;
const eventPath = (org: string, campaign: string, event: string) => `${campaignPath(org, campaign)}/events/${event}`;

/** The dashboard and the campaign's public pages show what changed. */
function refresh(org: string, campaign?: string) {
  revalidatePath(`/dashboard/${org}`, "layout");
  if (campaign) revalidatePath(`/c/${campaign}`, "layout");
}

/** Forms that share a page prefix their fields (unique ids); the schema sees the plain names. */
/** The new erasure date a change of date would bring earlier, in the reader's language and the event's zone. */
async function namingErasureDate<T>(timeZone: unknown, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof PublicError && e.messageKey === "events.erasureEarlier" && typeof e.values?.date === "string") {
      const zone = typeof timeZone === "string" && isValidTimeZone(timeZone) ? timeZone : "UTC";
      throw new PublicError(e.messageKey, e.field, { date: formatInstant(await getLocale(), new Date(e.values.date), zone) });
    }
    throw e;
  }
}

export async function createCampaignAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(campaignSchema.extend(orgField.shape), formData, async ({ org: orgSlug, ...input }) => {
    const actor = await getActor();
    const org = await getOrganisation(actor, orgSlug, "organizer");
    const campaign = await createCampaign(actor, org.id, input);
    refresh(org.slug);
    redirect(`${campaignPath(org.slug, campaign.slug)}?created=1`);
  });
}

export async function updateCampaignAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(campaignSchema.extend(campaignTarget.shape), formData, async ({ org, campaignId, ...input }) => {
    const campaign = await updateCampaign(await getActor(), campaignId, input);
    refresh(org, campaign.slug);
    // Back to the page (its address may have changed) with fresh values in every form.
    redirect(`${campaignPath(org, campaign.slug)}?saved=1`);
  });
}

export async function setCampaignStatusAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(campaignStatusSchema.extend(campaignTarget.shape), formData, async ({ org, campaignId, status }) => {
    const result = await setCampaignStatus(await getActor(), campaignId, status);
    refresh(org, result.slug);
    return { status: "ok", messageKey: `editor.status.done.${result.status}` };
  });
}

export async function createEventAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(
    z.object({ org: slug, campaign: slug, campaignId: z.uuid() }).and(newEventSchema),
    formData,
    async ({ org, campaign, campaignId, ...input }) => {
      const actor = await getActor();
      // The organisation the address names runs it: the campaign's own, or a partner co-hosting it.
      const host = await getOrganisation(actor, org, "organizer");
      const event = await createEvent(actor, campaignId, input, host.id);
      refresh(org, campaign);
      redirect(`${eventPath(org, campaign, event.slug)}?created=1`);
    },
  );
}

export async function updateEventAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(eventTarget.and(eventSchema), formData, async ({ org, campaign, eventId, ...input }) => {
    const event = await namingErasureDate(input.timeZone, async () => updateEvent(await getActor(), eventId, input));
    refresh(org, campaign);
    redirect(`${eventPath(org, campaign, event.slug)}?saved=1${event.promoted > 0 ? `&promoted=${event.promoted}` : ""}`);
  });
}

export async function postponeEventAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(eventTarget.and(postponeFormSchema), unprefixed(formData, "postpone-"), async ({ org, campaign, eventId, ...input }) => {
    const event = await namingErasureDate(formData.get("postpone-timeZone"), async () => postponeEvent(await getActor(), eventId, input));
    refresh(org, campaign);
    redirect(`${eventPath(org, campaign, event.slug)}?postponed=1`);
  });
}

export async function cancelEventAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(cancelEventSchema.extend(eventTarget.shape), unprefixed(formData, "cancel-"), async ({ org, campaign, eventId, reason }) => {
    const event = await cancelEvent(await getActor(), eventId, reason);
    refresh(org, campaign);
    redirect(`${eventPath(org, campaign, event.slug)}?cancelled=1`);
  });
}

// "Another city": the lib accepts an empty city; the form asks for one.
const duplicateForm = duplicateSchema.extend({ ...eventTarget.shape, city: z.string().trim().min(1, "validation.required").max(120, "validation.tooLong") });

export async function duplicateEventAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(duplicateForm, unprefixed(formData, "duplicate-"), async ({ org, campaign, eventId, ...input }) => {
    const copy = await duplicateEvent(await getActor(), eventId, { ...input, title: input.title || undefined });
    refresh(org, campaign);
    redirect(`${eventPath(org, campaign, copy.slug)}?duplicated=1`);
  });
}

export async function deleteCampaignAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(campaignTarget, formData, async ({ org, campaignId }) => {
    await deleteCampaign(await getActor(), campaignId);
    refresh(org);
    redirect(`/dashboard/${org}/campaigns?deleted=campaign`);
  });
}

export async function deleteEventAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(eventTarget, unprefixed(formData, "delete-"), async ({ org, campaign, eventId }) => {
    const { campaignSlug } = await deleteEvent(await getActor(), eventId);
    refresh(org, campaign);
    redirect(`${campaignPath(org, campaignSlug)}?deleted=event`);
  });
}
