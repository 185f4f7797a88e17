import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { and, eq } from "drizzle-orm";
import type { DbHandle } from "@/db/client";
import { auditLog, campaigns, events, memberScopes, memberships } from "@/db/schema";
import { closeTestDatabase, makeEvent, makeOrg, makeUser, openTestDatabase, unique } from "@/db/testing";
import type { Actor } from "@/lib/auth/actor";
import { attendeeCounts, listAttendees, setCheckedIn } from "@/lib/attendees/attendees";
import { attendeeListSchema } from "@/lib/attendees/schemas";
import { ForbiddenError, NotFoundError, PublicError } from "@/lib/errors";
import { exportAttendeesCsv } from "@/lib/exports/csv";
import { signInSheet } from "@/lib/exports/sheet";
import { signupSchema } from "@/lib/signups/schemas";
import { signUp } from "@/lib/signups/signups";
import { removeMember } from "./members";
import { grantScope, listScopeHolders, revokeScope, scopeChoices, type ScopeInput } from "./scopes";

// The permission matrix of attendee data: every role × scope × action, checked against a model written here,
// independently of lib/orgs/scopes.ts. No action may answer rows of an event the model does not allow.

let handle: DbHandle;
let orgId: string;
let owner: Actor;
let author: Actor; // the organizer who made campaign A
const world: { campaigns: Record<"A" | "B", string>; events: { id: string; campaign: "A" | "B"; city: string; country: string; firstSignup: string }[] } = {
  campaigns: { A: "", B: "" },
  events: [],
};
const query = () => attendeeListSchema.parse({ pageSize: 200 });

beforeAll(async () => {
  handle = await openTestDatabase();
  const { org, people } = await makeOrg(handle, { owner: 1, organizer: 1 });
  orgId = org.id;
  owner = people.owner[0]!;
  author = people.organizer[0]!;
  const places = [
    { campaign: "A" as const, city: "Berlin", country: "DE", timeZone: "Europe/Berlin" },
    { campaign: "A" as const, city: "London", country: "GB", timeZone: "Europe/London" },
    { campaign: "B" as const, city: "Berlin", country: "DE", timeZone: "Europe/Berlin" },
    { campaign: "B" as const, city: "Warsaw", country: "PL", timeZone: "Europe/Warsaw" },
  ];
  const first = await makeEvent(handle, orgId, places[0], "published", { scoped: false });
  world.campaigns.A = first.campaign.id;
  await handle.db.update(campaigns).set({ createdBy: author!.userId }).where(eq(campaigns.id, first.campaign.id));
  const second = await makeEvent(handle, orgId, places[2], "published", { scoped: false });
  world.campaigns.B = second.campaign.id;
  const ids = [first.event.id, "", second.event.id, ""];
  for (const i of [1, 3]) {
    const p = places[i]!;
    const [row] = await handle.db
      .insert(events)
      .values({
        ...first.event,
        id: undefined,
        campaignId: world.campaigns[p.campaign],
        slug: unique("event"),
        city: p.city,
        country: p.country,
        timeZone: p.timeZone,
        dataKeyId: null,
      })
      .returning();
    ids[i] = row!.id;
  }
  for (let i = 0; i < places.length; i++) {
    for (let n = 0; n < 2; n++)
      await signUp(ids[i]!, signupSchema.parse({ name: `${places[i]!.city} ${n}`, email: `${unique("p")}@test.example` }), {
        client: unique("c"),
        locale: "en",
      });
    const [{ rows }] = [await listAttendees(owner, { eventId: ids[i]! }, query())];
    world.events.push({ id: ids[i]!, campaign: places[i]!.campaign, city: places[i]!.city, country: places[i]!.country, firstSignup: rows[0]!.id });
  }
});
afterAll(closeTestDatabase);

async function outcome<T>(p: Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: "notFound" | "forbidden" }> {
  try {
    return { ok: true, value: await p };
  } catch (e) {
    if (e instanceof NotFoundError) return { ok: false, error: "notFound" };
    if (e instanceof ForbiddenError) return { ok: false, error: "forbidden" };
    throw e;
  }
}

type Role = "owner" | "organizer" | "author" | "coordinator" | "outsider" | "anonymous";
type Given = { kind: "campaign"; campaign: "A" | "B" } | { kind: "event"; index: number } | { kind: "city"; country: string; city: string };

/** The model: which events' attendees a member sees. */
function modelSees(role: Role, given: Given[], e: (typeof world.events)[number]): boolean {
  if (role === "owner") return true;
  if (role === "outsider" || role === "anonymous") return false;
  if (role === "author" && e.campaign === "A") return true;
  return given.some((g) =>
    g.kind === "campaign"
      ? g.campaign === e.campaign
      : g.kind === "event"
        ? world.events[g.index]!.id === e.id
        : g.country === e.country && g.city.toLowerCase() === e.city.toLowerCase(),
  );
}
const modelSeesCampaign = (role: Role, given: Given[], c: "A" | "B") =>
  role === "owner" ||
  (role === "author" && c === "A") ||
  (["organizer", "author", "coordinator"].includes(role) && given.some((g) => g.kind === "campaign" && g.campaign === c));

async function memberFor(role: Role, given: Given[]): Promise<{ actor: Actor; done: () => Promise<void> }> {
  if (role === "anonymous") return { actor: null, done: async () => {} };
  if (role === "owner") return { actor: owner, done: async () => {} };
  if (role === "author") {
    await handle.db.delete(memberScopes).where(and(eq(memberScopes.orgId, orgId), eq(memberScopes.userId, author!.userId)));
    await insertScopes(author!.userId, given);
    return { actor: author, done: async () => {} };
  }
  const u = await makeUser(handle, role);
  if (role === "outsider") return { actor: { userId: u.id }, done: async () => {} };
  await handle.db.insert(memberships).values({ orgId, userId: u.id, role });
  await insertScopes(u.id, given);
  return {
    actor: { userId: u.id },
    done: () =>
      handle.db
        .delete(memberships)
        .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, u.id)))
        .then(() => undefined),
  };
}

async function insertScopes(userId: string, given: Given[]) {
  for (const g of given) {
    const values =
      g.kind === "campaign"
        ? { kind: g.kind, campaignId: world.campaigns[g.campaign] }
        : g.kind === "event"
          ? { kind: g.kind, eventId: world.events[g.index]!.id }
          : { kind: g.kind, country: g.country, city: g.city };
    await handle.db
      .insert(memberScopes)
      .values({ orgId, userId, ...values })
      .onConflictDoNothing();
  }
}

const givenArb: fc.Arbitrary<Given> = fc.oneof(
  fc.record({ kind: fc.constant("campaign" as const), campaign: fc.constantFrom("A" as const, "B" as const) }),
  fc.record({ kind: fc.constant("event" as const), index: fc.integer({ min: 0, max: 3 }) }),
  fc.record({
    kind: fc.constant("city" as const),
    country: fc.constantFrom("DE", "PL", "GB"),
    city: fc.constantFrom("Berlin", "berlin", "Warsaw", "London", "Paris"),
  }),
);
const actions = ["listEvent", "listCampaign", "counts", "exportEvent", "exportCampaign", "sheet", "checkIn"] as const;

async function eventIdsOfCsv(actor: Actor, ref: { eventId: string } | { campaignId: string }) {
  const result = await exportAttendeesCsv(actor, ref, { filter: {}, columns: ["event", "name"], bom: false });
  const body = await new Response(result.stream).text();
  return body;
}

describe("the permission matrix: every role × scope × action, no leak", () => {
  it("answers each action with exactly the events the model allows, and 404 for the rest", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<Role>("owner", "organizer", "author", "coordinator", "outsider", "anonymous"),
        fc.array(givenArb, { maxLength: 3 }),
        fc.constantFrom(...actions),
        fc.integer({ min: 0, max: 3 }),
        async (role, given, action, index) => {
          const { actor, done } = await memberFor(role, given);
          try {
            const target = world.events[index]!;
            const campaign = target.campaign;
            const sees = modelSees(role, given, target);
            const visibleInCampaign = world.events.filter((e) => e.campaign === campaign && modelSees(role, given, e));
            const campaignExists = visibleInCampaign.length > 0 || modelSeesCampaign(role, given, campaign);
            if (action === "listEvent" || action === "counts" || action === "sheet" || action === "checkIn" || action === "exportEvent") {
              const run =
                action === "listEvent"
                  ? listAttendees(actor, { eventId: target.id }, query()).then((r) => r.rows.map((x) => x.eventId))
                  : action === "counts"
                    ? attendeeCounts(actor, { eventId: target.id }).then(() => [target.id])
                    : action === "sheet"
                      ? signInSheet(actor, target.id).then((r) => r.rows.map(() => target.id))
                      : action === "checkIn"
                        ? setCheckedIn(actor, target.firstSignup, false).then(() => [target.id])
                        : eventIdsOfCsv(actor, { eventId: target.id }).then(() => [target.id]);
              const got = await outcome(run);
              if (sees) expect(got.ok, `${role} ${JSON.stringify(given)} ${action} ${target.city}`).toBe(true);
              else expect(got, `${role} ${JSON.stringify(given)} ${action} ${target.city}`).toEqual({ ok: false, error: "notFound" });
              if (got.ok) expect(got.value.every((id) => id === target.id)).toBe(true);
            } else {
              const ref = { campaignId: world.campaigns[campaign] };
              const got =
                action === "listCampaign"
                  ? await outcome(listAttendees(actor, ref, query()).then((r) => r.rows.map((x) => x.eventId)))
                  : await outcome(
                      eventIdsOfCsv(actor, ref).then((csv) => {
                        // The test's events share a title; each person is named after their event's city.
                        const lines = csv.trim().split("\r\n").slice(1);
                        return lines.map((l) => world.events.find((e) => e.campaign === campaign && l.split(",")[1]!.startsWith(e.city))?.id ?? "?");
                      }),
                    );
              if (!campaignExists) expect(got).toEqual({ ok: false, error: "notFound" });
              else {
                expect(got.ok).toBe(true);
                if (got.ok) expect(new Set(got.value)).toEqual(new Set(visibleInCampaign.map((e) => e.id)));
              }
            }
          } finally {
            await done();
          }
        },
      ),
      { numRuns: 120 },
    );
  });
});

describe("giving and taking back scopes", () => {
  it("an organizer gives only what they reach, only to coordinators; each change is audited; leaving takes the scopes", async () => {
    // The matrix above left the author with whatever scopes its last case gave: none here.
    await handle.db.delete(memberScopes).where(eq(memberScopes.userId, author!.userId));
    const coordinator = await makeUser(handle, "Door");
    await handle.db.insert(memberships).values({ orgId, userId: coordinator.id, role: "coordinator" });
    const other = await makeUser(handle, "Other organizer");
    await handle.db.insert(memberships).values({ orgId, userId: other.id, role: "organizer" });
    const give = (actor: Actor, userId: string, input: ScopeInput) =>
      grantScope(actor, orgId, userId, input).then(
        () => "given",
        (e) => (e instanceof NotFoundError ? "notFound" : e instanceof PublicError ? e.messageKey : Promise.reject(e)),
      );
    expect(await give(author, coordinator.id, { kind: "campaign", campaignId: world.campaigns.A })).toBe("given");
    expect(await give(author, coordinator.id, { kind: "campaign", campaignId: world.campaigns.B })).toBe("notFound");
    expect(await give(author, coordinator.id, { kind: "city", country: "PL", city: "Warsaw" })).toBe("notFound");
    expect(await give(author, other.id, { kind: "campaign", campaignId: world.campaigns.A })).toBe("scopes.notForRole");
    expect(await give(owner, other.id, { kind: "city", country: "PL", city: "Warsaw" })).toBe("given");
    expect(await give(owner, owner!.userId, { kind: "city", country: "PL", city: "Warsaw" })).toBe("scopes.notForRole");
    expect(await give({ userId: coordinator.id }, coordinator.id, { kind: "city", country: "PL", city: "Warsaw" })).toBe("errors.forbidden");

    const coordinatorActor = { userId: coordinator.id };
    const berlinOfA = world.events[0]!;
    expect((await listAttendees(coordinatorActor, { eventId: berlinOfA.id }, query())).rows).toHaveLength(2);
    const audits = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, orgId), eq(auditLog.action, "scope.grant")));
    expect(audits.filter((a) => (a.details as { member?: string }).member === coordinator.id)).toHaveLength(1);

    const [scope] = await handle.db.select().from(memberScopes).where(eq(memberScopes.userId, coordinator.id));
    await revokeScope(author, orgId, scope!.id);
    expect(await outcome(listAttendees(coordinatorActor, { eventId: berlinOfA.id }, query()))).toEqual({ ok: false, error: "notFound" });
    expect(
      await handle.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.orgId, orgId), eq(auditLog.action, "scope.revoke"))),
    ).toHaveLength(1);

    // The members page offers an organizer only what they reach, and only coordinators to give it to.
    const choices = await scopeChoices(author, orgId);
    expect(choices.campaigns.map((c) => c.id)).toEqual([world.campaigns.A]);
    expect(new Set(choices.events.map((e) => e.id))).toEqual(new Set(world.events.filter((e) => e.campaign === "A").map((e) => e.id)));
    expect(choices.cities).toEqual([]);
    expect((await listScopeHolders(author, orgId)).every((m) => m.role === "coordinator")).toBe(true);
    expect((await scopeChoices(owner, orgId)).cities).toHaveLength(3);

    await removeMember(owner, orgId, other.id);
    expect(await handle.db.select().from(memberScopes).where(eq(memberScopes.userId, other.id))).toHaveLength(0);
  });
});
