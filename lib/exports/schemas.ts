import { z } from "zod";
import { ATTENDEE_COLUMNS, attendeeFilterSchema, type AttendeeColumn } from "@/lib/attendees/schemas";

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);

/** "name,email" or repeated columns=name&columns=email (a plain form's checkboxes); none chosen means all. */
const columnsField = z
  .array(z.string())
  .transform((values) =>
    values
      .flatMap((v) => v.split(","))
      .map((v) => v.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.enum(ATTENDEE_COLUMNS)).max(ATTENDEE_COLUMNS.length * 2))
  .transform((cols): AttendeeColumn[] => (cols.length ? ATTENDEE_COLUMNS.filter((c) => cols.includes(c)) : [...ATTENDEE_COLUMNS]));

/** What the export form sends (the fields of POST /api/orgs/{org}/exports/attendees). */
export const exportRequestSchema = attendeeFilterSchema
  .extend({
    eventId: uuid.optional(),
    campaignId: uuid.optional(),
    columns: columnsField,
    bom: z
      .enum(["1", "on", "true", "0", "false", ""])
      .optional()
      .transform((v) => v === "1" || v === "on" || v === "true"),
  })
  .refine((r) => (r.eventId ? 1 : 0) + (r.campaignId ? 1 : 0) === 1, { message: "validation.invalid", path: ["eventId"] });

export type ExportRequest = z.output<typeof exportRequestSchema>;

const SINGLE = ["eventId", "campaignId", "status", "role", "checkedIn", "q", "shift", "bom"] as const;

/** Form fields to the schema's input: a repeated single-valued field is refused, not guessed at. */
export function parseExportRequest(params: URLSearchParams) {
  const input: Record<string, unknown> = { columns: params.getAll("columns") };
  for (const key of SINGLE) {
    const all = params.getAll(key);
    if (all.length > 1) return { success: false as const };
    if (all.length === 1) input[key] = all[0];
  }
  return exportRequestSchema.safeParse(input);
}
