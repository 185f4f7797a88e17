import { z } from "zod";
import { isCountryCode } from "@/lib/geo/countries";
import { LOCALES } from "@/lib/i18n/config";
import { optionalSlugField, titleField } from "@/lib/slug-field";
import { isValidTimeZone, zonedLocalToInstant } from "@/lib/time/zones";

export const EVENT_KINDS = ["protest", "picket", "vigil", "hearing", "meeting", "screening", "online"] as const;
export const SIGNUP_MODES = ["named", "pseudonymous", "headcount"] as const;
/** How long before the start a hidden place is sent to the confirmed attendees, in minutes. */
export const PLACE_REVEAL_CHOICES = [30, 60, 120, 180, 360, 720, 1440, 2880] as const;
export const SUGGESTED_ROLES = ["steward", "legal observer", "observer", "speaker", "interpreter", "driver", "photographer", "first aid"] as const;

const text = (max: number) => z.string().trim().max(max, "validation.tooLong");
const localDateTime = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "validation.dateTime");
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
  country: z.string().trim().toUpperCase().refine(isCountryCode, "validation.country"),
  latitude: optionalNumber(-90, 90),
  longitude: optionalNumber(-180, 180),
};

/** "steward: 4" — a role, and how many are needed (1 to 1,000). */
const ROLE_WITH_NEED = /^(.*?)\s*:\s*(\d+)$/;

/**
 * The roles field: "steward: 4, legal observer: 2, speaker", one per comma or line, each at most 40 characters,
 * at most 20. A number after a colon is how many are needed; without one, the role takes anyone who offers.
 * Null when a role is too long or a number is not one from 1 to 1,000.
 */
export function parseRoles(text: string): { roles: string[]; roleNeeds: Record<string, number> } | null {
  const roles: string[] = [];
  const roleNeeds: Record<string, number> = {};
  for (const item of text.split(/[,\n]/)) {
    const trimmed = item.trim().toLowerCase();
    if (!trimmed) continue;
    const withNeed = ROLE_WITH_NEED.exec(trimmed);
    const role = (withNeed ? withNeed[1]! : trimmed).trim();
    const need = withNeed ? Number(withNeed[2]) : null;
    if (!role || role.length > 40 || role.includes(":") || (need !== null && (need < 1 || need > 1000))) return null;
    if (roles.includes(role)) continue;
    if (roles.length === 20) break;
    roles.push(role);
    if (need !== null) roleNeeds[role] = need;
  }
  return { roles, roleNeeds };
}

/** The roles field as the form shows it again: "steward: 4, speaker". */
export const rolesText = (roles: string[], needs: Record<string, number>) => roles.map((r) => (needs[r] ? `${r}: ${needs[r]}` : r)).join(", ");

/** Places: empty for no limit, else a whole number from 1 to 1,000,000 (an event's, or one of its shifts'). */
export const capacityField = z
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
  });

const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "on" || v === "true");

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
  capacity: capacityField,
  deadlineLocal: z
    .string()
    .trim()
    .optional()
    .transform((s) => s || null)
    .refine((s) => s === null || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(s), "validation.dateTime"),
  waitlist: checkbox,
  roles: z
    .string()
    .optional()
    .transform((s, ctx) => {
      const parsed = parseRoles(s ?? "");
      if (!parsed) {
        ctx.addIssue({ code: "custom", message: "validation.roles" });
        return z.NEVER;
      }
      return parsed;
    }),
  signupMode: z.enum(SIGNUP_MODES, "validation.choose").default("named"),
  approval: checkbox,
  placeHidden: checkbox,
  gatheringArea: text(200).default(""),
  placeRevealMinutes: z
    .string()
    .optional()
    .transform((s) => Number(s || 120))
    .refine((n) => (PLACE_REVEAL_CHOICES as readonly number[]).includes(n), "validation.choose"),
  // The language of its title and description; the campaign's when the form does not say.
  language: z.enum(LOCALES, "validation.choose").optional(),
});

/** The fields of an event form that other fields are checked against: read on their own, so a mistake elsewhere hides nothing. */
const timesObject = z.object({
  startsLocal: localDateTime,
  endsLocal: localDateTime,
  timeZone: placeFields.timeZone,
  deadlineLocal: eventObject.shape.deadlineLocal,
});

/** Ticked after the form said the automatic erasure of sign-ups would come earlier. */
const confirmField = checkbox;

type Times = { startsAt: Date | null; endsAt: Date | null; signupDeadline: Date | null };

/** Start, end and deadline as instants, each with its message when it is not a time at the place, ends too soon or lies in the past. */
function checkTimes(t: z.output<typeof timesObject>, future: boolean, ctx: z.RefinementCtx): Times {
  const startsAt = zonedLocalToInstant(t.startsLocal, t.timeZone);
  const endsAt = zonedLocalToInstant(t.endsLocal, t.timeZone);
  const signupDeadline = t.deadlineLocal ? zonedLocalToInstant(t.deadlineLocal, t.timeZone) : null;
  if (!startsAt) ctx.addIssue({ code: "custom", path: ["startsLocal"], message: "validation.dateTime" });
  if (!endsAt) ctx.addIssue({ code: "custom", path: ["endsLocal"], message: "validation.dateTime" });
  // A typo in the year: the event would be over before anyone sees it, and its sign-ups erased at once.
  if (future && startsAt && startsAt.getTime() < Date.now()) ctx.addIssue({ code: "custom", path: ["startsLocal"], message: "validation.inPast" });
  if (startsAt && endsAt && endsAt <= startsAt) ctx.addIssue({ code: "custom", path: ["endsLocal"], message: "validation.endAfterStart" });
  if (t.deadlineLocal && !signupDeadline) ctx.addIssue({ code: "custom", path: ["deadlineLocal"], message: "validation.dateTime" });
  if (startsAt && signupDeadline && signupDeadline > startsAt)
    ctx.addIssue({ code: "custom", path: ["deadlineLocal"], message: "validation.deadlineBeforeStart" });
  return { startsAt, endsAt, signupDeadline };
}

/** Copies a failed parse's issues, keeping the limit a "too long" or "too short" named. */
function copyIssues(error: z.ZodError, ctx: z.RefinementCtx) {
  for (const issue of error.issues) {
    const limit = issue.code === "too_big" ? issue.maximum : issue.code === "too_small" ? issue.minimum : undefined;
    ctx.addIssue({ code: "custom", path: issue.path, message: issue.message, ...(limit !== undefined ? { params: { limit: Number(limit) } } : {}) });
  }
}

/**
 * Parses an event form: local times at the place become instants. Every field's message and every
 * message about one field against another (end after start, deadline before start) come in the same answer.
 * `future`: a new event may not start in the past.
 */
function eventSchemaWith({ future }: { future: boolean }) {
  return z.unknown().transform((raw, ctx) => {
    const fields = eventObject.extend({ confirmEarlierErasure: confirmField }).safeParse(raw);
    const times = timesObject.safeParse(raw);
    if (!fields.success) copyIssues(fields.error, ctx);
    const checked = times.success ? checkTimes(times.data, future, ctx) : null;
    if (!fields.success || !checked) return z.NEVER;
    const e = fields.data;
    // A point on the map needs both coordinates.
    if ((e.latitude === null) !== (e.longitude === null))
      ctx.addIssue({ code: "custom", path: [e.latitude === null ? "latitude" : "longitude"], message: "validation.coordinatePair" });
    // A headcount knows nobody it could tell: of a place coming free, or of a decision.
    if (e.signupMode === "headcount" && e.waitlist) ctx.addIssue({ code: "custom", path: ["waitlist"], message: "validation.headcountWaitlist" });
    if (e.signupMode === "headcount" && e.approval) ctx.addIssue({ code: "custom", path: ["approval"], message: "validation.headcountApproval" });
    // The public must learn at least where to head for.
    if (e.placeHidden && !e.city && !e.gatheringArea) ctx.addIssue({ code: "custom", path: ["gatheringArea"], message: "validation.gatheringArea" });
    const { startsAt, endsAt, signupDeadline } = checked;
    if (!startsAt || !endsAt) return z.NEVER;
    const { startsLocal: _s, endsLocal: _e, deadlineLocal: _d, roles: r, ...rest } = e;
    return { ...rest, roles: r.roles, roleNeeds: r.roleNeeds, startsAt, endsAt, signupDeadline };
  });
}

/** Editing an event: its date may already have passed. */
export const eventSchema = eventSchemaWith({ future: false });
/** A new event starts in the future. */
export const newEventSchema = eventSchemaWith({ future: true });

const postponeObject = z.object({
  startsLocal: localDateTime,
  endsLocal: localDateTime,
  timeZone: placeFields.timeZone,
  reason: text(500).default(""),
  confirmEarlierErasure: confirmField,
});

function postponeSchemaWith({ future }: { future: boolean }) {
  return z.unknown().transform((raw, ctx) => {
    const fields = postponeObject.safeParse(raw);
    if (!fields.success) {
      copyIssues(fields.error, ctx);
      return z.NEVER;
    }
    const p = fields.data;
    const { startsAt, endsAt } = checkTimes({ ...p, deadlineLocal: null }, future, ctx);
    if (!startsAt || !endsAt) return z.NEVER;
    return { startsAt, endsAt, reason: p.reason, confirmEarlierErasure: p.confirmEarlierErasure };
  });
}

/** A new date read as it is (tests and imports). */
export const postponeSchema = postponeSchemaWith({ future: false });
/** The postpone form: an event is never postponed into the past. */
export const postponeFormSchema = postponeSchemaWith({ future: true });

export const cancelEventSchema = z.object({ reason: text(500).default("") });

/** Duplicate to another city: the same local times, at a new place. */
export const duplicateSchema = z.object({
  ...placeFields,
  city: z.string().trim().min(1, "validation.required").max(120, "validation.tooLong"),
  title: z.string().trim().max(160, "validation.tooLong").optional(),
});

// Code that changes dates itself (tests, imports) need not confirm an earlier erasure: it is refused unless it does.
type Confirmable<T> = Omit<T, "confirmEarlierErasure"> & { confirmEarlierErasure?: boolean };
export type EventInput = Confirmable<z.output<typeof eventSchema>>;
export type PostponeInput = Confirmable<z.output<typeof postponeSchema>>;
export type DuplicateInput = z.output<typeof duplicateSchema>;
