import { z } from "zod";
import { isCountryCode } from "@/lib/geo/countries";
import { optionalSlugField, titleField } from "@/lib/slug-field";
import { isValidTimeZone, zonedLocalToInstant } from "@/lib/time/zones";

export const EVENT_KINDS = ["protest", "picket", "vigil", "hearing", "meeting", "screening", "online"] as const;
export const SUGGESTED_ROLES = ["steward", "legal observer", "observer", "speaker", "interpreter", "driver", "photographer", "first aid"] as const;

const text = (max: number) => z.string().trim().max(max, "validation.tooLong");
const localDateTime = z.string().trim().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "validation.dateTime");
const optionalNumber = (min: number, max: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((s, ctx) => {
      if (!s) return null;
      const n = Number(s.replace(",", "."));
      if (!Number.isFinite(n) || n < min || n > max) {
        ctx.addIssue({ code: "custom", message: "validation.coordinate" });
        return z.NEVER;
      }
      return n;
    });

/** Place and time: shared by creating, editing and duplicating an event. */
export const placeFields = {
  timeZone: z.string().trim().refine(isValidTimeZone, "validation.timeZone"),
  venue: text(200).default(""),
  address: text(300).default(""),
  city: text(120).default(""),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .refine(isCountryCode, "validation.country"),
  latitude: optionalNumber(-90, 90),
  longitude: optionalNumber(-180, 180),
};

const eventObject = z.object({
  title: titleField,
  slug: optionalSlugField,
  kind: z.enum(EVENT_KINDS, "validation.choose"),
  // For hearings: the trial watch's case they belong to.
  caseId: z
    .string()
    .optional()
    .transform((s) => s || null)
    .refine((s) => s === null || z.uuid().safeParse(s).success, "validation.choose"),
  description: text(20_000).default(""),
  startsLocal: localDateTime,
  endsLocal: localDateTime,
  ...placeFields,
  onlineUrl: z
    .string()
    .trim()
    .max(2000, "validation.tooLong")
    .optional()
    .refine((s) => !s || (/^https?:\/\//i.test(s) && URL.canParse(s)), "validation.url")
    .transform((s) => s || null),
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
  deadlineLocal: z
    .string()
    .trim()
    .optional()
    .transform((s) => s || null)
    .refine((s) => s === null || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(s), "validation.dateTime"),
  waitlist: z
    .string()
    .optional()
    .transform((v) => v === "on" || v === "true"),
  roles: z
    .string()
    .optional()
    .transform((s) =>
      [...new Set((s ?? "").split(/[,\n]/).map((r) => r.trim().toLowerCase()).filter(Boolean))].slice(0, 20),
    )
    .refine((roles) => roles.every((r) => r.length <= 40), "validation.roles"),
});

/** Parses an event form: local times at the place become instants, with a message per field. */
export const eventSchema = eventObject.transform((e, ctx) => {
  const startsAt = zonedLocalToInstant(e.startsLocal, e.timeZone);
  const endsAt = zonedLocalToInstant(e.endsLocal, e.timeZone);
  const signupDeadline = e.deadlineLocal ? zonedLocalToInstant(e.deadlineLocal, e.timeZone) : null;
  if (!startsAt) ctx.addIssue({ code: "custom", path: ["startsLocal"], message: "validation.dateTime" });
  if (!endsAt) ctx.addIssue({ code: "custom", path: ["endsLocal"], message: "validation.dateTime" });
  if (startsAt && endsAt && endsAt <= startsAt) ctx.addIssue({ code: "custom", path: ["endsLocal"], message: "validation.endAfterStart" });
  if (e.deadlineLocal && !signupDeadline) ctx.addIssue({ code: "custom", path: ["deadlineLocal"], message: "validation.dateTime" });
  if (startsAt && signupDeadline && signupDeadline > startsAt) ctx.addIssue({ code: "custom", path: ["deadlineLocal"], message: "validation.deadlineBeforeStart" });
  // A point on the map needs both coordinates.
  if ((e.latitude === null) !== (e.longitude === null)) ctx.addIssue({ code: "custom", path: [e.latitude === null ? "latitude" : "longitude"], message: "validation.coordinatePair" });
  if (!startsAt || !endsAt) return z.NEVER;
  const { startsLocal: _s, endsLocal: _e, deadlineLocal: _d, ...rest } = e;
  return { ...rest, startsAt, endsAt, signupDeadline };
});

export const postponeSchema = z
  .object({
    startsLocal: localDateTime,
    endsLocal: localDateTime,
    timeZone: placeFields.timeZone,
    reason: text(500).default(""),
  })
  .transform((p, ctx) => {
    const startsAt = zonedLocalToInstant(p.startsLocal, p.timeZone);
    const endsAt = zonedLocalToInstant(p.endsLocal, p.timeZone);
    if (!startsAt) ctx.addIssue({ code: "custom", path: ["startsLocal"], message: "validation.dateTime" });
    if (!endsAt) ctx.addIssue({ code: "custom", path: ["endsLocal"], message: "validation.dateTime" });
    if (startsAt && endsAt && endsAt <= startsAt) ctx.addIssue({ code: "custom", path: ["endsLocal"], message: "validation.endAfterStart" });
    if (!startsAt || !endsAt) return z.NEVER;
    return { startsAt, endsAt, reason: p.reason };
  });

export const cancelEventSchema = z.object({ reason: text(500).default("") });

/** Duplicate to another city: the same local times, at a new place. */
export const duplicateSchema = z.object({
  ...placeFields,
  city: z.string().trim().min(1, "validation.required").max(120, "validation.tooLong"),
  title: z.string().trim().max(160, "validation.tooLong").optional(),
});

export type EventInput = z.output<typeof eventSchema>;
export type PostponeInput = z.output<typeof postponeSchema>;
export type DuplicateInput = z.output<typeof duplicateSchema>;
