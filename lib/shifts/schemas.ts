import { z } from "zod";
import { capacityField } from "@/lib/events/schemas";

const localDateTime = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "validation.dateTime");

/** A shift as the organizer's form gives it: times at the event's place (its zone), a name, and its places. */
export const shiftSchema = z.object({
  startsLocal: localDateTime,
  endsLocal: localDateTime,
  label: z.string().trim().max(80, "validation.tooLong").default(""),
  capacity: capacityField,
});

export type ShiftInput = z.output<typeof shiftSchema>;

export const shiftRef = z.object({ shiftId: z.uuid("validation.invalid") });
