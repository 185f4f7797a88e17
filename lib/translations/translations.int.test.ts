import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { campaigns, campaignTranslations, eventTranslations } from "@/db/schema";
import { closeTestDatabase, makeEvent, makeOrg, openTestDatabase } from "@/db/testing";
import type { Actor } from "@/lib/auth/actor";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { campaignTranslationSchema, eventTranslationSchema } from "./schemas";
import {
  campaignInLocale,
  deleteCampaignTranslation,
  eventsInLocale,
  listCampaignTranslations,
  listEventTranslations,
  saveCampaignTranslation,
  saveEventTranslation,
} from "./translations";

let handle: DbHandle;
let org: Awaited<ReturnType<typeof makeOrg>>;
let other: Awaited<ReturnType<typeof makeOrg>>;
beforeAll(async () => {
  handle = await openTestDatabase();
  org = await makeOrg(handle, { owner: 1, organizer: 1, coordinator: 1 });
  other = await makeOrg(handle, { owner: 1 });
});
afterAll(closeTestDatabase);

const who = (o: typeof org, role: "owner" | "organizer" | "coordinator"): Actor => o.people[role][0]!;
const russian = campaignTranslationSchema.parse({
  locale: "ru",
  title: "День действий у посольств",
  summary: "Свободу нефтяникам Жанаозена",
  body: "**Текст**",
});

describe("translations of campaigns and events", () => {
  it("owners and organizers write them; coordinators are refused; other organisations and anonymous visitors find nothing", async () => {
    const { campaign, event } = await makeEvent(handle, org.org.id);
    await saveCampaignTranslation(who(org, "organizer"), campaign.id, russian);
    await saveEventTranslation(
      who(org, "owner"),
      event.id,
      eventTranslationSchema.parse({ locale: "kk", title: "Елшілік алдындағы наразылық", description: "" }),
    );
    expect((await listCampaignTranslations(who(org, "owner"), campaign.id)).map((t) => t.locale)).toEqual(["ru"]);
    expect((await listEventTranslations(who(org, "organizer"), event.id)).map((t) => t.title)).toEqual(["Елшілік алдындағы наразылық"]);

    await expect(saveCampaignTranslation(who(org, "coordinator"), campaign.id, russian)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listCampaignTranslations(who(org, "coordinator"), campaign.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(saveCampaignTranslation(who(other, "owner"), campaign.id, russian)).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteCampaignTranslation(null, campaign.id, "ru")).rejects.toBeInstanceOf(NotFoundError);
    await expect(saveEventTranslation(null, event.id, eventTranslationSchema.parse({ locale: "de", title: "Kundgebung" }))).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(await handle.db.select().from(campaignTranslations).where(eq(campaignTranslations.campaignId, campaign.id))).toHaveLength(1);
  });

  it("refuses what is not a language of the app or has no title, and stores nothing", () => {
    expect(campaignTranslationSchema.safeParse({ locale: "xx", title: "Title" }).success).toBe(false);
    expect(campaignTranslationSchema.safeParse({ locale: "ru", title: " " }).error?.issues[0]?.message).toBe("validation.tooShort");
    expect(eventTranslationSchema.safeParse({ locale: "pl", title: "ok", description: "x".repeat(20_001) }).success).toBe(false);
  });

  it("readers get their language where there is a translation, the original otherwise; saving again replaces it", async () => {
    const { campaign, event } = await makeEvent(handle, org.org.id, { title: "Protest at the embassy" });
    await saveCampaignTranslation(who(org, "organizer"), campaign.id, russian);
    await saveCampaignTranslation(who(org, "organizer"), campaign.id, { ...russian, title: "День действий" });
    const ru = await campaignInLocale(campaign, "ru");
    expect(ru).toMatchObject({ title: "День действий", summary: "Свободу нефтяникам Жанаозена", translated: "ru" });
    expect(await campaignInLocale(campaign, "pl")).toMatchObject({ title: campaign.title, translated: null });

    await saveEventTranslation(
      who(org, "organizer"),
      event.id,
      eventTranslationSchema.parse({ locale: "ru", title: "Протест у посольства", description: "Приходите" }),
    );
    const [shown] = await eventsInLocale([event], "ru");
    expect(shown).toMatchObject({ title: "Протест у посольства", description: "Приходите", translated: "ru" });
    expect((await eventsInLocale([event], "de"))[0]).toMatchObject({ title: "Protest at the embassy", translated: null });

    await deleteCampaignTranslation(who(org, "owner"), campaign.id, "ru");
    expect((await campaignInLocale(campaign, "ru")).translated).toBeNull();

    // Deleting the campaign takes its events' translations with it.
    await handle.db.delete(campaigns).where(eq(campaigns.id, campaign.id));
    expect(await handle.db.select().from(eventTranslations).where(eq(eventTranslations.eventId, event.id))).toEqual([]);
  });

  it("are never in the original's own language, and never hide a part of the original they leave empty", async () => {
    const { campaign, event } = await makeEvent(handle, org.org.id, { title: "Protest at the embassy" });
    await handle.db.update(campaigns).set({ language: "ru", summary: "Свободу нефтяникам", body: "Текст" }).where(eq(campaigns.id, campaign.id));
    const ownLanguage = campaignTranslationSchema.parse({ locale: "ru", title: "Другое название" });
    await expect(saveCampaignTranslation(who(org, "organizer"), campaign.id, ownLanguage)).rejects.toMatchObject({
      messageKey: "translations.sameAsOriginal",
      field: "locale",
    });
    await expect(
      saveEventTranslation(who(org, "organizer"), event.id, eventTranslationSchema.parse({ locale: "en", title: "Same language" })),
    ).rejects.toMatchObject({ messageKey: "translations.sameAsOriginal" });
    expect(await listCampaignTranslations(who(org, "owner"), campaign.id)).toEqual([]);

    // A translation with a title only: the reader still gets the original's summary and text.
    await saveCampaignTranslation(who(org, "organizer"), campaign.id, campaignTranslationSchema.parse({ locale: "de", title: "Aktionstag" }));
    const stored = { ...campaign, language: "ru", summary: "Свободу нефтяникам", body: "Текст" };
    expect(await campaignInLocale(stored, "de")).toMatchObject({ title: "Aktionstag", summary: "Свободу нефтяникам", body: "Текст", translated: "de" });
    // Readers of the original's language get the original, whatever rows an older version stored.
    await handle.db.insert(campaignTranslations).values({ campaignId: campaign.id, locale: "ru", title: "Старый перевод", summary: "" });
    expect(await campaignInLocale(stored, "ru")).toMatchObject({ title: campaign.title, summary: "Свободу нефтяникам", translated: null });
    await saveEventTranslation(who(org, "organizer"), event.id, eventTranslationSchema.parse({ locale: "kk", title: "Наразылық" }));
    expect((await eventsInLocale([{ ...event, description: "Come", language: "en" }], "kk"))[0]).toMatchObject({ title: "Наразылық", description: "Come" });
  });
});
