import { eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { DbHandle } from "@/db/client";
import { campaigns, events } from "@/db/schema";
import { closeTestDatabase, openWithOrg } from "@/db/testing";
import { handleForm } from "@/lib/actions";
import type { Actor } from "@/lib/auth/actor";
import type { FormState } from "@/lib/forms";
import { createEvent } from "@/lib/events/events";
import { eventSchema } from "@/lib/events/schemas";
import { SLUG_PATTERN } from "@/lib/slug";
import { createCampaign } from "./campaigns";
import { campaignSchema } from "./schemas";

// The organizer's campaign and event forms, by their own path (parse, then one lib call): generated
// input is answered with a result or messages next to fields, never a failure; what is stored is valid.

let handle: DbHandle;
let orgId: string;
let organizer: Actor;
beforeAll(async () => {
  const made = await openWithOrg({ organizer: 1 });
  ({
    handle,
    org: { id: orgId },
  } = made);
  organizer = made.people.organizer[0]!;
});
afterAll(closeTestDatabase);

const nasty = fc.oneof(
  fc.string({ maxLength: 120 }),
  fc.string({ unit: "grapheme", maxLength: 60 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "=1+1",
    "<img src=x onerror=alert(1)>",
    "Ержан",
    "ąęłńóśźż",
    "-",
    "new",
    "x".repeat(70_000),
    "NaN",
    "1e309",
    "-0",
    "2026-02-30T25:61",
    "Mars/Olympus",
  ),
);
const mostly = (typical: fc.Arbitrary<string | undefined>) => fc.oneof({ arbitrary: typical, weight: 4 }, { arbitrary: nasty, weight: 1 });
const absent = fc.constant(undefined);
const title = fc.string({ unit: "grapheme", minLength: 3, maxLength: 80 });

function formData(input: Record<string, string | undefined>): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(input)) if (v !== undefined) form.append(k, v);
  return form;
}

/** Counts the answer, and returns it: "ok", or the form's message. */
function tally(outcomes: Record<string, number>, state: FormState): string {
  const key = state.status === "ok" ? "ok" : state.status === "error" ? String(state.formError) : state.status;
  outcomes[key] = (outcomes[key] ?? 0) + 1;
  return key;
}

describe("the campaign and event forms under generated input", () => {
  it("campaigns: a result or messages for every input, and only valid campaigns stored", async () => {
    const outcomes: Record<string, number> = {};
    const campaignForm = fc.record({
      title: mostly(title),
      slug: mostly(fc.oneof(absent, fc.stringMatching(/^[a-z0-9]{1,10}(-[a-z0-9]{1,10}){0,2}$/))),
      kind: mostly(fc.constantFrom("embassy_protest", "trial_watch", "solidarity_action", "appeal")),
      summary: mostly(fc.oneof(absent, fc.string({ maxLength: 200 }))),
      body: mostly(fc.oneof(absent, fc.string({ maxLength: 2000 }))),
      appealUrl: mostly(fc.oneof(absent, fc.webUrl())),
      retentionDays: mostly(fc.oneof(absent, fc.integer({ min: -5, max: 4000 }).map(String))),
    });
    await fc.assert(
      fc.asyncProperty(campaignForm, async (input) => {
        const state = await handleForm(campaignSchema, formData(input), async (data) => {
          await createCampaign(organizer, orgId, data);
          return { status: "ok" };
        });
        expect(tally(outcomes, state)).not.toBe("errors.generic");
      }),
      { numRuns: 1500 },
    );
    expect(outcomes.ok).toBeGreaterThan(100);
    expect(outcomes["errors.checkFields"]).toBeGreaterThan(100);
    const stored = await handle.db.select().from(campaigns).where(eq(campaigns.orgId, orgId));
    expect(stored.length).toBe(outcomes.ok);
    for (const c of stored) {
      expect(c.slug).toMatch(SLUG_PATTERN);
      expect(c.title.trim()).toBe(c.title);
      expect(c.title.length).toBeGreaterThanOrEqual(3);
      expect(c.retentionDays).toBeGreaterThanOrEqual(1);
      expect(c.retentionDays).toBeLessThanOrEqual(3650);
      expect(c.appealUrl === null || /^https?:\/\//.test(c.appealUrl)).toBe(true);
    }
  }, 240_000);

  it("events: a result or messages for every input, and only valid events stored", async () => {
    const [campaign] = await handle.db
      .insert(campaigns)
      .values({ orgId, slug: "generated-events", title: "Generated events", kind: "embassy_protest" })
      .returning();
    const outcomes: Record<string, number> = {};
    const local = fc
      .date({ min: new Date("2026-01-01T00:00:00Z"), max: new Date("2028-12-31T00:00:00Z"), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 16));
    const eventForm = fc
      .record({
        title: mostly(title),
        slug: mostly(fc.oneof(absent, fc.stringMatching(/^[a-z0-9]{1,10}(-[a-z0-9]{1,10}){0,2}$/))),
        kind: mostly(fc.constantFrom("protest", "picket", "vigil", "hearing", "meeting", "screening", "online")),
        description: mostly(fc.oneof(absent, fc.string({ maxLength: 500 }))),
        startsLocal: mostly(local),
        endsLocal: mostly(local),
        timeZone: mostly(fc.constantFrom("Europe/London", "Asia/Almaty", "Asia/Kathmandu", "America/St_Johns", "Europe/Warsaw")),
        venue: mostly(fc.oneof(absent, fc.string({ maxLength: 100 }))),
        city: mostly(fc.oneof(absent, fc.string({ maxLength: 60 }))),
        country: mostly(fc.constantFrom("GB", "KZ", "NP", "CA", "PL", "de")),
        latitude: mostly(fc.oneof(absent, fc.double({ min: -100, max: 100, noNaN: true }).map(String))),
        longitude: mostly(fc.oneof(absent, fc.double({ min: -200, max: 200, noNaN: true }).map(String))),
        onlineUrl: mostly(fc.oneof(absent, fc.webUrl())),
        capacity: mostly(fc.oneof(absent, fc.integer({ min: -3, max: 2_000_000 }).map(String))),
        deadlineLocal: mostly(fc.oneof(absent, local)),
        waitlist: mostly(fc.oneof(absent, fc.constant("on"))),
        roles: mostly(
          fc.oneof(
            absent,
            fc.array(fc.string({ maxLength: 50 }), { maxLength: 25 }).map((r) => r.join(",")),
          ),
        ),
        // Most organizers end an event after it starts and close sign-ups before it.
        coherent: fc.boolean(),
        minutes: fc.integer({ min: 15, max: 600 }),
      })
      .map(({ coherent, minutes, ...fields }) => {
        let form = fields;
        if (!coherent) return form;
        // …and give both coordinates of a place or neither.
        form = { ...form, longitude: form.latitude === undefined ? undefined : (form.longitude ?? "0") };
        if (!form.startsLocal || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(form.startsLocal)) return form;
        const start = new Date(`${form.startsLocal}:00Z`).getTime();
        if (Number.isNaN(start)) return form;
        const at = (ms: number) => new Date(ms).toISOString().slice(0, 16);
        return { ...form, endsLocal: at(start + minutes * 60_000), deadlineLocal: form.deadlineLocal === undefined ? undefined : at(start - minutes * 60_000) };
      });
    await fc.assert(
      fc.asyncProperty(eventForm, async (input) => {
        const state = await handleForm(z.object({}).and(eventSchema), formData(input), async (data) => {
          await createEvent(organizer, campaign!.id, data);
          return { status: "ok" };
        });
        expect(tally(outcomes, state)).not.toBe("errors.generic");
      }),
      { numRuns: 1500 },
    );
    expect(outcomes.ok).toBeGreaterThan(50);
    expect(outcomes["errors.checkFields"]).toBeGreaterThan(100);
    const stored = await handle.db.select().from(events).where(eq(events.campaignId, campaign!.id));
    expect(stored.length).toBe(outcomes.ok);
    for (const e of stored) {
      expect(e.slug).toMatch(SLUG_PATTERN);
      expect(e.endsAt.getTime()).toBeGreaterThan(e.startsAt.getTime());
      expect(e.signupDeadline === null || e.signupDeadline <= e.startsAt).toBe(true);
      expect(e.capacity === null || (e.capacity >= 1 && e.capacity <= 1_000_000)).toBe(true);
      expect(e.latitude === null || Math.abs(e.latitude) <= 90).toBe(true);
      expect(e.latitude === null).toBe(e.longitude === null);
      expect(e.longitude === null || Math.abs(e.longitude) <= 180).toBe(true);
      expect(e.roles.every((r) => r.length > 0 && r.length <= 40)).toBe(true);
    }
  }, 240_000);
});
