import { z } from "zod";
import { LOCALES } from "@/lib/i18n/config";
import { optionalSlugField, titleField } from "@/lib/slug-field";

export const CAMPAIGN_KINDS = ["embassy_protest", "trial_watch", "solidarity_action", "appeal"] as const;
export const CAMPAIGN_STATUSES = ["draft", "published", "archived"] as const;

const optionalUrl = z
  .string()
  .trim()
  .max(2000, "validation.tooLong")
  .refine((s) => s === "" || (/^https?:\/\/[^\s]+\.[^\s]+/i.test(s) && URL.canParse(s)), "validation.url")
  .transform((s) => s || null);

/** Sites allowed to send sign-ups: one origin a line (https://partner.example.org), kept as origins. */
const originList = z
  .string()
  .max(4000, "validation.tooLong")
  .default("")
  .transform((text, ctx) => {
    const origins: string[] = [];
    for (const line of text.split(/[\s,]+/).filter(Boolean)) {
      const url = URL.canParse(line) ? new URL(line) : null;
      if (
        !url ||
        (url.protocol !== "https:" && url.protocol !== "http:") ||
        url.username ||
        url.password ||
        (url.pathname !== "/" && url.pathname !== "") ||
        url.search ||
        url.hash
      ) {
        ctx.addIssue({ code: "custom", message: "validation.origin" });
        return z.NEVER;
      }
      if (!origins.includes(url.origin)) origins.push(url.origin);
    }
    if (origins.length > 20) {
      ctx.addIssue({ code: "custom", message: "validation.tooManyOrigins" });
      return z.NEVER;
    }
    return origins;
  });

export const campaignSchema = z.object({
  title: titleField,
  slug: optionalSlugField,
  kind: z.enum(CAMPAIGN_KINDS, "validation.choose"),
  summary: z.string().trim().max(500, "validation.tooLong").default(""),
  body: z.string().max(50_000, "validation.tooLong").default(""),
  appealUrl: optionalUrl.optional().transform((s) => s ?? null),
  signupOrigins: originList,
  // Supporters may propose events of their own, which organizers approve or decline (lib/hosts).
  acceptsProposals: z
    .string()
    .optional()
    .transform((v) => v === "on" || v === "true"),
  // Followable from the fediverse while published (lib/federation). The form sends "off" (a hidden field) before
  // the checkbox's "on"; without either (code, an older form) the campaign keeps what it had, on when new.
  federated: z
    .enum(["on", "off", "true", "false"], "validation.choose")
    .optional()
    .transform((v) => (v === undefined ? undefined : v === "on" || v === "true")),
  // The language the campaign's own text is written in; kept as it was when the form does not say.
  language: z.enum(LOCALES, "validation.choose").optional(),
  retentionDays: z.coerce
    .number("validation.wholeNumber")
    .int("validation.wholeNumber")
    .min(1, "validation.retentionRange")
    .max(3650, "validation.retentionRange")
    .default(30),
});

export const campaignStatusSchema = z.object({ status: z.enum(CAMPAIGN_STATUSES, "validation.choose") });

export type CampaignInput = z.output<typeof campaignSchema>;
export type CampaignKindValue = (typeof CAMPAIGN_KINDS)[number];
