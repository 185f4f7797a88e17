import { eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { events, signups } from "@/db/schema";
import { closeTestDatabase, makeEvent, makeOrg, openTestDatabase } from "@/db/testing";
import { handleForm } from "@/lib/actions";
import { signupSchema } from "./schemas";
import { signUpAtPublicEvent } from "./public-signup";
import { openedSignups } from "@/db/testing/sealed";

// The sign-up form's own path (the action without Next's request around it): whatever a browser or a bot
// posts, the answer is a result or a message, never an exception, and what is stored is a valid sign-up.

let handle: DbHandle;
let target: { campaign: string; event: string; eventId: string };
beforeAll(async () => {
  handle = await openTestDatabase();
  const { org } = await makeOrg(handle);
  const { campaign, event } = await makeEvent(handle, org.id, { capacity: 400, waitlist: true });
  target = { campaign: campaign.slug, event: event.slug, eventId: event.id };
});
afterAll(closeTestDatabase);

const nasty = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: "grapheme", maxLength: 60 }),
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "\t\r\n",
    "=cmd|' /C calc'!A0",
    "<script>alert(1)</script>",
    "' or 1=1 --",
    "Ержан Қасымов",
    "a@b",
    "x".repeat(5000),
    "\ud800",
    "+7 (701) 000-00-00",
  ),
);
/** Mostly what a person types (or nothing), sometimes anything at all. */
const mostly = (typical: fc.Arbitrary<string | undefined>) => fc.oneof({ arbitrary: typical, weight: 5 }, { arbitrary: nasty, weight: 1 });
const absent = fc.constant(undefined);

const formInput = fc.record({
  name: mostly(fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 })),
  email: mostly(
    fc.oneof(
      {
        arbitrary: fc
          .tuple(fc.stringMatching(/^[a-z0-9]{1,12}([._+-][a-z0-9]{1,8})?$/), fc.constantFrom("example.org", "test.example", "mail.kz", "poczta.pl"))
          .map(([user, host]) => `${user}@${host}`),
        weight: 4,
      },
      // Valid by the RFC, not all of them by the form: refused with a message, or taken.
      { arbitrary: fc.emailAddress(), weight: 1 },
    ),
  ),
  phone: mostly(fc.oneof(absent, fc.stringMatching(/^\+?[0-9 ]{5,20}$/))),
  role: mostly(fc.oneof(absent, fc.constantFrom("steward", "observer", ""))),
  comment: mostly(fc.oneof(absent, fc.string({ unit: "grapheme", maxLength: 300 }))),
  consent: mostly(fc.oneof(absent, fc.constantFrom("on", "true", ""))),
  // The honeypot: empty for people.
  website: fc.oneof({ arbitrary: absent, weight: 9 }, { arbitrary: nasty, weight: 1 }),
  // Mostly the real event, so that most inputs reach the database.
  campaign: fc.oneof({ arbitrary: fc.constant("__campaign__"), weight: 9 }, { arbitrary: nasty, weight: 1 }),
  event: fc.oneof({ arbitrary: fc.constant("__event__"), weight: 9 }, { arbitrary: nasty, weight: 1 }),
  extra: fc.oneof(absent, nasty),
});

const where = signupSchema.pick({}).extend({ campaign: signupSchema.shape.name, event: signupSchema.shape.name });

describe("the public sign-up form under generated input", () => {
  it("answers every input with a result or a message, and stores only valid sign-ups", async () => {
    let run = 0;
    const outcomes: Record<string, number> = {};
    await fc.assert(
      fc.asyncProperty(formInput, async (input) => {
        run += 1;
        const form = new FormData();
        for (const [k, v] of Object.entries(input)) {
          if (v === undefined) continue;
          form.append(k === "extra" ? "unexpected" : k, v === "__campaign__" ? target.campaign : v === "__event__" ? target.event : v);
        }
        const headers = new Headers({ "x-forwarded-for": `10.${(run >> 16) & 255}.${(run >> 8) & 255}.${run & 255}`, "accept-language": "ru" });
        const state = await handleForm(signupSchema.extend(where.shape), form, async (data) => {
          const result = await signUpAtPublicEvent(data.campaign, data.event, data, headers);
          return { status: "ok", data: { outcome: result.outcome } };
        });
        // A refusal for the fields names at least one of them, so the form can put its message next to it.
        if (state.status === "error" && state.formError === "errors.checkFields") expect(Object.keys(state.fieldErrors).length).toBeGreaterThan(0);
        const seen =
          state.status === "ok"
            ? String(state.data?.outcome)
            : state.status === "error" && state.formError === "errors.checkFields"
              ? `${state.formError}:${Object.keys(state.fieldErrors).join("+")}`
              : String(state.status === "error" && state.formError);
        outcomes[seen] = (outcomes[seen] ?? 0) + 1;
        expect(seen).not.toBe("errors.generic");
      }),
      { numRuns: 2000 },
    );

    // Every kind of answer happened: people signed up and waitlisted, and bad input was refused.
    expect(outcomes.confirmed).toBeGreaterThan(0);
    expect(outcomes.waitlisted).toBeGreaterThan(0);
    expect(Object.keys(outcomes).filter((k) => k.startsWith("errors.checkFields:")).length).toBeGreaterThan(5);
    const rows = (await openedSignups(handle, eq(signups.eventId, target.eventId))).map((r) => ({ ...r, ...r.person! }));
    // Enough of the 2,000 were valid to fill the event and its waitlist with generated people.
    expect(rows.length).toBeGreaterThan(300);
    for (const r of rows) {
      expect(r.name?.trim()).toBe(r.name);
      expect(r.name!.length).toBeGreaterThan(0);
      expect(r.name!.length).toBeLessThanOrEqual(120);
      expect(r.email).toMatch(/^[^\s@]+@[^\s@]+$/);
      expect(r.email).toBe(r.email!.toLowerCase());
      expect((r.comment ?? "").length).toBeLessThanOrEqual(1000);
      expect(r.status === "confirmed" || r.status === "waitlisted").toBe(true);
    }
    const [e] = await handle.db.select().from(events).where(eq(events.id, target.eventId));
    expect(e!.confirmedCount).toBe(rows.filter((r) => r.status === "confirmed").length);
    expect(e!.waitlistedCount).toBe(rows.filter((r) => r.status === "waitlisted").length);
    expect(e!.confirmedCount).toBeLessThanOrEqual(400);
  }, 240_000);
});
