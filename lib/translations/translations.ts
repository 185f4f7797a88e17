import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { campaignTranslations, eventTranslations } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { campaignForActor } from "@/lib/campaigns/campaigns";
import { PublicError } from "@/lib/errors";
import { eventForActor } from "@/lib/events/events";
import type { CampaignTranslationInput, EventTranslationInput } from "./schemas";

// Organizers' translations of a campaign's and an event's own text. Each read and write checks the
// actor's role in the organisation that owns the campaign; readers get them through the public reads below.

export async function listCampaignTranslations(actor: Actor, campaignId: string) {
  await campaignForActor(actor, campaignId, "organizer");
  const db = await getDb();
  return db.select().from(campaignTranslations).where(eq(campaignTranslations.campaignId, campaignId)).orderBy(asc(campaignTranslations.locale));
}

/** A translation into the language the text is written in would replace the original for its own readers. */
function notTheOriginal(original: string, locale: string) {
  if (original === locale) throw new PublicError("translations.sameAsOriginal", "locale");
}

export async function saveCampaignTranslation(actor: Actor, campaignId: string, input: CampaignTranslationInput) {
  const { campaign } = await campaignForActor(actor, campaignId, "organizer");
  notTheOriginal(campaign.language, input.locale);
  const db = await getDb();
  const values = { campaignId, ...input, updatedAt: new Date() };
  await db
    .insert(campaignTranslations)
    .values(values)
    .onConflictDoUpdate({ target: [campaignTranslations.campaignId, campaignTranslations.locale], set: values });
}

export async function deleteCampaignTranslation(actor: Actor, campaignId: string, locale: string) {
  await campaignForActor(actor, campaignId, "organizer");
  const db = await getDb();
  await db.delete(campaignTranslations).where(and(eq(campaignTranslations.campaignId, campaignId), eq(campaignTranslations.locale, locale)));
}

export async function listEventTranslations(actor: Actor, eventId: string) {
  await eventForActor(actor, eventId, "organizer");
  const db = await getDb();
  return db.select().from(eventTranslations).where(eq(eventTranslations.eventId, eventId)).orderBy(asc(eventTranslations.locale));
}

export async function saveEventTranslation(actor: Actor, eventId: string, input: EventTranslationInput) {
  const { event } = await eventForActor(actor, eventId, "organizer");
  notTheOriginal(event.language, input.locale);
  const db = await getDb();
  const values = { eventId, ...input, updatedAt: new Date() };
  await db
    .insert(eventTranslations)
    .values(values)
    .onConflictDoUpdate({ target: [eventTranslations.eventId, eventTranslations.locale], set: values });
}

export async function deleteEventTranslation(actor: Actor, eventId: string, locale: string) {
  await eventForActor(actor, eventId, "organizer");
  const db = await getDb();
  await db.delete(eventTranslations).where(and(eq(eventTranslations.eventId, eventId), eq(eventTranslations.locale, locale)));
}

/** A public text in the reader's language when the organizers translated it; `translated` says which one is shown. */
export type Translated<T> = T & { translated: string | null };

/**
 * The campaign's title, summary and body in `locale`, or the original. Public reads: call with published campaigns only.
 * Readers of the original's own language get the original; a part the translation leaves empty shows the original's.
 */
export async function campaignInLocale<T extends { id: string; title: string; summary: string; body: string; language?: string }>(
  campaign: T,
  locale: string,
): Promise<Translated<T>> {
  if (campaign.language === locale) return { ...campaign, translated: null };
  const db = await getDb();
  const [t] = await db
    .select()
    .from(campaignTranslations)
    .where(and(eq(campaignTranslations.campaignId, campaign.id), eq(campaignTranslations.locale, locale)));
  return t
    ? { ...campaign, title: t.title, summary: t.summary || campaign.summary, body: t.body || campaign.body, translated: locale }
    : { ...campaign, translated: null };
}

/** Events' titles and descriptions in `locale` where translated, in one query. */
export async function eventsInLocale<T extends { id: string; title: string; description: string; language?: string }>(
  list: T[],
  locale: string,
): Promise<Translated<T>[]> {
  if (!list.length) return [];
  const db = await getDb();
  const rows = await db
    .select()
    .from(eventTranslations)
    .where(
      and(
        inArray(
          eventTranslations.eventId,
          list.map((e) => e.id),
        ),
        eq(eventTranslations.locale, locale),
      ),
    );
  const byId = new Map(rows.map((r) => [r.eventId, r]));
  return list.map((e) => {
    const t = e.language === locale ? undefined : byId.get(e.id);
    return t ? { ...e, title: t.title, description: t.description || e.description, translated: locale } : { ...e, translated: null };
  });
}
