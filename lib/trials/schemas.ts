import { z } from "zod";
import { zonedLocalToInstant, isValidTimeZone } from "@/lib/time/zones";

export const DEFENDANT_STATUSES = ["detained", "on_trial", "sentenced", "released", "acquitted"] as const;
export const UPDATE_KINDS = ["update", "verdict"] as const;

const text = (max: number) => z.string().trim().max(max, "validation.tooLong");
const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "on" || v === "true");

export const caseSchema = z.object({
  name: z.string().trim().min(3, "validation.tooShort").max(200, "validation.tooLong"),
  court: text(200).default(""),
  caseNumber: text(100).default(""),
  charges: text(1000).default(""),
  summary: text(5000).default(""),
});

export const defendantSchema = z.object({
  caseId: z.uuid("validation.choose"),
  name: z.string().trim().min(2, "validation.tooShort").max(120, "validation.tooLong"),
  status: z.enum(DEFENDANT_STATUSES, "validation.choose"),
  sentence: text(300).default(""),
  notes: text(2000).default(""),
  isPublic: checkbox,
});

/** An update's date is a local date and time in the campaign's court zone. */
export const caseUpdateSchema = z
  .object({
    caseId: z
      .string()
      .optional()
      .transform((s) => s || null)
      .refine((s) => s === null || z.uuid().safeParse(s).success, "validation.choose"),
    kind: z.enum(UPDATE_KINDS, "validation.choose"),
    title: z.string().trim().min(3, "validation.tooShort").max(200, "validation.tooLong"),
    body: z.string().max(20_000, "validation.tooLong").default(""),
    postedLocal: z
      .string()
      .trim()
      .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "validation.dateTime"),
    timeZone: z.string().trim().refine(isValidTimeZone, "validation.timeZone"),
    isPublic: checkbox,
  })
  .transform((u, ctx) => {
    const postedAt = zonedLocalToInstant(u.postedLocal, u.timeZone);
    if (!postedAt) {
      ctx.addIssue({ code: "custom", path: ["postedLocal"], message: "validation.dateTime" });
      return z.NEVER;
    }
    const { postedLocal: _p, timeZone: _z, ...rest } = u;
    return { ...rest, postedAt };
  });

export type CaseInput = z.output<typeof caseSchema>;

/** A case as its page and its form show it. */
export interface CaseFields {
  id: string;
  name: string;
  court: string;
  caseNumber: string;
  charges: string;
  summary: string;
}
export type DefendantInput = z.output<typeof defendantSchema>;
export type CaseUpdateInput = z.output<typeof caseUpdateSchema>;
