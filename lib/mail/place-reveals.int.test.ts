import { randomBytes, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DbHandle } from "@/db/client";
import { campaigns, events, outbox, signups } from "@/db/schema";
import { makeEvent, makeOrg, openIsolatedTestDatabase, unique } from "@/db/testing";
import { plainMessages, sealedSignups, signupOf } from "@/db/testing/sealed";
import { cancelEvent, updateEvent } from "@/lib/events/events";
import { eventSchema } from "@/lib/events/schemas";
import { signupSchema } from "@/lib/signups/schemas";
import { cancelSignup } from "@/lib/signups/manage";
import { signUp } from "@/lib/signups/signups";
import { hashToken } from "@/lib/security/tokens";
import { instantToZonedLocal } from "@/lib/time/zones";
import { sendAttendeeMessage } from "./attendee-messages";
import { queueDuePlaceReveals } from "./place-reveals";
import { queueDueReminders, reminderTime } from "./reminders";
import { mailRound } from "./runner";
import { attendeeMessageSchema } from "./schemas";

// A hidden meeting point in the messages: none carries it before its time; confirmed attendees get it once, at its
// time, from the mail worker's round; and whoever is confirmed later gets it with their confirmation.

const EXACT = { venue: "Café Verborgen", address: "Geheimweg 12", latitude: 52.51234, longitude: 13.40123, onlineUrl: "https://meet.example/secret-room" };
const SECRETS = [EXACT.venue, EXACT.address, "52.51234", "13.40123", "secret-room"];
const GATHERING = "Near the main station";
const HOUR = 3_600_000;

let handle: DbHandle;
let closeDatabase: () => Promise<void>;
let ownUrl: string | undefined;
let orgId: string;
let organizer: { userId: string };

beforeAll(async () => {
  process.env.PICKET_PUBLIC_URL = "http://picket.test";
  ({ handle, close: closeDatabase, url: ownUrl } = await openIsolatedTestDatabase());
  const made = await makeOrg(handle, { owner: 1, organizer: 1 });
  orgId = made.org.id;
  organizer = made.people.organizer[0]!;
});
afterAll(async () => closeDatabase());

const leaks = (text: string) => SECRETS.filter((s) => text.includes(s));
const everything = (m: Awaited<ReturnType<typeof plainMessages>>[number]) =>
  [m.subject, m.textBody, m.htmlBody, ...m.attachments.map((a) => a.content)].join("\n");
const messagesOf = (eventId: string) => plainMessages(handle, eq(outbox.eventId, eventId));
const person = (name: string) => signupSchema.parse({ name, email: `${unique("p")}@test.example` });
const ctx = () => ({ client: unique("client"), locale: "en" });

/** A hidden-place event starting `startsIn` from now, its place sent two hours before. */
async function hiddenEvent(startsIn: number, overrides: Parameters<typeof makeEvent>[2] = {}, status: "published" | "draft" = "published") {
  // On a whole minute, as the event form writes times.
  const startsAt = new Date(Math.floor((Date.now() + startsIn) / 60_000) * 60_000);
  const { event, campaign } = await makeEvent(
    handle,
    orgId,
    {
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * HOUR),
      timeZone: "Europe/Berlin",
      city: "Berlin",
      country: "DE",
      ...EXACT,
      placeHidden: true,
      gatheringArea: GATHERING,
      placeRevealMinutes: 120,
      ...overrides,
    },
    status,
  );
  return { event, campaign };
}

async function addSignups(eventId: string, statuses: ("confirmed" | "waitlisted" | "cancelled")[]) {
  const rows = statuses.map((status, i) => ({
    eventId,
    name: `P${i}`,
    email: `${status}-${unique("x")}@test.example`,
    status,
    createdAt: new Date(Date.now() - HOUR),
  }));
  await handle.db.insert(signups).values(await sealedSignups(handle, rows));
  return rows;
}

describe("the reveal queue", () => {
  it("writes one message per confirmed sign-up at its time, once, whoever runs it", async () => {
    const { event } = await hiddenEvent(5 * HOUR);
    const people = await addSignups(event.id, ["confirmed", "confirmed", "waitlisted", "cancelled"]);
    const due = new Date(event.startsAt.getTime() - 2 * HOUR);
    expect(await queueDuePlaceReveals(new Date(due.getTime() - 60_000))).toBe(0);

    const after = new Date(due.getTime() + 60_000);
    const second = handle.engine === "postgres" ? await openDatabase({ url: ownUrl!, poolSize: 4 }) : handle;
    const counted = await Promise.all([queueDuePlaceReveals(after), queueDuePlaceReveals(after)]);
    if (second !== handle) await second.close();
    expect(counted[0] + counted[1]).toBe(2);
    expect(await queueDuePlaceReveals(after)).toBe(0);
    // A restart forgets nothing: the outbox's key refuses a second copy even if the event's mark were lost.
    await handle.db.update(events).set({ placeRevealedFor: null }).where(eq(events.id, event.id));
    expect(await queueDuePlaceReveals(after)).toBe(0);

    const sent = (await messagesOf(event.id)).filter((m) => m.kind === "place_revealed");
    expect(sent.map((m) => m.toAddress).sort()).toEqual([people[0]!.email, people[1]!.email].sort());
    const text = sent[0]!.textBody;
    for (const s of [EXACT.venue, EXACT.address, EXACT.onlineUrl, "mlat=52.51234&mlon=13.40123"]) expect(text).toContain(s);
    expect(sent[0]!.subject).toBe(`Meeting point: ${event.title}`);
    expect(text).not.toContain("sent to confirmed attendees at");
    const [row] = await handle.db.select().from(events).where(eq(events.id, event.id));
    expect(row!.placeRevealedFor).toEqual(event.startsAt);

    // Postponed: the new start sends it again, at its own time.
    const moved = new Date(event.startsAt.getTime() + 24 * HOUR);
    await handle.db
      .update(events)
      .set({ startsAt: moved, endsAt: new Date(moved.getTime() + HOUR) })
      .where(eq(events.id, event.id));
    expect(await queueDuePlaceReveals(after)).toBe(0);
    expect(await queueDuePlaceReveals(new Date(moved.getTime() - 2 * HOUR + 60_000))).toBe(2);
  });

  it("sends nothing for a cancelled event, a draft campaign's, or a place that is not hidden", async () => {
    const { event: cancelled } = await hiddenEvent(HOUR);
    await addSignups(cancelled.id, ["confirmed"]);
    await cancelEvent(organizer, cancelled.id, "");
    const { event: draft } = await hiddenEvent(HOUR, {}, "draft");
    await addSignups(draft.id, ["confirmed"]);
    const { event: shown } = await hiddenEvent(HOUR, { placeHidden: false });
    await addSignups(shown.id, ["confirmed"]);
    await queueDuePlaceReveals();
    for (const e of [cancelled, draft, shown]) expect((await messagesOf(e.id)).filter((m) => m.kind === "place_revealed")).toEqual([]);
    // Published later, the draft's attendees get it then.
    await handle.db.update(campaigns).set({ status: "published" }).where(eq(campaigns.id, draft.campaignId));
    expect(await queueDuePlaceReveals()).toBe(1);
  });

  it("runs in the mail worker's round", async () => {
    const { event } = await hiddenEvent(HOUR);
    await addSignups(event.id, ["confirmed"]);
    const round = await mailRound(null);
    expect(round.places).toBeGreaterThanOrEqual(1);
    expect((await messagesOf(event.id)).filter((m) => m.kind === "place_revealed")).toHaveLength(1);
  });
});

describe("messages about a hidden-place event", () => {
  it("before its time: the confirmation, its calendar file, a waitlisting, a reminder and a message carry only the public place", async () => {
    const { event } = await hiddenEvent(27 * HOUR, { capacity: 1, waitlist: true, placeRevealMinutes: 120 });
    const [a, b] = [person("A"), person("B")];
    expect((await signUp(event.id, a, ctx())).outcome).toBe("confirmed");
    expect((await signUp(event.id, b, ctx())).outcome).toBe("waitlisted");
    await queueDueReminders(new Date(reminderTime(event).getTime() + 60_000));
    await sendAttendeeMessage(
      organizer,
      event.id,
      attendeeMessageSchema.parse({ subject: "Bring water", body: "Water.", audience: "confirmed", nonce: randomUUID() }),
    );
    const mails = await messagesOf(event.id);
    expect(mails.map((m) => m.kind).sort()).toEqual(["attendee_message", "event_reminder", "signup_confirmed", "signup_waitlisted"]);
    for (const m of mails) {
      expect({ kind: m.kind, leaks: leaks(everything(m)) }).toEqual({ kind: m.kind, leaks: [] });
      expect(m.textBody).toContain(`Where: ${GATHERING}, Berlin, Germany`);
      expect(m.textBody).toMatch(/Exact meeting point: sent to confirmed attendees at .*\d{2}:\d{2}/);
    }
    const confirmation = mails.find((m) => m.kind === "signup_confirmed")!;
    expect(confirmation.attachments[0]!.content).toContain(GATHERING);
  });

  it("after its time: confirmations and messages to the confirmed carry it, to the waitlist and everyone not", async () => {
    const { event } = await hiddenEvent(HOUR, { capacity: 1, waitlist: true });
    const [a, b] = [person("A"), person("B")];
    await signUp(event.id, a, ctx());
    await signUp(event.id, b, ctx());
    await sendAttendeeMessage(organizer, event.id, attendeeMessageSchema.parse({ subject: "To all", body: "All.", audience: "all", nonce: randomUUID() }));
    await sendAttendeeMessage(
      organizer,
      event.id,
      attendeeMessageSchema.parse({ subject: "To confirmed", body: "Yes.", audience: "confirmed", nonce: randomUUID() }),
    );
    const mails = await messagesOf(event.id);
    const of = (kind: string, to?: string) => mails.filter((m) => m.kind === kind && (!to || m.toAddress === to));
    const confirmation = of("signup_confirmed")[0]!;
    for (const s of [EXACT.venue, EXACT.address, EXACT.onlineUrl]) expect(confirmation.textBody).toContain(s);
    expect(confirmation.attachments[0]!.content).toContain(EXACT.venue);
    expect(leaks(everything(of("signup_waitlisted")[0]!))).toEqual([]);
    for (const m of of("attendee_message").filter((m) => m.subject === "To all")) expect(leaks(everything(m))).toEqual([]);
    const toConfirmed = of("attendee_message").filter((m) => m.subject === "To confirmed");
    expect(toConfirmed.map((m) => m.toAddress)).toEqual([a.email]);
    expect(toConfirmed[0]!.textBody).toContain(EXACT.venue);

    // A cancels from their private link; B, promoted after its time, is told the place with their place.
    const token = randomBytes(32).toString("base64url");
    await handle.db
      .update(signups)
      .set({ manageTokenHash: hashToken(token) })
      .where(eq(signups.id, (await signupOf(handle, a.email, event.id)).id));
    await cancelSignup(token);
    const promotion = (await messagesOf(event.id)).find((m) => m.kind === "signup_promoted" && m.toAddress === b.email)!;
    for (const s of [EXACT.venue, EXACT.address, EXACT.onlineUrl]) expect(promotion.textBody).toContain(s);
  });

  it("a change tells everyone what is public, and the confirmed the new exact place once it was sent", async () => {
    const { event } = await hiddenEvent(30 * HOUR);
    const a = person("A");
    await signUp(event.id, a, ctx());
    const base = {
      title: event.title,
      kind: event.kind,
      description: "",
      startsLocal: instantToZonedLocal(event.startsAt, event.timeZone),
      endsLocal: instantToZonedLocal(event.endsAt, event.timeZone),
      timeZone: event.timeZone,
      venue: EXACT.venue,
      address: EXACT.address,
      city: "Berlin",
      country: "DE",
      latitude: String(EXACT.latitude),
      longitude: String(EXACT.longitude),
      onlineUrl: EXACT.onlineUrl,
      roles: "steward, observer",
      placeHidden: "on",
      gatheringArea: GATHERING,
      placeRevealMinutes: "120",
    };
    const changes = async () => (await messagesOf(event.id)).filter((m) => m.kind === "event_changed" || m.kind === "place_revealed");
    // Only the hidden venue moves: the public have nothing new to hear.
    await updateEvent(organizer, event.id, eventSchema.parse({ ...base, venue: "Other Hidden Hall" }));
    expect(await changes()).toEqual([]);
    // The gathering area moves: said to everyone, without the exact place.
    await updateEvent(organizer, event.id, eventSchema.parse({ ...base, venue: "Other Hidden Hall", gatheringArea: "Behind the town hall" }));
    const [changed] = await changes();
    expect(changed!.kind).toBe("event_changed");
    expect(changed!.textBody).toContain("Now: Behind the town hall, Berlin, Germany");
    expect(leaks(everything(changed!))).toEqual([]);
    expect(everything(changed!)).not.toContain("Other Hidden Hall");

    // Once sent, a new exact place goes to the confirmed attendees as a new meeting point.
    await handle.db.update(events).set({ placeRevealedFor: event.startsAt }).where(eq(events.id, event.id));
    await updateEvent(organizer, event.id, eventSchema.parse({ ...base, venue: "Third Hall", gatheringArea: "Behind the town hall" }));
    const moved = (await changes()).filter((m) => m.kind === "place_revealed");
    expect(moved.map((m) => m.toAddress)).toEqual([a.email]);
    expect(moved[0]!.textBody).toContain("has changed");
    expect(moved[0]!.textBody).toContain("Third Hall");
  });
});
