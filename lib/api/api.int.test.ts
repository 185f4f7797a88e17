import { readdirSync } from "node:fs";
import path from "node:path";
import SwaggerParser from "@apidevtools/swagger-parser";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { articleLinks, articles, campaignPartners, campaigns, caseUpdates, cases, defendants, events, organisations } from "@/db/schema";
import { closeTestDatabase, makeEvent, makeOrg, openTestDatabase, unique } from "@/db/testing";
import { encodeCursor } from "./cursor";
import { apiOperations } from "./routes";
import { campaignSchema, errorSchema, eventPageSchema, eventSchema, trialSchema } from "./schemas";

// The open API through its route handlers, called as Next calls them (a Request and the address's params), on
// seeded data. No server: the handlers are the modules under app/.

const ROOT = path.resolve(__dirname, "../..");
const ORIGIN = "http://picket.test";
let handle: DbHandle;

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** The route module Next serves a documented path from: /api/v1/campaigns/{campaign} → app/api/v1/campaigns/[campaign]/route.ts. */
async function routeModule(template: string): Promise<Record<string, Handler>> {
  return import(path.join(ROOT, "app", template.replace(/\{(\w+)\}/g, "[$1]"), "route.ts"));
}

/** Calls the handler of `method` for a documented path with its params filled in. */
async function call(template: string, params: Record<string, string> = {}, query = "", init: RequestInit = {}): Promise<Response> {
  const handlers = await routeModule(template);
  const method = (init.method ?? "GET").toUpperCase();
  const handler = handlers[method];
  if (!handler) throw new Error(`${template} has no ${method}`);
  const address = template.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(params[name]!));
  // As Next calls it: without params for an address without dynamic segments.
  return handler(new Request(`${ORIGIN}${address}${query}`, init), template.includes("{") ? { params: Promise.resolve(params) } : ({} as never));
}

const get = async (template: string, params: Record<string, string> = {}, query = "") => {
  const response = await call(template, params, query);
  return { response, status: response.status, body: (await response.json()) as unknown, text: "" };
};

const at = (iso: string) => new Date(iso);
let lead: { id: string; name: string };
let partner: { id: string; name: string };
let main: { slug: string; id: string };
let paged: { slug: string; id: string };
let draft: { slug: string; eventSlug: string };
let trialWatch: { slug: string };
const slugs = { berlin: unique("berlin"), hidden: unique("hidden"), partner: unique("partner"), past: unique("past"), signup: unique("signup") };
const SECRET = { venue: "Café Verborgen", address: "Geheimstraße 17", latitude: 52.512345, longitude: 13.398765 };

beforeAll(async () => {
  process.env.PICKET_PUBLIC_URL = ORIGIN;
  handle = await openTestDatabase();
  const { db } = handle;
  const own = await makeOrg(handle);
  const other = await makeOrg(handle);
  lead = { id: own.org.id, name: unique("Solidarity Committee") };
  partner = { id: other.org.id, name: unique("Partner Union") };
  await db.update(organisations).set({ name: lead.name }).where(eq(organisations.id, lead.id));
  await db.update(organisations).set({ name: partner.name }).where(eq(organisations.id, partner.id));

  // The main campaign: an event in Berlin, one with a hidden meeting point, one a partner runs, one past.
  const made = await makeEvent(handle, lead.id, {
    slug: slugs.berlin,
    title: "Vigil at the embassy in Berlin",
    startsAt: at("2031-05-01T12:00:00Z"),
    endsAt: at("2031-05-01T14:00:00Z"),
    timeZone: "Europe/Berlin",
    city: "Berlin",
    country: "DE",
    venue: "Embassy",
    address: "Unter den Linden 1",
    latitude: 52.517,
    longitude: 13.389,
    capacity: 30,
    confirmedCount: 4,
  });
  main = { slug: made.campaign.slug, id: made.campaign.id };
  await db.update(campaigns).set({ title: "Embassy day of action", summary: "Everywhere at once", language: "en" }).where(eq(campaigns.id, main.id));
  await db.insert(campaignPartners).values({ campaignId: main.id, orgId: partner.id });
  const base = { campaignId: main.id, kind: "protest" as const, timeZone: "Europe/Berlin", city: "Berlin", country: "DE" };
  await db.insert(events).values([
    {
      ...base,
      slug: slugs.hidden,
      title: "Meeting point shared with attendees",
      startsAt: at("2031-05-02T08:00:00Z"),
      endsAt: at("2031-05-02T10:00:00Z"),
      placeHidden: true,
      gatheringArea: "near the Hauptbahnhof",
      onlineUrl: "https://meet.example.org/secret-room",
      ...SECRET,
    },
    {
      ...base,
      slug: slugs.partner,
      title: "Partner's picket",
      hostOrgId: partner.id,
      startsAt: at("2031-05-03T08:00:00Z"),
      endsAt: at("2031-05-03T09:00:00Z"),
    },
    { ...base, slug: slugs.past, title: "Last year's picket", startsAt: at("2020-05-01T08:00:00Z"), endsAt: at("2020-05-01T09:00:00Z") },
    { ...base, slug: slugs.signup, title: "Open to all", startsAt: at("2031-06-01T08:00:00Z"), endsAt: at("2031-06-01T09:00:00Z") },
  ]);
  const [article] = await db
    .insert(articles)
    .values({ orgId: lead.id, url: `https://news.example.org/${unique("a")}`, title: "Why we stand at the embassy", publishedOn: "2031-04-01" })
    .returning();
  await db.insert(articleLinks).values({ articleId: article!.id, campaignId: main.id, position: 0 });

  // 45 events for the pages, three to a start time (the id orders them), a few microseconds past the second.
  const many = await makeEvent(handle, lead.id, { slug: unique("first") });
  paged = { slug: many.campaign.slug, id: many.campaign.id };
  await db.delete(events).where(eq(events.campaignId, paged.id));
  await db.insert(events).values(
    Array.from({ length: 45 }, (_, i) => ({
      ...base,
      campaignId: paged.id,
      slug: `event-${i}`,
      title: `Event ${i}`,
      startsAt: new Date(Date.UTC(2032, 0, 1) + Math.floor(i / 3) * 3_600_000),
      endsAt: new Date(Date.UTC(2032, 0, 1) + Math.floor(i / 3) * 3_600_000 + 1_800_000),
    })),
  );
  await db
    .update(events)
    .set({ startsAt: sql`${events.startsAt} + interval '0.000123 seconds'` })
    .where(eq(events.campaignId, paged.id));

  const hidden = await makeEvent(handle, lead.id, { slug: unique("draft-event") }, "draft");
  draft = { slug: hidden.campaign.slug, eventSlug: hidden.event.slug };

  // A trial watch: one public defendant and one kept internal, one public update and one internal.
  const trial = await makeEvent(handle, lead.id, { slug: unique("hearing"), kind: "hearing", timeZone: "Asia/Aqtau", city: "Aktau", country: "KZ" });
  trialWatch = { slug: trial.campaign.slug };
  await db.update(campaigns).set({ kind: "trial_watch" }).where(eq(campaigns.id, trial.campaign.id));
  const [theCase] = await db.insert(cases).values({ campaignId: trial.campaign.id, name: "The oil workers' case", court: "Aktau City Court" }).returning();
  await db.update(events).set({ caseId: theCase!.id }).where(eq(events.id, trial.event.id));
  await db.insert(defendants).values([
    { caseId: theCase!.id, name: "Public Defendant", isPublic: true },
    { caseId: theCase!.id, name: "Internal Defendant", isPublic: false },
  ]);
  await db.insert(caseUpdates).values([
    { campaignId: trial.campaign.id, caseId: theCase!.id, title: "The court adjourned", isPublic: true, postedAt: at("2031-03-01T06:00:00Z") },
    { campaignId: trial.campaign.id, caseId: theCase!.id, title: "Lawyers' internal note", isPublic: false },
  ]);
});
afterAll(closeTestDatabase);

describe("the OpenAPI document", () => {
  it("validates, and every documented operation answers as documented", async () => {
    const { status, body: doc } = await get("/api/v1/openapi.json");
    expect(status).toBe(200);
    await SwaggerParser.validate(structuredClone(doc) as never);

    // What each documented path is called with; a path the test does not know fails it.
    const samples: Record<string, { params: Record<string, string>; query?: string; init?: RequestInit }> = {
      "/api/v1/campaigns": { params: {}, query: "?limit=5" },
      "/api/v1/campaigns/{campaign}": { params: { campaign: main.slug } },
      "/api/v1/campaigns/{campaign}/events": { params: { campaign: main.slug }, query: "?when=all" },
      "/api/v1/campaigns/{campaign}/events/{event}": { params: { campaign: main.slug, event: slugs.berlin } },
      "/api/v1/campaigns/{campaign}/articles": { params: { campaign: main.slug } },
      "/api/v1/campaigns/{campaign}/trial": { params: { campaign: trialWatch.slug } },
      "/api/v1/openapi.json": { params: {} },
      "/api/c/{campaign}/{event}/signups": {
        params: { campaign: main.slug, event: slugs.signup },
        init: { headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "Ada Lovelace", email: `${unique("ada")}@example.org` }) },
      },
    };
    const operations = apiOperations();
    const called: string[] = [];
    for (const [template, methods] of Object.entries((doc as { paths: Record<string, Record<string, unknown>> }).paths)) {
      for (const method of Object.keys(methods)) {
        const sample = samples[template];
        expect(sample, `a sample call for ${template}`).toBeDefined();
        const op = operations.find((o) => o.path === template && o.method === method)!;
        const response = await call(template, sample!.params, sample!.query ?? "", { ...sample!.init, method });
        expect(response.status, `${method} ${template}`).toBe(op.status ?? 200);
        expect(response.headers.get("content-type")).toMatch(/^application\/json/);
        const parsed = op.response.safeParse(await response.json());
        expect(parsed.error, `${method} ${template}`).toBeUndefined();
        called.push(`${method} ${template}`);
      }
    }
    expect(called.sort()).toEqual(operations.map((o) => `${o.method} ${o.path}`).sort());
    expect(called).toHaveLength(8);
  });

  it("documents every route under app/api/v1", async () => {
    const files = readdirSync(path.join(ROOT, "app/api/v1"), { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith("route.ts"));
    const documented = new Set(apiOperations().map((o) => o.path.replace(/\{(\w+)\}/g, "[$1]")));
    // The catch-all answers any other address with a 404 and is no route of its own.
    const routes = files.map((f) => `/api/v1/${path.dirname(f)}`.replace(/\/\.$/, "")).filter((r) => !r.includes("[...path]"));
    expect(routes.length).toBe(7);
    for (const r of routes) expect(documented, r).toContain(r);
  });
});

describe("the open API", () => {
  it("answers JSON any site may read, kept a minute", async () => {
    const { response } = await get("/api/v1/campaigns/{campaign}", { campaign: main.slug });
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("cache-control")).toBe("public, max-age=60");
    expect(response.headers.get("content-type")).toBe("application/json");
    const options = await call("/api/v1/campaigns/{campaign}", { campaign: main.slug }, "", { method: "OPTIONS" });
    expect(options.status).toBe(204);
    expect(options.headers.get("access-control-allow-origin")).toBe("*");
    expect(options.headers.get("access-control-allow-methods")).toContain("GET");
  });

  it("walks all 45 events in three pages, in start order, without repeats or gaps", async () => {
    const seen: string[] = [];
    const starts: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const { status, body } = await get(
        "/api/v1/campaigns/{campaign}/events",
        { campaign: paged.slug },
        `?when=all&limit=20${cursor ? `&cursor=${cursor}` : ""}`,
      );
      expect(status).toBe(200);
      const page = eventPageSchema.parse(body);
      expect(page.data.length).toBe(pages < 2 ? 20 : 5);
      seen.push(...page.data.map((e) => e.slug));
      starts.push(...page.data.map((e) => Date.parse(e.startsAt)));
      cursor = page.next;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(45);
    expect([...seen].sort()).toEqual(Array.from({ length: 45 }, (_, i) => `event-${i}`).sort());
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it("lists upcoming events by default and past ones latest first", async () => {
    const upcoming = eventPageSchema.parse((await get("/api/v1/campaigns/{campaign}/events", { campaign: main.slug })).body);
    expect(upcoming.data.map((e) => e.slug)).toEqual([slugs.berlin, slugs.hidden, slugs.partner, slugs.signup]);
    const past = eventPageSchema.parse((await get("/api/v1/campaigns/{campaign}/events", { campaign: main.slug }, "?when=past")).body);
    expect(past).toEqual({ data: [expect.objectContaining({ slug: slugs.past })], next: null });
  });

  it.each([
    ["?cursor=not-a-cursor", "invalid_cursor"],
    [`?cursor=${Buffer.from('["yesterday","x"]').toString("base64url")}`, "invalid_cursor"],
    ["?limit=0", "invalid_limit"],
    ["?limit=101", "invalid_limit"],
    ["?limit=ten", "invalid_limit"],
    ["?when=soon", "bad_request"],
    ["?sort=title", "bad_request"],
    ["?limit=5&limit=6", "bad_request"],
    ["?__proto__=x", "bad_request"],
  ])("refuses %s with a 400 in JSON", async (query, code) => {
    const { status, body } = await get("/api/v1/campaigns/{campaign}/events", { campaign: main.slug }, query);
    expect(status).toBe(400);
    expect(errorSchema.parse(body).error.code).toBe(code);
  });

  it("takes a cursor it made, and refuses a bad one on the campaigns too", async () => {
    const valid = encodeCursor({ at: "2031-01-01T00:00:00.000000Z", id: "00000000-0000-4000-8000-000000000000" });
    expect((await get("/api/v1/campaigns/{campaign}/events", { campaign: main.slug }, `?cursor=${valid}`)).status).toBe(200);
    const { status, body } = await get("/api/v1/campaigns", {}, "?cursor=%7B%7D");
    expect(status).toBe(400);
    expect(errorSchema.parse(body).error.code).toBe("invalid_cursor");
  });

  it("gives times on the place's clock with the offset and the zone, whatever the server's zone", async () => {
    expect(new Date("2031-05-01T12:00:00Z").getTimezoneOffset()).toBe(-345);
    const { body } = await get("/api/v1/campaigns/{campaign}/events/{event}", { campaign: main.slug, event: slugs.berlin });
    const event = eventSchema.parse(body);
    expect(event).toMatchObject({
      startsAt: "2031-05-01T14:00:00+02:00",
      endsAt: "2031-05-01T16:00:00+02:00",
      timeZone: "Europe/Berlin",
      status: "scheduled",
      capacity: 30,
      placesLeft: 26,
      place: { hidden: false, venue: "Embassy", address: "Unter den Linden 1", city: "Berlin", country: "DE", latitude: 52.517, longitude: 13.389 },
      host: { name: lead.name, coHosted: false },
      signup: { state: "open", mode: "named", approval: false, url: `${ORIGIN}/api/c/${main.slug}/${slugs.berlin}/signups` },
      url: `${ORIGIN}/c/${main.slug}/${slugs.berlin}`,
    });
  });

  it("never shows a hidden meeting point's venue, address, coordinates or link, alone or in the list", async () => {
    const one = await get("/api/v1/campaigns/{campaign}/events/{event}", { campaign: main.slug, event: slugs.hidden });
    const list = await get("/api/v1/campaigns/{campaign}/events", { campaign: main.slug }, "?when=all");
    const event = eventSchema.parse(one.body);
    expect(event.place).toEqual({
      hidden: true,
      city: "Berlin",
      country: "DE",
      gatheringArea: "near the Hauptbahnhof",
      revealedToAttendeesAt: "2031-05-02T08:00:00+02:00",
    });
    for (const text of [JSON.stringify(one.body), JSON.stringify(list.body)]) {
      for (const secret of [SECRET.venue, SECRET.address, String(SECRET.latitude), String(SECRET.longitude), "secret-room"]) expect(text).not.toContain(secret);
    }
    const listed = eventPageSchema.parse(list.body).data.find((e) => e.slug === slugs.hidden)!;
    expect(Object.keys(listed.place).sort()).toEqual(["city", "country", "gatheringArea", "hidden", "revealedToAttendeesAt"]);
  });

  it("names the partner that hosts an event, and the campaign's co-hosts", async () => {
    const event = eventSchema.parse((await get("/api/v1/campaigns/{campaign}/events/{event}", { campaign: main.slug, event: slugs.partner })).body);
    expect(event.host).toEqual({ name: partner.name, coHosted: true });
    const campaign = campaignSchema.parse((await get("/api/v1/campaigns/{campaign}", { campaign: main.slug })).body);
    expect(campaign).toMatchObject({
      title: "Embassy day of action",
      summary: "Everywhere at once",
      kind: "embassy_protest",
      language: "en",
      organisation: lead.name,
      coHostedBy: [partner.name],
      counts: { upcomingEvents: 4, pastEvents: 1 },
      url: `${ORIGIN}/c/${main.slug}`,
    });
  });

  it("lists published campaigns with the same hosts and counts, and never a draft", async () => {
    const listed: { slug: string }[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 100; i++) {
      const { status, body } = await get("/api/v1/campaigns", {}, `?limit=100${cursor ? `&cursor=${cursor}` : ""}`);
      expect(status).toBe(200);
      const page = body as { data: { slug: string }[]; next: string | null };
      listed.push(...page.data);
      cursor = page.next;
      if (!cursor) break;
    }
    expect(listed.find((c) => c.slug === main.slug)).toMatchObject({ coHostedBy: [partner.name], counts: { upcomingEvents: 4, pastEvents: 1 } });
    expect(listed.map((c) => c.slug)).not.toContain(draft.slug);
    expect(new Set(listed.map((c) => c.slug)).size).toBe(listed.length);
  });

  it.each([
    ["/api/v1/campaigns/{campaign}", false],
    ["/api/v1/campaigns/{campaign}/events", false],
    ["/api/v1/campaigns/{campaign}/events/{event}", true],
    ["/api/v1/campaigns/{campaign}/articles", false],
    ["/api/v1/campaigns/{campaign}/trial", false],
  ])("answers %s of a draft campaign with a 404 in JSON", async (template, withEvent) => {
    const { status, body } = await get(template, { campaign: draft.slug, ...(withEvent ? { event: draft.eventSlug } : {}) });
    expect(status).toBe(404);
    expect(errorSchema.parse(body).error.code).toBe("not_found");
  });

  it("answers an unknown event, a campaign that is no trial watch, a malformed address and an unknown one with a 404 in JSON", async () => {
    for (const [template, params] of [
      ["/api/v1/campaigns/{campaign}/events/{event}", { campaign: main.slug, event: "no-such-event" }],
      ["/api/v1/campaigns/{campaign}/trial", { campaign: main.slug }],
      ["/api/v1/campaigns/{campaign}", { campaign: "Not A Slug!" }],
      ["/api/v1/{...path}", { path: "nothing/here" }],
    ] as const) {
      const response =
        template === "/api/v1/{...path}"
          ? await ((await import(path.join(ROOT, "app/api/v1/[...path]/route.ts"))) as { GET: () => Response }).GET()
          : await call(template, params);
      expect(response.status).toBe(404);
      expect(errorSchema.parse(await response.json()).error.code).toBe("not_found");
    }
  });

  it("gives the campaign's articles", async () => {
    const { body } = await get("/api/v1/campaigns/{campaign}/articles", { campaign: main.slug });
    expect(body).toEqual({
      data: [
        expect.objectContaining({
          title: "Why we stand at the embassy",
          publishedOn: "2031-04-01",
          page: expect.stringMatching(/^http:\/\/picket\.test\/articles\//),
        }),
      ],
    });
  });

  it("gives a trial watch's public defendants and updates, never the internal ones", async () => {
    const { body } = await get("/api/v1/campaigns/{campaign}/trial", { campaign: trialWatch.slug });
    const trial = trialSchema.parse(body);
    expect(trial.cases[0]!.defendants.map((d) => d.name)).toEqual(["Public Defendant"]);
    expect(trial.timeline.map((i) => i.type).sort()).toEqual(["hearing", "update"]);
    expect(trial.timeline.find((i) => i.type === "update")).toMatchObject({ postedAt: "2031-03-01T11:00:00+05:00", timeZone: "Asia/Aqtau" });
    const text = JSON.stringify(body);
    expect(text).not.toContain("Internal Defendant");
    expect(text).not.toContain("internal note");
  });
});
