import { z } from "zod";

const localDateTime = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "validation.dateTime");

/** A shift as the organizer's form gives it: times at the event's place (its zone), a name, and its places. */
export const shiftSchema = z.object({
  startsLocal: localDateTime,
  endsLocal: localDateTime,
  label: z.string().trim().max(80, "validation.tooLong").default(""),
  capacity: z
    .string()
    .trim()
    .optional()
    .transform((s, ctx) => {
      if (!s) return null;
      if (!/^\d+$/.test(s) || Number(s) < 1 || Number(s) > 1_000_000) {
        ctx.addIssue({ code: "custom", message: "validation.capacity" });
        return z.NEVER;
      }
      return Number(s);
    }),
});

export type ShiftInput = z.output<typeof shiftSchema>;

export const shiftRef = z.object({ shiftId: z.uuid("validation.invalid") });
