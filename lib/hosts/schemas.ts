import { z } from "zod";
import { emailField } from "@/lib/accounts/schemas";
import { EVENT_KINDS, placeFields } from "@/lib/events/schemas";
import { holdsAddress } from "@/lib/signups/schemas";
import { zonedLocalToInstant } from "@/lib/time/zones";

// What a host types: the public proposal form, and the host's own page (what they may change once approved).

const text = (max: number) => z.string().trim().max(max, "validation.tooLong");
const localDateTime = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "validation.dateTime");

/** Start and end at the place, as instants; the start in the future, the end after it and within two days of it. */
function times(raw: { startsLocal: string; endsLocal: string; timeZone: string }, ctx: z.RefinementCtx, now = Date.now()) {
  const startsAt = zonedLocalToInstant(raw.startsLocal, raw.timeZone);
  const endsAt = zonedLocalToInstant(raw.endsLocal, raw.timeZone);
  if (!startsAt) ctx.addIssue({ code: "custom", path: ["startsLocal"], message: "validation.dateTime" });
  if (!endsAt) ctx.addIssue({ code: "custom", path: ["endsLocal"], message: "validation.dateTime" });
  if (startsAt && startsAt.getTime() < now) ctx.addIssue({ code: "custom", path: ["startsLocal"], message: "validation.inPast" });
  if (startsAt && endsAt && endsAt <= startsAt) ctx.addIssue({ code: "custom", path: ["endsLocal"], message: "validation.endAfterStart" });
  // A host's event is an action of an afternoon or a day, not a standing list of names.
  if (startsAt && endsAt && endsAt.getTime() - startsAt.getTime() > MAX_HOSTED_MS)
    ctx.addIssue({ code: "custom", path: ["endsLocal"], message: "validation.hostedTooLong" });
  return startsAt && endsAt ? { startsAt, endsAt } : null;
}

/** The longest a hosted event may last: its host's link, and the names it shows, end with it. */
export const MAX_HOSTED_MS = 2 * 86_400_000;

const proposalObject = z.object({
  title: z.string().trim().min(3, "validation.tooShort").max(160, "validation.tooLong"),
  kind: z.enum(EVENT_KINDS, "validation.choose"),
  description: text(5000).default(""),
  startsLocal: localDateTime,
  endsLocal: localDateTime,
  timeZone: placeFields.timeZone,
  venue: placeFields.venue,
  address: placeFields.address,
  city: z.string().trim().min(1, "validation.required").max(120, "validation.tooLong"),
  country: placeFields.country,
  name: z
    .string()
    .trim()
    .min(1, "validation.required")
    .max(120, "validation.tooLong")
    .refine((name) => !holdsAddress(name), "validation.nameAddress"),
  email: emailField,
  // Left empty by people; bots fill every field.
  website: z.string().optional(),
});

/** The public form "host an event": local times at the place become instants. */
export const proposalSchema = z.unknown().transform((raw, ctx) => {
  const parsed = proposalObject.safeParse(raw);
  const fields = raw && typeof raw === "object" ? (raw as Record<string, unknown>) : {};
  const checked =
    typeof fields.startsLocal === "string" && typeof fields.endsLocal === "string" && typeof fields.timeZone === "string"
      ? localDateTime.safeParse(fields.startsLocal).success && localDateTime.safeParse(fields.endsLocal).success
        ? times({ startsLocal: fields.startsLocal, endsLocal: fields.endsLocal, timeZone: fields.timeZone }, ctx)
        : null
      : null;
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
    return z.NEVER;
  }
  if (!checked) return z.NEVER;
  const { startsLocal: _s, endsLocal: _e, ...rest } = parsed.data;
  return { ...rest, ...checked };
});
export type ProposalInput = z.output<typeof proposalSchema>;

const hostEditObject = z.object({
  description: text(5000).default(""),
  venue: placeFields.venue,
  address: placeFields.address,
  startsLocal: localDateTime,
  endsLocal: localDateTime,
});

/** What a host changes from their page: the description, the place within the city, the time (in the event's zone). */
export const hostEditSchema = (timeZone: string) =>
  z.unknown().transform((raw, ctx) => {
    const parsed = hostEditObject.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
      return z.NEVER;
    }
    const checked = times({ ...parsed.data, timeZone }, ctx);
    if (!checked) return z.NEVER;
    return { description: parsed.data.description, venue: parsed.data.venue, address: parsed.data.address, ...checked };
  });
export type HostEditInput = z.output<ReturnType<typeof hostEditSchema>>;

export const hostCancelSchema = z.object({ reason: text(500).default("") });
export const declineSchema = z.object({ note: text(1000).default("") });
