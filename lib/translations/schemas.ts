import { z } from "zod";
import { LOCALES } from "@/lib/i18n/config";
import { titleField } from "@/lib/slug-field";

export const CONTENT_LOCALES = LOCALES;
const locale = z.enum(CONTENT_LOCALES, "validation.choose");

export const campaignTranslationSchema = z.object({
  locale,
  title: titleField,
  summary: z.string().trim().max(500, "validation.tooLong").default(""),
  body: z.string().max(50_000, "validation.tooLong").default(""),
});

export const eventTranslationSchema = z.object({
  locale,
  title: titleField,
  description: z.string().trim().max(20_000, "validation.tooLong").default(""),
});

export const translationLocaleSchema = z.object({ locale });

export type CampaignTranslationInput = z.output<typeof campaignTranslationSchema>;
export type EventTranslationInput = z.output<typeof eventTranslationSchema>;
