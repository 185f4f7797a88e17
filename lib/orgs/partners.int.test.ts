import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { events, memberScopes, memberships, organisations, outbox, signups } from "@/db/schema";
import { closeTestDatabase, makeEvent, makeOrg, openTestDatabase, outcomeOf, unique, type Outcome } from "@/db/testing";
import { attendeeCounts, listAttendees, setCheckedIn } from "@/lib/attendees/attendees";
import { attendeeListSchema } from "@/lib/attendees/schemas";
import type { Actor } from "@/lib/auth/actor";
import { orgDashboard } from "@/lib/campaigns/dashboard";
import { getCampaignBySlug } from "@/lib/campaigns/campaigns";
import { PublicError } from "@/lib/errors";
import { createEvent, updateEvent } from "@/lib/events/events";
import { getPublicCampaign } from "@/lib/events/public";
import { eventSchema, newEventSchema } from "@/lib/events/schemas";
import { exportAttendeesCsv } from "@/lib/exports/csv";
import { signupSchema } from "@/lib/signups/schemas";
import { signUp } from "@/lib/signups/signups";
import { grantScope } from "./scopes";
import { acceptPartnerInvitation, createPartnerInvitation, listPartners, removePartner, viewPartnerInvitation } from "./partners";

// A coalition: the lead organisation's campaign, co-hosted by a partner that runs its own events. Only the
// organisation that runs an event reaches its people; the lead sees the partner's counts, never its attendees.

let handle: DbHandle;
let lead: Awaited<ReturnType<typeof makeOrg>>;
let partner: Awaited<ReturnType<typeof makeOrg>>;
let other: Awaited<ReturnType<typeof makeOrg>>;
let campaignId: string;
let campaignSlug: string;
let leadEventId: string;
let partnerEventId: string;
const actors: Record<string, Actor> = {};

const tokenOf = (url: string) => url.split("/partner/")[1]!;
const ctx = () => ({ client: unique("client"), locale: "en" });
const FORM = {
  title: "Protest at the embassy",
  kind: "protest",
  startsLocal: "2031-05-10T12:00",
  endsLocal: "2031-05-10T14:00",
  timeZone: "Europe/Warsaw",
  city: "Warsaw",
  country: "PL",
};

beforeAll(async () => {
  handle = await openTestDatabase();
  lead = await makeOrg(handle, { owner: 1, organizer: 1, coordinator: 1 });
  partner = await makeOrg(handle, { owner: 1, organizer: 1, coordinator: 1 });
  other = await makeOrg(handle, { owner: 1 });
  for (const [org, name] of [
    [lead, "Lead Group"],
    [partner, "Partner Network"],
    [other, "Other Union"],
  ] as const) {
    await handle.db.update(organisations).set({ name }).where(eq(organisations.id, org.org.id));
    org.org.name = name;
  }
  const made = await makeEvent(handle, lead.org.id, { city: "London", country: "GB", timeZone: "Europe/London" });
  campaignId = made.campaign.id;
  campaignSlug = made.campaign.slug;
  leadEventId = made.event.id;
  for (const [name, org] of [
    ["lead", lead],
    ["partner", partner],
  ] as const) {
    actors[`${name} owner`] = org.people.owner[0]!;
    actors[`${name} organizer`] = org.people.organizer[0]!;
    actors[`${name} coordinator`] = org.people.coordinator[0]!;
  }
  actors.outsider = other.people.owner[0]!;
  actors.anonymous = null;
  // makeEvent gave the lead's coordinator the campaign. Both coordinators are given Warsaw too, each in their own
  // organisation: a city does not cross organisations.
  for (const org of [lead, partner])
    await handle.db.insert(memberScopes).values({ orgId: org.org.id, userId: org.people.coordinator[0]!.userId, kind: "city", country: "PL", city: "Warsaw" });

  const { url } = await createPartnerInvitation(actors["lead owner"]!, campaignId);
  await acceptPartnerInvitation(actors["partner owner"]!, tokenOf(url), partner.org.id);
  partnerEventId = (await createEvent(actors["partner organizer"]!, campaignId, newEventSchema.parse(FORM), partner.org.id)).id;
  for (const id of [leadEventId, partnerEventId])
    for (const name of ["Ana", "Bo"]) await signUp(id, signupSchema.parse({ name: `${name} ${id.slice(0, 4)}`, email: `${unique("p")}@test.example` }), ctx());
});
afterAll(closeTestDatabase);

const list = (actor: Actor, eventId: string) => listAttendees(actor, { eventId }, attendeeListSchema.parse({}));

describe("the permission matrix with a partner", () => {
  // Reading the people of the lead's event and of the partner's, exporting the campaign through each organisation,
  // and changing the partner's event.
  const expected: Record<string, { leadEvent: Outcome; partnerEvent: Outcome; editPartnerEvent: Outcome }> = {
    "lead owner": { leadEvent: "allowed", partnerEvent: "notFound", editPartnerEvent: "notFound" },
    "lead organizer": { leadEvent: "allowed", partnerEvent: "notFound", editPartnerEvent: "notFound" },
    "lead coordinator": { leadEvent: "allowed", partnerEvent: "notFound", editPartnerEvent: "notFound" },
    "partner owner": { leadEvent: "notFound", partnerEvent: "allowed", editPartnerEvent: "allowed" },
    "partner organizer": { leadEvent: "notFound", partnerEvent: "allowed", editPartnerEvent: "allowed" },
    "partner coordinator": { leadEvent: "notFound", partnerEvent: "allowed", editPartnerEvent: "forbidden" },
    outsider: { leadEvent: "notFound", partnerEvent: "notFound", editPartnerEvent: "notFound" },
    anonymous: { leadEvent: "notFound", partnerEvent: "notFound", editPartnerEvent: "notFound" },
  };
  for (const [who, row] of Object.entries(expected)) {
    it(`${who}: the lead's list ${row.leadEvent}, the partner's ${row.partnerEvent}, changing the partner's event ${row.editPartnerEvent}`, async () => {
      expect(await outcomeOf(list(actors[who]!, leadEventId))).toBe(row.leadEvent);
      expect(await outcomeOf(list(actors[who]!, partnerEventId))).toBe(row.partnerEvent);
      expect(await outcomeOf(attendeeCounts(actors[who]!, { eventId: partnerEventId }))).toBe(row.partnerEvent);
      const [first] = await handle.db.select().from(signups).where(eq(signups.eventId, partnerEventId));
      expect(await outcomeOf(setCheckedIn(actors[who]!, first!.id, false))).toBe(row.partnerEvent);
      expect(await outcomeOf(updateEvent(actors[who]!, partnerEventId, eventSchema.parse({ ...FORM, title: `Renamed by ${who}` })))).toBe(row.editPartnerEvent);
    });
  }

  it("a campaign's export holds only the events of the organisation that asks", async () => {
    const csvOf = async (actor: Actor, orgSlug: string) => {
      const exported = await exportAttendeesCsv(actor, { campaignId, orgSlug }, { filter: {}, columns: ["event", "name"], bom: false });
      return new Response(exported.stream).text();
    };
    const leadCsv = await csvOf(actors["lead owner"]!, lead.org.slug);
    const partnerCsv = await csvOf(actors["partner owner"]!, partner.org.slug);
    expect(leadCsv.trim().split("\r\n")).toHaveLength(3);
    expect(partnerCsv.trim().split("\r\n")).toHaveLength(3);
    expect(leadCsv).toContain(`Ana ${leadEventId.slice(0, 4)}`);
    expect(leadCsv).not.toContain(`Ana ${partnerEventId.slice(0, 4)}`);
    expect(partnerCsv).toContain(`Ana ${partnerEventId.slice(0, 4)}`);
    expect(partnerCsv).not.toContain(`Ana ${leadEventId.slice(0, 4)}`);
    // Asking through an organisation that does not co-host it, or one the actor is not in: nothing.
    expect(await outcomeOf(csvOf(actors.outsider!, other.org.slug))).toBe("notFound");
    expect(await outcomeOf(csvOf(actors["lead owner"]!, partner.org.slug))).toBe("notFound");
  });

  it("the lead sees the partner's counts and name, never a link to its people; the partner sees its own events only", async () => {
    const leadView = (await orgDashboard(actors["lead coordinator"]!, lead.org.id, "en")).find((c) => c.id === campaignId)!;
    const theirs = leadView.events.find((e) => e.id === partnerEventId)!;
    expect(theirs).toMatchObject({ confirmed: 2, host: partner.org.name });
    expect(leadView.events.find((e) => e.id === leadEventId)?.host).toBeNull();
    const partnerView = (await orgDashboard(actors["partner coordinator"]!, partner.org.id, "en")).find((c) => c.id === campaignId)!;
    expect(partnerView.ledBy).toBe(lead.org.name);
    expect(partnerView.events.map((e) => e.id)).toEqual([partnerEventId]);
    expect(await listPartners(actors["lead coordinator"]!, campaignId, lead.org.id)).toEqual([
      { orgId: partner.org.id, name: partner.org.name, events: 1, confirmed: 2, waitlisted: 0 },
    ]);
    expect((await getCampaignBySlug(actors["partner organizer"]!, partner.org.id, campaignSlug)).lead).toBe(false);
    expect(await outcomeOf(getCampaignBySlug(actors.outsider!, other.org.id, campaignSlug))).toBe("notFound");
  });

  it("the public campaign names both hosts, and each event its own", async () => {
    const found = (await getPublicCampaign(campaignSlug))!;
    expect(found.campaign.hosts).toEqual([lead.org.name, partner.org.name]);
    expect(Object.fromEntries(found.events.map((e) => [e.id, e.hostName]))).toEqual({ [leadEventId]: lead.org.name, [partnerEventId]: partner.org.name });
  });

  it("a partner's sign-up messages are the partner's: its mailbox, signed with its name", async () => {
    const rows = await handle.db.select({ orgId: outbox.orgId }).from(outbox).where(eq(outbox.eventId, partnerEventId));
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.orgId))).toEqual(new Set([partner.org.id]));
  });
});

describe("scopes across a coalition", () => {
  it("a partner gives the co-hosted campaign or its own events; the lead cannot give a partner's event", async () => {
    const fresh = (await makeOrg(handle, { coordinator: 1 })).people.coordinator[0]!;
    await handle.db.insert(memberships).values({ orgId: partner.org.id, userId: fresh.userId, role: "coordinator" });
    expect(await outcomeOf(list(fresh, partnerEventId))).toBe("notFound");
    await grantScope(actors["partner owner"]!, partner.org.id, fresh.userId, { kind: "campaign", campaignId });
    expect(await outcomeOf(list(fresh, partnerEventId))).toBe("allowed");
    expect(await outcomeOf(list(fresh, leadEventId))).toBe("notFound");
    const leadCoordinator = lead.people.coordinator[0]!;
    expect(await outcomeOf(grantScope(actors["lead owner"]!, lead.org.id, leadCoordinator.userId, { kind: "event", eventId: partnerEventId }))).toBe(
      "notFound",
    );
  });
});

describe("joining and leaving", () => {
  it("only the lead's owners make a link; only an owner of another organisation uses it, once", async () => {
    for (const who of ["lead organizer", "lead coordinator", "partner owner", "outsider", "anonymous"])
      expect(await outcomeOf(createPartnerInvitation(actors[who]!, campaignId)), who).not.toBe("allowed");
    const { url } = await createPartnerInvitation(actors["lead owner"]!, campaignId);
    const token = tokenOf(url);
    // The lead cannot join its own campaign, and a coordinator of another organisation cannot make it join.
    expect(await viewPartnerInvitation(actors.outsider!, token)).toMatchObject({ organisations: [{ id: other.org.id }] });
    expect(await outcomeOf(acceptPartnerInvitation(actors["partner coordinator"]!, token, partner.org.id))).toBe("forbidden");
    await expect(acceptPartnerInvitation(actors["lead owner"]!, token, lead.org.id)).rejects.toMatchObject({ messageKey: "partners.ownCampaign" });
    await acceptPartnerInvitation(actors.outsider!, token, other.org.id);
    await expect(acceptPartnerInvitation(actors.outsider!, token, other.org.id)).rejects.toBeInstanceOf(PublicError);
    expect((await listPartners(actors["lead owner"]!, campaignId, lead.org.id)).map((p) => p.orgId).sort()).toEqual([partner.org.id, other.org.id].sort());
    // A partner sees its own row only.
    expect((await listPartners(actors.outsider!, campaignId, other.org.id)).map((p) => p.orgId)).toEqual([other.org.id]);
    await removePartner(actors.outsider!, campaignId, other.org.id);
  });

  it("a partner that leaves takes its events with it: cancelled, and their people told", async () => {
    expect(await outcomeOf(removePartner(actors["partner organizer"]!, campaignId, partner.org.id))).toBe("forbidden");
    expect(await outcomeOf(removePartner(actors.outsider!, campaignId, partner.org.id))).toBe("notFound");
    const { cancelled } = await removePartner(actors["partner owner"]!, campaignId, partner.org.id);
    expect(cancelled).toBe(1);
    const [event] = await handle.db.select().from(events).where(eq(events.id, partnerEventId));
    expect(event).toMatchObject({ status: "cancelled", changeReason: `${partner.org.name} no longer co-hosts this campaign.` });
    const told = await handle.db.select().from(outbox).where(eq(outbox.eventId, partnerEventId));
    expect(told.filter((m) => m.kind === "event_cancelled")).toHaveLength(2);
    // Gone from the partner's dashboard; the lead keeps its own event.
    expect((await orgDashboard(actors["partner owner"]!, partner.org.id, "en")).find((c) => c.id === campaignId)).toBeUndefined();
    expect(await outcomeOf(createEvent(actors["partner organizer"]!, campaignId, newEventSchema.parse(FORM), partner.org.id))).toBe("notFound");
  });
});
