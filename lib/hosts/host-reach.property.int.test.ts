import fc from "fast-check";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { accessRecords, campaigns, eventProposals, events } from "@/db/schema";
import { makeEvent, makeTeam, openIsolatedTestDatabase, unique } from "@/db/testing";
import { newEventSchema } from "@/lib/events/schemas";
import { deliverDue, type OutgoingMail } from "@/lib/mail/worker";
import { signupSchema } from "@/lib/signups/schemas";
import { signUp } from "@/lib/signups/signups";
import { instantToZonedLocal } from "@/lib/time/zones";
import { hostView } from "./manage";
import { approveProposal, confirmProposal, proposeEvent } from "./proposals";
import { proposalSchema } from "./schemas";

// The permission matrix of hosts, as a model: whatever sign-ups arrive at whichever hosted event, and whenever a
// host looks, a host's link shows its own event's names and nothing else, records each look, and nothing once the
// event has ended; a link replaced by a newer one, or made up, shows nothing at all.

const ORIGIN = "http://picket.test";
let handle: DbHandle;
let close: () => Promise<void>;
const sent: OutgoingMail[] = [];
const transport = { send: async (m: OutgoingMail) => void sent.push(m) };
const hosts: { token: string; oldToken: string; eventId: string; startsAt: Date; endsAt: Date }[] = [];

const local = (days: number, hour: number) => {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.toISOString().slice(0, 10)}T${String(hour).padStart(2, "0")}:00`;
};
async function linkTo(email: string) {
  await deliverDue({ transport, log: () => {} });
  return sent
    .filter((m) => m.to === email)
    .at(-1)!
    .text.match(new RegExp(`${ORIGIN}/h/([A-Za-z0-9_-]{43})`))![1]!;
}

beforeAll(async () => {
  process.env.PICKET_PUBLIC_URL = ORIGIN;
  ({ handle, close } = await openIsolatedTestDatabase());
  const team = await makeTeam(handle);
  const { campaign } = await makeEvent(handle, team.org.id);
  await handle.db.update(campaigns).set({ acceptsProposals: true }).where(eq(campaigns.id, campaign.id));
  for (const [i, city] of ["Vienna", "Graz", "Linz"].entries()) {
    const email = `${unique("host")}@test.example`;
    const title = `Vigil in ${city}`;
    await proposeEvent(
      campaign.slug,
      proposalSchema.parse({
        title,
        kind: "vigil",
        startsLocal: local(5 + i, 12),
        endsLocal: local(5 + i, 14 + i),
        timeZone: "Europe/Vienna",
        city,
        country: "AT",
        name: `Host ${city}`,
        email,
      }),
      { client: unique("client"), locale: "en" },
    );
    const oldToken = await linkTo(email);
    await confirmProposal(oldToken);
    const [p] = await handle.db.select().from(eventProposals).where(eq(eventProposals.title, title));
    const input = newEventSchema.parse({
      title,
      kind: "vigil",
      startsLocal: instantToZonedLocal(p!.startsAt, p!.timeZone),
      endsLocal: instantToZonedLocal(p!.endsAt, p!.timeZone),
      timeZone: p!.timeZone,
      city,
      country: "AT",
      waitlist: "on",
      capacity: "2",
    });
    const event = await approveProposal(team.organizer, p!.id, input);
    const [row] = await handle.db.select().from(events).where(eq(events.id, event.id));
    hosts.push({ token: await linkTo(email), oldToken, eventId: event.id, startsAt: row!.startsAt, endsAt: row!.endsAt });
  }
});
afterAll(async () => close());

type Step = { kind: "signup"; event: number; name: string } | { kind: "look"; host: number; moment: "before" | "during" | "lastMinute" | "ended" | "dayAfter" };
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant("signup" as const),
    event: fc.integer({ min: 0, max: 2 }),
    name: fc.constantFrom("Aigerim", "Daniyar", "Marat", "Олжас", "Zofia"),
  }),
  fc.record({
    kind: fc.constant("look" as const),
    host: fc.integer({ min: 0, max: 2 }),
    moment: fc.constantFrom("before", "during", "lastMinute", "ended", "dayAfter"),
  }),
);
const at = (h: (typeof hosts)[number], moment: Extract<Step, { kind: "look" }>["moment"]) =>
  ({
    before: new Date(),
    during: new Date(h.startsAt.getTime() + 30 * 60_000),
    lastMinute: new Date(h.endsAt.getTime() - 60_000),
    ended: h.endsAt,
    dayAfter: new Date(h.endsAt.getTime() + 86_400_000),
  })[moment];

describe("the permission matrix of hosts", () => {
  it("a host's link shows its own event's names only, each look recorded, and nothing once the event ended", async () => {
    // The model: who signed up where, in order, with the details a host must never see.
    const model: { name: string; email: string; phone: string; comment: string }[][] = [[], [], []];
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 8 }), async (steps) => {
        for (const step of steps) {
          if (step.kind === "signup") {
            const person = { name: `${step.name} ${unique("n")}`, email: `${unique("p")}@test.example`, phone: "+43 1 234567", comment: `note ${unique("c")}` };
            await signUp(hosts[step.event]!.eventId, signupSchema.parse(person), { client: unique("client"), locale: "en" });
            model[step.event]!.push(person);
            continue;
          }
          const h = hosts[step.host]!;
          const moment = at(h, step.moment);
          const recorded = async () =>
            handle.db
              .select()
              .from(accessRecords)
              .where(and(eq(accessRecords.eventId, h.eventId), eq(accessRecords.kind, "host")));
          const before = new Set((await recorded()).map((r) => r.id));
          const view = await hostView(h.token, moment);
          // A replaced link, and one nobody was given, reach nothing at any time.
          expect(await hostView(h.oldToken, moment)).toBeNull();
          expect(await hostView(unique("made-up-link-").padEnd(43, "x"), moment)).toBeNull();
          if (moment >= h.endsAt) {
            expect(view).toBeNull();
            expect((await recorded()).length).toBe(before.size);
            continue;
          }
          if (view?.state !== "approved") throw new Error("an approved host's link shows its event");
          expect(view.event.id).toBe(h.eventId);
          const own = model[step.host]!;
          // Capacity 2 with a waitlist: the first two come, the rest wait, in the order they signed up.
          expect(view.attendees.confirmed).toEqual(own.slice(0, 2).map((p) => p.name));
          expect(view.attendees.waitlisted).toEqual(own.slice(2).map((p) => p.name));
          const shown = JSON.stringify(view);
          for (const [i, people] of model.entries())
            for (const p of people) {
              expect(shown).not.toContain(p.email);
              expect(shown).not.toContain(p.comment);
              if (i !== step.host) expect(shown).not.toContain(p.name);
            }
          expect(shown).not.toContain("+43 1 234567");
          // One record more, of nobody's account (the host), with as many rows as names shown.
          const added = (await recorded()).filter((r) => !before.has(r.id));
          expect(added.map((r) => [r.actorId, r.rowCount])).toEqual([[null, own.length]]);
        }
      }),
      { numRuns: 12 },
    );
  });
});
