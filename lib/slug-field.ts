import { z } from "zod";
import { RESERVED_SLUGS, SLUG_PATTERN } from "./slug";

/** An optional address part typed by an organizer; empty means "make one from the title". */
export const optionalSlugField = z
  .string()
  .trim()
  .toLowerCase()
  .max(60, "validation.tooLong")
  .refine((s) => s === "" || SLUG_PATTERN.test(s), "validation.slug")
  .refine((s) => !RESERVED_SLUGS.includes(s), "validation.slug")
  .optional()
  .transform((s) => s || undefined);

export const titleField = z.string().trim().min(3, "validation.tooShort").max(160, "validation.tooLong");
