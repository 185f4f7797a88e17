import { z } from "zod";
import { emailField } from "@/lib/accounts/schemas";

export const ATTENDEE_SORTS = ["createdAt", "name", "status", "checkedInAt", "role"] as const;
export const ATTENDEE_COLUMNS = ["event", "name", "email", "phone", "role", "status", "createdAt", "checkedInAt", "comment"] as const;
export type AttendeeColumn = (typeof ATTENDEE_COLUMNS)[number];

/** The statuses a list or an export can be filtered by, beside "any" (and "expected", the check-in list's own). */
export const STATUS_CHOICES = ["confirmed", "waitlisted", "requested", "declined", "cancelled"] as const;
export const CHECKED_IN_CHOICES = ["yes", "no"] as const;

const emptyToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

/**
 * Filters shared by the list, the check-in screen, the CSV export and the printable sheet (from search params).
 * Status "expected": everyone who may come, confirmed or waitlisted (the check-in list).
 */
export const attendeeFilterSchema = z.object({
  status: z.preprocess(emptyToUndefined, z.enum([...STATUS_CHOICES, "expected"]).optional()),
  role: z.preprocess(emptyToUndefined, z.string().trim().max(40).optional()),
  checkedIn: z.preprocess(emptyToUndefined, z.enum(CHECKED_IN_CHOICES).optional()),
  q: z.preprocess(emptyToUndefined, z.string().trim().max(100).optional()),
  // An event split into shifts: those who hold a place in this shift or wait for one.
  shift: z.preprocess(emptyToUndefined, z.uuid().optional()),
});

export const attendeeListSchema = attendeeFilterSchema.extend({
  sort: z.preprocess(emptyToUndefined, z.enum(ATTENDEE_SORTS).default("createdAt")),
  dir: z.preprocess(emptyToUndefined, z.enum(["asc", "desc"]).default("asc")),
  page: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(100_000).default(1)),
  pageSize: z.preprocess(emptyToUndefined, z.coerce.number().int().min(10).max(200).default(50)),
});

export const walkInSchema = z.object({
  name: z.string().trim().min(1, "validation.required").max(120, "validation.tooLong"),
  email: z.preprocess(emptyToUndefined, emailField.optional()),
});

export type AttendeeFilter = z.output<typeof attendeeFilterSchema>;
export type AttendeeListQuery = z.output<typeof attendeeListSchema>;
export type WalkInInput = z.output<typeof walkInSchema>;
