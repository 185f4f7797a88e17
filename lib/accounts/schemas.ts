import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-rules";

// Messages are keys under "validation" in lib/i18n/messages.
export const emailField = z
  .string()
  .trim()
  .min(1, "validation.required")
  .max(254, "validation.tooLong")
  .pipe(z.email("validation.email"))
  .transform((e) => e.normalize("NFC").toLowerCase());

export const registerSchema = z.object({
  name: z.string().trim().min(1, "validation.required").max(120, "validation.tooLong"),
  email: emailField,
  password: z.string().min(MIN_PASSWORD_LENGTH, "validation.passwordTooShort").max(512, "validation.tooLong"),
});

export const loginSchema = z.object({
  email: emailField,
  password: z.string().min(1, "validation.required").max(512, "validation.tooLong"),
});

export type RegisterInput = z.infer<typeof registerSchema>;
export type LoginInput = z.infer<typeof loginSchema>;
