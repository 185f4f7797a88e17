import { z } from "zod";
import { decodeCursor } from "./cursor";

// What the open API answers, as zod schemas: the handlers parse every answer with them (a field not named here
// never leaves), and the OpenAPI document is generated from them (lib/api/openapi.ts). Names are registered for
// the document's components.

export const apiSchemas = z.registry<{ id: string }>();

function named<T extends z.ZodType>(schema: T, id: string, description: string): T {
  const described = schema.describe(description) as T;
  apiSchemas.add(described, { id });
  return described;
}

/** An instant on the wall clock of its place, with the offset: "2031-05-01T14:00:00+02:00". */
const zonedTime = z.iso.datetime({ offset: true, local: false }).describe("ISO 8601 with the offset from UTC at the place");
const timeZone = z.string().describe("IANA time zone of the place, such as Europe/Berlin");
const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);

export const errorSchema = named(
  z.object({
    error: z.object({
      code: z.enum(["bad_request", "invalid_cursor", "invalid_limit", "not_found", "internal"]),
      message: z.string(),
    }),
  }),
  "Error",
  "What went wrong: a code to act on and a message for people.",
);

export const campaignSchema = named(
  z.object({
    slug,
    title: z.string(),
    kind: z.enum(["embassy_protest", "trial_watch", "solidarity_action", "appeal"]),
    status: z.enum(["published", "archived"]).describe("An archived campaign is kept for the record and takes no sign-ups"),
    summary: z.string(),
    body: z.string().describe("Markdown"),
    language: z.string().describe("The language its own text is written in (ISO 639-1)"),
    appealUrl: z.url().nullable(),
    organisation: z.string().describe("The organisation that runs the campaign"),
    coHostedBy: z.array(z.string()).describe("Partner organisations running events of the campaign"),
    counts: z.object({ upcomingEvents: z.number().int().min(0), pastEvents: z.number().int().min(0) }),
    url: z.url().describe("Its public page"),
  }),
  "Campaign",
  "A published (or archived) campaign.",
);

const shownPlace = z.object({
  hidden: z.literal(false),
  venue: z.string(),
  address: z.string(),
  city: z.string(),
  country: z.string().describe("ISO 3166-1 alpha-2"),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  onlineUrl: z.url().nullable(),
});

const hiddenPlace = z
  .object({
    hidden: z.literal(true),
    city: z.string(),
    country: z.string().describe("ISO 3166-1 alpha-2"),
    gatheringArea: z.string().describe("What the public may know, such as 'near the central station'"),
    revealedToAttendeesAt: zonedTime.describe("When confirmed attendees are sent the exact place"),
  })
  .describe("A hidden meeting point: the exact place goes to confirmed attendees only, never here");

export const eventSchema = named(
  z.object({
    slug,
    campaign: slug,
    title: z.string(),
    kind: z.enum(["protest", "picket", "vigil", "hearing", "meeting", "screening", "online"]),
    description: z.string().describe("Markdown"),
    language: z.string(),
    status: z.enum(["scheduled", "postponed", "cancelled"]),
    startsAt: zonedTime,
    endsAt: zonedTime,
    timeZone,
    postponedFrom: z.object({ startsAt: zonedTime, endsAt: zonedTime }).nullable().describe("The date it had before it was postponed"),
    changeReason: z.string().nullable(),
    place: z.discriminatedUnion("hidden", [shownPlace, hiddenPlace]),
    capacity: z.number().int().nullable(),
    placesLeft: z.number().int().min(0).nullable().describe("As its page shows them: null without a limit, and for a cancelled event"),
    waitlist: z.boolean(),
    signup: z.object({
      state: z.enum(["open", "waitlist", "full", "deadline", "started", "past", "cancelled", "archived"]),
      mode: z.enum(["named", "pseudonymous", "headcount"]).describe("named: a name and an email; pseudonymous: a nickname; headcount: nothing"),
      approval: z.boolean().describe("Each sign-up waits for an organizer's approval"),
      deadline: zonedTime.nullable(),
      url: z.url().describe("POST a sign-up here (see the sign-up operation)"),
    }),
    roles: z.array(z.string()),
    host: z.object({
      name: z.string().describe("The organisation that runs it"),
      coHosted: z.boolean().describe("Run by a partner of the campaign, not by its own organisation"),
    }),
    url: z.url().describe("Its public page"),
  }),
  "Event",
  "A campaign's event as its public page shows it.",
);

export const articleSchema = named(
  z.object({
    id: z.uuid(),
    url: z.url().describe("Where it was published"),
    title: z.string(),
    publication: z.string(),
    author: z.string(),
    publishedOn: z.iso.date().nullable(),
    language: z.string(),
    excerpt: z.string(),
    page: z.url().describe("Its page on this site"),
  }),
  "Article",
  "An article linked to a campaign or to one of its events.",
);

const defendantSchema = z.object({
  name: z.string(),
  status: z.enum(["detained", "on_trial", "sentenced", "released", "acquitted"]),
  sentence: z.string(),
  notes: z.string(),
});

const caseSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  court: z.string(),
  caseNumber: z.string(),
  charges: z.string(),
  summary: z.string(),
  defendants: z.array(defendantSchema).describe("Only those the organizers made public"),
});

const timelineItemSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("hearing"),
    caseId: z.uuid().nullable(),
    event: slug,
    title: z.string(),
    status: z.enum(["scheduled", "postponed", "cancelled"]),
    startsAt: zonedTime,
    endsAt: zonedTime,
    timeZone,
    place: z.string().describe("The venue, or for a hidden meeting point the gathering area"),
    city: z.string(),
    postponedFrom: zonedTime.nullable(),
    changeReason: z.string().nullable(),
    url: z.url(),
  }),
  z.object({
    type: z.literal("update"),
    caseId: z.uuid().nullable(),
    id: z.uuid(),
    kind: z.enum(["update", "verdict"]),
    title: z.string(),
    body: z.string().describe("Markdown"),
    postedAt: zonedTime,
    timeZone,
  }),
  z.object({ type: z.literal("article"), caseId: z.uuid().nullable(), article: articleSchema }),
]);

export const trialSchema = named(
  z.object({ cases: z.array(caseSchema), timeline: z.array(timelineItemSchema).describe("Newest first") }),
  "TrialWatch",
  "A trial watch's cases and timeline of hearings, updates and articles, as its public page shows them.",
);

const pageOf = <T extends z.ZodType>(item: T, id: string) =>
  named(
    z.object({ data: z.array(item), next: z.string().nullable().describe("The cursor of the next page; null on the last") }),
    id,
    "One page of a list; ask for the next with ?cursor=",
  );

export const campaignPageSchema = pageOf(campaignSchema, "CampaignPage");
export const eventPageSchema = pageOf(eventSchema, "EventPage");
export const articleListSchema = named(z.object({ data: z.array(articleSchema) }), "ArticleList", "A campaign's articles in the organizer's order.");

export const openApiDocumentSchema = z.looseObject({ openapi: z.string(), info: z.looseObject({ title: z.string(), version: z.string() }) });

// Path parameters: a slug that cannot be one is answered like one that names nothing.
const campaignField = slug.describe("The campaign's address, as in /c/{campaign}");
export const campaignParams = z.strictObject({ campaign: campaignField });
export const eventParams = z.strictObject({ campaign: campaignField, event: slug.describe("The event's address, as in /c/{campaign}/{event}") });
export const noParams = z.strictObject({});

// Query parameters arrive as text.
const limitField = z
  .string()
  .regex(/^[0-9]{1,3}$/)
  .optional()
  .transform((v) => (v === undefined ? 20 : Number(v)))
  .pipe(z.number().int().min(1).max(100))
  // Documented as the number it is read as (lib/api/openapi.ts leaves out the pattern of its text).
  .meta({ description: "How many on a page: 1 to 100, 20 unless given", type: "integer", minimum: 1, maximum: 100 });
const cursorField = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined) return null;
    const key = decodeCursor(v);
    if (!key) ctx.addIssue({ code: "custom", message: "not a cursor of this list" });
    return key;
  })
  .describe("The `next` of the page before");

export const pagedQuery = z.strictObject({ limit: limitField, cursor: cursorField });
export const eventsQuery = z.strictObject({
  limit: limitField,
  cursor: cursorField,
  when: z.enum(["upcoming", "past", "all"]).optional().describe("upcoming (not yet ended, the default) and all in start order; past latest first"),
});
export const noQuery = z.strictObject({});

export type ApiCampaign = z.output<typeof campaignSchema>;
export type ApiEvent = z.output<typeof eventSchema>;
export type ApiArticle = z.output<typeof articleSchema>;
export type ApiTrial = z.output<typeof trialSchema>;
export type ApiErrorCode = z.output<typeof errorSchema>["error"]["code"];
