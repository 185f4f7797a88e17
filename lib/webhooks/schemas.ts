import { z } from "zod";

export const MIN_SECRET_LENGTH = 24;

// What an owner types to register a webhook: the address (checked against the network later, lib/webhooks/address.ts),
// one campaign or all (""), a secret of their own or none (Picket makes one), and the opt-in to sign-ups' details.
export const webhookSchema = z.object({
  url: z
    .string()
    .trim()
    .min(1, "validation.required")
    .max(2000, "validation.tooLong")
    .refine((s) => /^https?:\/\//i.test(s) && URL.canParse(s), "validation.url"),
  campaign: z
    .string()
    .trim()
    .default("")
    .refine((s) => s === "" || /^[0-9a-f-]{36}$/i.test(s), "validation.choose")
    .transform((s) => s || null),
  secret: z
    .string()
    .max(200, "validation.tooLong")
    .default("")
    .transform((s) => s.trim())
    .refine((s) => s === "" || s.length >= MIN_SECRET_LENGTH, "webhooks.form.secretTooShort")
    .transform((s) => s || null),
  personal: z
    .string()
    .optional()
    .transform((v) => v === "on" || v === "true"),
});

export type WebhookInput = z.output<typeof webhookSchema>;

export const deliveryPageSchema = z.object({ page: z.coerce.number().int().min(1).max(100_000).catch(1) });
