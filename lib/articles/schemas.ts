import { z } from "zod";

const text = (max: number) => z.string().trim().max(max, "validation.tooLong");

/** An article's address: http or https only, normalised so the same page is one article. */
export const articleUrlField = z
  .string()
  .trim()
  .min(1, "validation.required")
  .max(2000, "validation.tooLong")
  .refine((s) => /^https?:\/\//i.test(s) && URL.canParse(s), "validation.url")
  .transform((s) => normaliseArticleUrl(s));

export function normaliseArticleUrl(raw: string): string {
  const u = new URL(raw.trim());
  u.hash = "";
  return u.toString();
}

export const articleSchema = z.object({
  url: articleUrlField,
  title: z.string().trim().min(3, "validation.tooShort").max(300, "validation.tooLong"),
  publication: text(160).default(""),
  author: text(160).default(""),
  publishedOn: z
    .string()
    .trim()
    .optional()
    .transform((s) => s || null)
    .refine((s) => s === null || (/^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`))), "validation.date")
    // Published already: no later than today anywhere on Earth (UTC+14).
    .refine((s) => s === null || s <= new Date(Date.now() + 14 * 3_600_000).toISOString().slice(0, 10), "validation.dateInFuture"),
  language: z
    .string()
    .trim()
    .toLowerCase()
    .max(20, "validation.tooLong")
    .refine((s) => s === "" || /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/.test(s), "validation.language")
    .default(""),
  excerpt: text(2000).default(""),
  body: z.string().max(50_000, "validation.tooLong").default(""),
});

export const fillFromUrlSchema = z.object({ url: articleUrlField });

/** A link to a campaign ("campaign:<id>") or an event ("event:<id>"), with an optional place in the order. */
export const linkTargetField = z
  .string()
  .regex(/^(campaign|event):[0-9a-f-]{36}$/i, "validation.choose")
  .transform((s) => {
    const [kind, id] = s.split(":") as ["campaign" | "event", string];
    return { kind, id };
  });

export const positionField = z
  .string()
  .trim()
  .optional()
  .transform((s, ctx) => {
    if (!s) return null;
    if (!/^\d+$/.test(s) || Number(s) > 10_000) {
      ctx.addIssue({ code: "custom", message: "validation.position" });
      return z.NEVER;
    }
    return Number(s);
  });

export const linkSchema = z.object({ target: linkTargetField, position: positionField });
export const positionSchema = z.object({ linkId: z.uuid(), position: positionField });

export const searchQueryField = z.string().trim().max(200).default("");

export type ArticleInput = z.output<typeof articleSchema>;
export type LinkInput = z.output<typeof linkSchema>;
