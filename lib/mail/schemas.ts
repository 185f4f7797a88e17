import { z } from "zod";

// Messages are keys under "validation" (and "attendeeMessages.errors") in lib/i18n/messages.

export const AUDIENCES = ["all", "confirmed", "waitlisted", "checked_in"] as const;
export type AudienceChoice = (typeof AUDIENCES)[number];

export const MAILBOX_STATUSES = ["pending", "sending", "sent", "failed", "held"] as const;
export type MailboxStatus = (typeof MAILBOX_STATUSES)[number];

export const attendeeMessageSchema = z.object({
  subject: z.string().trim().min(1, "validation.required").max(200, "validation.tooLong"),
  body: z
    .string()
    .transform((s) => s.replace(/\r\n?/g, "\n").trim())
    .pipe(z.string().min(1, "validation.required").max(10_000, "validation.tooLong")),
  audience: z.enum(AUDIENCES, "validation.choose"),
  role: z
    .string()
    .trim()
    .max(40, "validation.tooLong")
    .optional()
    .transform((r) => r || null),
  // Made by the form once: the same message submitted twice is written once.
  nonce: z.uuid("errors.generic"),
});

export type AttendeeMessageInput = z.output<typeof attendeeMessageSchema>;

/** The mailbox page's query string; anything unknown falls back to the whole first page. */
export const mailboxQuerySchema = z.object({
  status: z.enum(MAILBOX_STATUSES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export type MailboxQuery = z.output<typeof mailboxQuerySchema>;
