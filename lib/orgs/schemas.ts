import { z } from "zod";
import { LOCALES } from "@/lib/i18n/config";
import { emailField } from "@/lib/accounts/schemas";
import { SLUG_PATTERN } from "@/lib/slug";
import { ROLES } from "./roles";

export const createOrganisationSchema = z.object({
  name: z.string().trim().min(2, "validation.tooShort").max(120, "validation.tooLong"),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .max(60, "validation.tooLong")
    .refine((s) => s === "" || SLUG_PATTERN.test(s), "validation.slug")
    .optional(),
});

export const roleField = z.enum(ROLES, "validation.role");

export const createInvitationSchema = z
  .object({
    role: roleField,
    note: z.string().trim().max(200, "validation.tooLong").optional(),
    // When given, the link is also emailed there.
    email: z
      .string()
      .trim()
      .optional()
      .transform((e) => e || undefined)
      .pipe(emailField.optional()),
    // The language of that email: the invited person's own is not known yet.
    language: z.enum(LOCALES, "validation.choose").optional(),
  })
  // An owner's link works only for the address it was sent to: a forwarded or intercepted link cannot make an owner.
  .refine((i) => i.role !== "owner" || i.email !== undefined, { path: ["email"], message: "validation.ownerNeedsEmail" });

export const changeRoleSchema = z.object({
  userId: z.uuid("errors.notFound"),
  role: roleField,
});

export const memberSchema = z.object({ userId: z.uuid("errors.notFound") });
export const invitationIdSchema = z.object({ invitationId: z.uuid("errors.notFound") });

export type CreateOrganisationInput = z.infer<typeof createOrganisationSchema>;
export type CreateInvitationInput = z.infer<typeof createInvitationSchema>;

const optionalId = z.preprocess((v) => (v === "" ? undefined : v), z.uuid("errors.notFound").optional());
/** Giving a member a scope: one of a campaign, an event, or a city ("DE|Berlin"), chosen in one form (the action checks it is one). */
export const giveScopeSchema = z.object({
  userId: z.uuid("errors.notFound"),
  campaignId: optionalId,
  eventId: optionalId,
  city: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .string()
      .regex(/^[A-Z]{2}\|.{1,120}$/, "validation.invalid")
      .optional(),
  ),
});
export const scopeIdSchema = z.object({ scopeId: z.uuid("errors.notFound") });
