import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { accessRecords, campaigns, eventProposals, events, outbox } from "@/db/schema";
import { makeEvent, makeTeam, outcomeOf, openIsolatedTestDatabase, unique } from "@/db/testing";
import { getPublicEvent } from "@/lib/events/public";
import { newEventSchema } from "@/lib/events/schemas";
import { deliverDue, type OutgoingMail } from "@/lib/mail/worker";
import { signupSchema } from "@/lib/signups/schemas";
import { signUp } from "@/lib/signups/signups";
import { instantToZonedLocal } from "@/lib/time/zones";
import { cancelHostedEvent, editHostedEvent, hostView } from "./manage";
import { approveProposal, confirmProposal, declineProposal, listProposals, proposeEvent, purgeProposals } from "./proposals";
import { hostEditSchema, proposalSchema } from "./schemas";

// The whole life of a proposed event, through the real mail worker: its messages are the only place a host's link
// exists. Own database: the worker and the purge act on every row.

const ORIGIN = "http://picket.test";
let handle: DbHandle;
let close: () => Promise<void>;
let team: Awaited<ReturnType<typeof makeTeam>>;
let campaign: { id: string; slug: string };
const sent: OutgoingMail[] = [];
const transport = { send: async (m: OutgoingMail) => void sent.push(m) };

beforeAll(async () => {
  process.env.PICKET_PUBLIC_URL = ORIGIN;
  ({ handle, close } = await openIsolatedTestDatabase());
  team = await makeTeam(handle);
  const made = await makeEvent(handle, team.org.id);
  campaign = made.campaign;
  await handle.db.update(campaigns).set({ acceptsProposals: true }).where(eq(campaigns.id, campaign.id));
});
afterAll(async () => close());

const inDays = (days: number, hour = 12) => {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.toISOString().slice(0, 10)}T${String(hour).padStart(2, "0")}:00`;
};
const form = (email: string, changes: Record<string, string> = {}) =>
  proposalSchema.parse({
    title: "Vigil at the embassy in Vienna",
    kind: "vigil",
    startsLocal: inDays(10, 12),
    endsLocal: inDays(10, 14),
    timeZone: "Europe/Vienna",
    city: "Vienna",
    country: "AT",
    venue: "Embassy of Kazakhstan",
    description: "Bring candles.",
    name: "Aigerim",
    email,
    ...changes,
  });
const ctx = () => ({ client: unique("client"), locale: "en" });
const deliver = () => deliverDue({ transport, log: () => {} });
/** The host's link in the newest message delivered to `email`. */
async function linkTo(email: string): Promise<string> {
  await deliver();
  const mail = sent.filter((m) => m.to === email).at(-1);
  const found = mail?.text.match(new RegExp(`${ORIGIN}/h/([A-Za-z0-9_-]{43})`));
  if (!found) throw new Error(`no host link to ${email}`);
  return found[1]!;
}
const proposalOf = async (title: string) => (await handle.db.select().from(eventProposals).where(eq(eventProposals.title, title)))[0]!;
/** The event form as the organizer sends it, filled in from the proposal. */
const approvalForm = async (proposalId: string, changes: Record<string, string> = {}) => {
  const [p] = await handle.db.select().from(eventProposals).where(eq(eventProposals.id, proposalId));
  return newEventSchema.parse({
    title: p!.title,
    kind: p!.kind,
    description: p!.description,
    startsLocal: instantToZonedLocal(p!.startsAt, p!.timeZone),
    endsLocal: instantToZonedLocal(p!.endsAt, p!.timeZone),
    timeZone: p!.timeZone,
    venue: p!.venue,
    city: p!.city,
    country: p!.country,
    ...changes,
  });
};

/** Proposes, confirms from the emailed link and approves: the approved host's link and the event. */
async function approvedHost(title: string, email = `${unique("host")}@test.example`) {
  await proposeEvent(campaign.slug, form(email, { title }), ctx());
  await confirmProposal(await linkTo(email));
  const proposal = await proposalOf(title);
  const event = await approveProposal(team.organizer, proposal.id, await approvalForm(proposal.id));
  return { token: await linkTo(email), event, proposal, email };
}
const person = (name: string) => signupSchema.parse({ name, email: `${unique("p")}@test.example`, phone: "+44 20 7946 0000", comment: "I bring a banner" });

describe("a proposed event", () => {
  it("is confirmed by its host, approved by an organizer, public, and run from the host's link", async () => {
    const email = `${unique("host")}@test.example`;
    await proposeEvent(campaign.slug, form(email), ctx());
    const stored = await proposalOf("Vigil at the embassy in Vienna");
    // Nothing of the host in clear, and no link until the message is sent.
    expect(stored.host).not.toContain(email);
    expect(stored.host).not.toContain("Aigerim");
    expect(stored.hostTokenHash).toBeNull();
    expect(await listProposals(team.organizer, campaign.id)).toEqual([]);

    const first = await linkTo(email);
    expect(sent.filter((m) => m.to === email).at(-1)!.text).toContain("Confirm");
    expect((await hostView(first))?.state).toBe("unconfirmed");
    await confirmProposal(first);
    expect((await hostView(first))?.state).toBe("pending");
    const waiting = await listProposals(team.organizer, campaign.id);
    expect(waiting.map((p) => p.title)).toEqual(["Vigil at the embassy in Vienna"]);

    const event = await approveProposal(team.organizer, stored.id, await approvalForm(stored.id, { title: "Vigil in Vienna" }));
    expect((await getPublicEvent(campaign.slug, event.slug))?.event.title).toBe("Vigil in Vienna");
    const manage = await linkTo(email);
    expect(manage).not.toBe(first);
    // The new link ends the one before.
    expect(await hostView(first)).toBeNull();
    expect(await listProposals(team.organizer, campaign.id)).toEqual([]);

    const before = await hostView(manage);
    expect(before?.state === "approved" && before.attendees).toEqual({ confirmed: [], waitlisted: [], unnamed: 0 });
    await signUp(event.id, person("Daniyar"), ctx());
    const after = await hostView(manage);
    expect(after?.state === "approved" && after.attendees.confirmed).toEqual(["Daniyar"]);
  });

  it("declined, tells its host the note and erases them; the link leads nowhere", async () => {
    const email = `${unique("host")}@test.example`;
    await proposeEvent(campaign.slug, form(email, { title: "Picket in Graz" }), ctx());
    const link = await linkTo(email);
    await confirmProposal(link);
    const proposal = await proposalOf("Picket in Graz");
    await declineProposal(team.organizer, proposal.id, "Graz has a group already: write to graz@example.org");
    const told = await linkTo(email).catch(() => null);
    expect(told).toBeNull();
    expect(sent.filter((m) => m.to === email).at(-1)!.text).toContain("Graz has a group already");
    const row = await proposalOf("Picket in Graz");
    expect(row).toMatchObject({ status: "declined", host: null, hostTokenHash: null });
    expect(await hostView(link)).toBeNull();
    // Decided once: approving it afterwards is refused.
    await expect(approveProposal(team.organizer, proposal.id, await approvalForm(proposal.id))).rejects.toThrow();
  });

  it("unconfirmed, expires after a day and is erased", async () => {
    const email = `${unique("host")}@test.example`;
    await proposeEvent(campaign.slug, form(email, { title: "Rally in Linz" }), ctx());
    const link = await linkTo(email);
    const dayLater = new Date(Date.now() + 25 * 3_600_000);
    expect(await hostView(link, dayLater)).toBeNull();
    expect(await outcomeOf(confirmProposal(link, dayLater))).toBe("notFound");
    const { id } = await proposalOf("Rally in Linz");
    expect(await handle.db.select().from(outbox).where(eq(outbox.proposalId, id))).toHaveLength(1);
    await purgeProposals(dayLater);
    expect(await handle.db.select().from(eventProposals).where(eq(eventProposals.id, id))).toEqual([]);
    // Its message, and the address in it, went with it.
    expect(await handle.db.select().from(outbox).where(eq(outbox.proposalId, id))).toEqual([]);
  });

  it("is decided by the campaign's organizers only", async () => {
    const email = `${unique("host")}@test.example`;
    await proposeEvent(campaign.slug, form(email, { title: "Vigil in Salzburg" }), ctx());
    await confirmProposal(await linkTo(email));
    const proposal = await proposalOf("Vigil in Salzburg");
    const input = await approvalForm(proposal.id);
    expect(await outcomeOf(approveProposal(team.coordinator, proposal.id, input))).toBe("forbidden");
    expect(await outcomeOf(approveProposal(team.outsider, proposal.id, input))).toBe("notFound");
    expect(await outcomeOf(approveProposal(null, proposal.id, input))).toBe("notFound");
    expect(await outcomeOf(declineProposal(team.outsider, proposal.id, ""))).toBe("notFound");
    expect(await outcomeOf(listProposals(team.outsider, campaign.id))).toBe("notFound");
    expect(await outcomeOf(listProposals(team.coordinator, campaign.id))).toBe("forbidden");
    expect(await outcomeOf(approveProposal(team.owner, proposal.id, input))).toBe("allowed");
  });
});

describe("a host's link", () => {
  it("reaches its own event only, shows names and nothing else, and records each look", async () => {
    const a = await approvedHost("Protest in Innsbruck");
    const b = await approvedHost("Protest in Bregenz");
    const aliceSignup = person("Alice");
    await signUp(a.event.id, aliceSignup, ctx());
    await signUp(b.event.id, person("Bob"), ctx());
    const viewA = await hostView(a.token);
    const viewB = await hostView(b.token);
    expect(viewA?.state === "approved" && [viewA.event.id, viewA.attendees.confirmed]).toEqual([a.event.id, ["Alice"]]);
    expect(viewB?.state === "approved" && [viewB.event.id, viewB.attendees.confirmed]).toEqual([b.event.id, ["Bob"]]);
    // Names only: nothing of the address, phone or comment leaves lib.
    const shown = JSON.stringify(viewA);
    for (const hidden of [aliceSignup.email, aliceSignup.phone!, aliceSignup.comment!]) expect(shown).not.toContain(hidden);
    const looks = await handle.db.select().from(accessRecords).where(eq(accessRecords.eventId, a.event.id));
    expect(looks.map((r) => [r.kind, r.actorId, r.rowCount])).toContainEqual(["host", null, 1]);
    // A made-up link, or one of another shape, reaches nothing.
    expect(await hostView("x".repeat(43))).toBeNull();
    expect(
      await outcomeOf(editHostedEvent("x".repeat(43), hostEditSchema("Europe/Vienna").parse({ startsLocal: inDays(10), endsLocal: inDays(10, 15) }))),
    ).toBe("notFound");
  });

  it("changes its own event's time within limits, and cancels it; everyone signed up is told", async () => {
    const a = await approvedHost("Protest in Klagenfurt");
    const attendee = person("Marat");
    await signUp(a.event.id, attendee, ctx());
    expect(hostEditSchema("Europe/Vienna").safeParse({ startsLocal: inDays(10), endsLocal: inDays(13) }).success).toBe(false);
    // A week at most from the approved time (day 10): further would be another event.
    await expect(
      editHostedEvent(a.token, hostEditSchema("Europe/Vienna").parse({ startsLocal: inDays(18, 16), endsLocal: inDays(18, 18) })),
    ).rejects.toMatchObject({
      messageKey: "hosts.movedTooFar",
    });
    await editHostedEvent(a.token, hostEditSchema("Europe/Vienna").parse({ startsLocal: inDays(11, 16), endsLocal: inDays(11, 18), venue: "Neuer Platz" }));
    const [moved] = await handle.db.select().from(events).where(eq(events.id, a.event.id));
    expect(moved!.venue).toBe("Neuer Platz");
    await cancelHostedEvent(a.token, "Rain");
    await deliver();
    const toAttendee = sent.filter((m) => m.to === attendee.email).map((m) => m.subject);
    expect(toAttendee.some((s) => /changed/i.test(s))).toBe(true);
    expect(toAttendee.some((s) => /cancelled/i.test(s))).toBe(true);
  });

  it("stops working when its event ends, and the host is then erased", async () => {
    const a = await approvedHost("Protest in Wels");
    const [event] = await handle.db.select().from(events).where(eq(events.id, a.event.id));
    const after = new Date(event!.endsAt.getTime() + 60_000);
    expect(await hostView(a.token, new Date(event!.endsAt.getTime() - 60_000))).not.toBeNull();
    expect(await hostView(a.token, after)).toBeNull();
    expect(await outcomeOf(cancelHostedEvent(a.token, "", after))).toBe("notFound");
    await purgeProposals(after);
    const [row] = await handle.db.select().from(eventProposals).where(eq(eventProposals.id, a.proposal.id));
    expect(row).toMatchObject({ host: null, hostTokenHash: null, status: "approved" });
  });
});

describe("the public form", () => {
  it("answers the same whether or not the address proposed before, and for a bot; it floods no inbox", async () => {
    const email = `${unique("host")}@test.example`;
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await proposeEvent(campaign.slug, form(email, { title: `Again ${i}` }), ctx()));
    answers.push(await proposeEvent(campaign.slug, form(`${unique("bot")}@test.example`, { title: "Bot", website: "http://spam.example" }), ctx()));
    expect(new Set(answers.map((a) => JSON.stringify(a ?? null))).size).toBe(1);
    await deliver();
    expect(sent.filter((m) => m.to === email)).toHaveLength(3);
    expect(await handle.db.select().from(eventProposals).where(eq(eventProposals.title, "Bot"))).toEqual([]);
  });

  it("is there only for a published campaign that accepts proposals", async () => {
    const { campaign: closed } = await makeEvent(handle, team.org.id);
    expect(await outcomeOf(proposeEvent(closed.slug, form(`${unique("host")}@test.example`), ctx()))).toBe("notFound");
    expect(await outcomeOf(proposeEvent("no-such-campaign", form(`${unique("host")}@test.example`), ctx()))).toBe("notFound");
  });
});
