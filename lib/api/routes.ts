import "server-only";
import { z } from "zod";
import { siteOrigin } from "@/lib/mail/origin";
import { headcountSignupSchema, pseudonymousSignupSchema, signupSchema } from "@/lib/signups/schemas";
import { openApiDocument, type ApiFields, type ApiOperation } from "./openapi";
import * as read from "./reads";
import * as s from "./schemas";

// The open API's one table: each route's address, parameters, query and answer. The handlers under app/api/v1
// are made from it (lib/api/http.ts apiGet) and the OpenAPI document is generated from it (lib/api/openapi.ts).

export interface ApiRoute<P extends ApiFields, Q extends ApiFields, R extends z.ZodType> extends ApiOperation {
  method: "get";
  params: P;
  query: Q;
  response: R;
  /** The message of the 404. */
  notFound: string;
  load: (params: z.output<P>, query: z.output<Q>) => Promise<z.input<R> | null>;
}

const get = <P extends ApiFields, Q extends ApiFields, R extends z.ZodType>(route: Omit<ApiRoute<P, Q, R>, "method">): ApiRoute<P, Q, R> => ({
  method: "get",
  ...route,
});

const NO_CAMPAIGN = "No published campaign at this address.";

export const apiRoutes = {
  campaigns: get({
    path: "/api/v1/campaigns",
    summary: "Published campaigns",
    description: "Oldest first, a page at a time. Drafts and archived campaigns are not listed.",
    params: s.noParams,
    query: s.pagedQuery,
    response: s.campaignPageSchema,
    notFound: NO_CAMPAIGN,
    load: (_p, query) => read.campaignsPage(query),
  }),
  campaign: get({
    path: "/api/v1/campaigns/{campaign}",
    summary: "One campaign",
    description: "A published or archived campaign; a draft is not found.",
    params: s.campaignParams,
    query: s.noQuery,
    response: s.campaignSchema,
    notFound: NO_CAMPAIGN,
    load: (p) => read.campaign(p.campaign),
  }),
  events: get({
    path: "/api/v1/campaigns/{campaign}/events",
    summary: "A campaign's events",
    description: "A page at a time, as the campaign's page lists them. A hidden meeting point shows only what the public may know.",
    params: s.campaignParams,
    query: s.eventsQuery,
    response: s.eventPageSchema,
    notFound: NO_CAMPAIGN,
    load: (p, query) => read.eventsPage(p.campaign, query),
  }),
  event: get({
    path: "/api/v1/campaigns/{campaign}/events/{event}",
    summary: "One event",
    description: "Times on the place's clock with their offset and zone, its status, its place when public, the places left, who hosts it.",
    params: s.eventParams,
    query: s.noQuery,
    response: s.eventSchema,
    notFound: "No public event at this address.",
    load: (p) => read.event(p.campaign, p.event),
  }),
  articles: get({
    path: "/api/v1/campaigns/{campaign}/articles",
    summary: "A campaign's articles",
    description: "The reports linked to the campaign, in the organizer's order.",
    params: s.campaignParams,
    query: s.noQuery,
    response: s.articleListSchema,
    notFound: NO_CAMPAIGN,
    load: (p) => read.articles(p.campaign),
  }),
  trial: get({
    path: "/api/v1/campaigns/{campaign}/trial",
    summary: "A trial watch's cases and timeline",
    description: "Public defendants and public updates only, with the hearings and the linked articles; not found for a campaign that is no trial watch.",
    params: s.campaignParams,
    query: s.noQuery,
    response: s.trialSchema,
    notFound: "No published trial watch at this address.",
    load: (p) => read.trial(p.campaign),
  }),
  openapi: get({
    path: "/api/v1/openapi.json",
    summary: "This document",
    description: "OpenAPI 3.1, generated from the schemas the handlers answer with.",
    params: s.noParams,
    query: s.noQuery,
    response: s.openApiDocumentSchema,
    notFound: "",
    load: async () => openApiDocument(apiOperations(), siteOrigin()),
  }),
};

const signedUp = z.object({
  status: z.enum(["confirmed", "waitlisted", "requested"]),
  position: z.number().int().min(1).optional().describe("On the waitlist"),
  privateLink: z.url().optional().describe("For a nickname without an email: the sign-up's private link, shown once"),
});

const signupRefused = z.object({
  error: z.string().describe("A message key"),
  fieldErrors: z.record(z.string(), z.string()).optional().describe("A message key per field"),
  messageValues: z.record(z.string(), z.record(z.string(), z.number())).optional(),
});

/** The sign-up endpoint of app/api/c/[campaign]/[event]/signups, described by the schemas its handler parses with. */
export const signupOperation: ApiOperation = {
  method: "post",
  path: "/api/c/{campaign}/{event}/signups",
  summary: "Sign up for an event",
  description:
    "The body the event's sign-up mode asks for (signup.mode of the event): a name and an email, a nickname, or nothing for a headcount. " +
    "The answer is the same whether or not the address was signed up already. Sites the campaign lists may call it from their pages.",
  params: s.eventParams,
  query: s.noQuery,
  requestBody: z.union([
    signupSchema.omit({ consent: true, website: true }).extend({ consent: z.boolean().optional().describe("May the organisers write again") }),
    pseudonymousSignupSchema,
    headcountSignupSchema,
  ]),
  response: signedUp,
  status: 201,
  errors: {
    400: { description: "A field is missing or wrong", schema: signupRefused },
    403: { description: "A page of a site the campaign does not list", schema: signupRefused },
    404: { description: "No public event at this address", schema: signupRefused },
    409: { description: "Sign-ups are closed", schema: signupRefused },
    415: { description: "Not JSON", schema: signupRefused },
    429: { description: "Too many sign-ups from this network", schema: signupRefused },
  },
};

/** Every operation the document describes. */
export function apiOperations(): ApiOperation[] {
  return [...Object.values(apiRoutes), signupOperation];
}
