import { z } from "zod";
import { emailField } from "@/lib/accounts/schemas";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "validation.tooLong")
    .optional()
    .transform((s) => s || null);

// A name is greeted in the organisation's own emails: one holding an address would make a genuine email
// carry someone else's link (mail programs turn addresses in plain text into links), so such names are refused.
const TLD =
  "(?:[a-z]{2}|com|org|net|info|biz|xyz|top|online|site|app|dev|link|click|live|shop|store|club|pro|icu|vip|win|tech|cloud|space|fun|website|email|page|blog)";
const ADDRESS_IN_TEXT = new RegExp(`[a-z][a-z0-9+.-]*:\\/\\/|www\\.|@|\\d{1,3}(?:\\.\\d{1,3}){3}|[\\p{L}\\p{N}-]\\.${TLD}(?=$|[\\s/:?#.,;!)])|xn--`, "iu");

/** Whether a typed name holds a web or email address. */
export const holdsAddress = (text: string) => ADDRESS_IN_TEXT.test(text.normalize("NFKC"));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The shifts taken, for an event split into shifts: a list (JSON), or the form's ticked boxes joined by spaces. */
const shiftsField = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v, ctx) => {
    const list = v === undefined ? [] : Array.isArray(v) ? v : v.split(/[\s,]+/).filter(Boolean);
    if (list.length > 200 || list.some((id) => !UUID.test(id))) {
      ctx.addIssue({ code: "custom", message: "validation.invalid" });
      return z.NEVER;
    }
    return [...new Set(list.map((id) => id.toLowerCase()))];
  });

// Left empty by people; bots fill every field.
const honeypot = z.string().optional();

export const signupSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "validation.required")
    .max(120, "validation.tooLong")
    .refine((name) => !holdsAddress(name), "validation.nameAddress"),
  email: emailField,
  phone: optionalText(40).refine((p) => p === null || /^\+?[0-9 ()\-./]{5,}$/.test(p), "validation.phone"),
  role: optionalText(40),
  comment: optionalText(1000),
  consent: z
    .string()
    .optional()
    .transform((v) => v === "on" || v === "true"),
  shifts: shiftsField,
  website: honeypot,
});

/** An event that asks for a nickname and no email: no address, no phone, nobody to write to. */
export const pseudonymousSignupSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, "validation.required")
      .max(60, "validation.tooLong")
      .refine((name) => !holdsAddress(name), "validation.nameAddress"),
    role: optionalText(40),
    comment: optionalText(1000),
    shifts: shiftsField,
    website: honeypot,
  })
  .transform((s) => ({ ...s, email: null, phone: null, consent: false }));

/** An event that only counts people: nothing is asked, nothing personal is kept. */
export const headcountSignupSchema = z
  .object({ shifts: shiftsField, website: honeypot })
  .transform((s) => ({ name: "", email: null, phone: null, role: null, comment: null, consent: false, shifts: s.shifts, website: s.website }));

export type SignupMode = "named" | "pseudonymous" | "headcount";

/** What an event's sign-up form asks, by what the event asks for. */
export function signupSchemaFor(mode: SignupMode) {
  return mode === "headcount" ? headcountSignupSchema : mode === "pseudonymous" ? pseudonymousSignupSchema : signupSchema;
}

export const roleChangeSchema = z.object({ role: optionalText(40) });

/** A sign-up of an event that asks for a name and an email. */
export type NamedSignupInput = z.output<typeof signupSchema>;
/** A sign-up as signUp takes it; `email` is null for the events that ask for none. */
export type SignupInput = Omit<z.output<typeof signupSchema>, "email"> & { email: string | null };
