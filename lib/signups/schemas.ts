import { z } from "zod";
import { emailField } from "@/lib/accounts/schemas";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "validation.tooLong")
    .optional()
    .transform((s) => s || null);

export const signupSchema = z.object({
  name: z.string().trim().min(1, "validation.required").max(120, "validation.tooLong"),
  email: emailField,
  phone: optionalText(40).refine((p) => p === null || /^\+?[0-9 ()\-./]{5,}$/.test(p), "validation.phone"),
  role: optionalText(40),
  comment: optionalText(1000),
  consent: z
    .string()
    .optional()
    .transform((v) => v === "on" || v === "true"),
  // Left empty by people; bots fill every field.
  website: z.string().optional(),
});

export const roleChangeSchema = z.object({ role: optionalText(40) });

export type SignupInput = z.output<typeof signupSchema>;
