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

const newPassword = z.string().min(MIN_PASSWORD_LENGTH, "validation.passwordTooShort").max(512, "validation.tooLong");

export const registerSchema = z.object({
  name: z.string().trim().min(1, "validation.required").max(120, "validation.tooLong"),
  email: emailField,
  password: newPassword,
});

export const loginSchema = z.object({
  email: emailField,
  password: z.string().min(1, "validation.required").max(512, "validation.tooLong"),
  // A code from an authenticator app, or a recovery code: only for accounts with a second factor.
  code: z.string().trim().max(40, "validation.tooLong").optional(),
  // A passkey's answer to the login page's challenge (JSON from the browser), instead of a code.
  passkey: z.string().max(20_000).optional(),
});

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, "validation.required").max(512, "validation.tooLong"),
  password: newPassword,
});

export const resetRequestSchema = z.object({ email: emailField });
export const resetSchema = z.object({ token: z.string().min(20).max(100), password: newPassword });

export const codeSchema = z.object({ code: z.string().trim().min(1, "validation.required").max(40, "validation.tooLong") });

export type RegisterInput = z.infer<typeof registerSchema>;
export type LoginInput = z.infer<typeof loginSchema>;
