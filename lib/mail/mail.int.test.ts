import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DbHandle } from "@/db/client";
import { events, outbox, signups } from "@/db/schema";
import { makeEvent, makeOrg, openIsolatedTestDatabase, unique } from "@/db/testing";
import { cancelEvent, postponeEvent, updateEvent } from "@/lib/events/events";
import { eventSchema } from "@/lib/events/schemas";
import { createInvitation } from "@/lib/orgs/invitations";
import { createInvitationSchema } from "@/lib/orgs/schemas";
import { saveCampaignTranslation, saveEventTranslation } from "@/lib/translations/translations";
import { campaignTranslationSchema, eventTranslationSchema } from "@/lib/translations/schemas";
import { instantToZonedLocal } from "@/lib/time/zones";
import { signupSchema } from "@/lib/signups/schemas";
import { cancelSignup, eraseSignup, getSignupByToken } from "@/lib/signups/manage";
import { signUp } from "@/lib/signups/signups";
import { hashToken } from "@/lib/security/tokens";
import { eraseEventPersonalData } from "@/lib/retention/retention";
import { sendAttendeeMessage } from "./attendee-messages";
import { enqueue, purgeOldMessages } from "./outbox";
import { queueDueReminders, reminderTime } from "./reminders";
import { compose } from "./render";
import { attendeeMessageSchema } from "./schemas";
import { startSmtpServer, type TestSmtpServer } from "./smtp-test-server";
import { backoffMs, deliverDue, smtpTransport, type MailTransport } from "./worker";
import { plainMessages, sealedSignups, signupOf } from "@/db/testing/sealed";

const ORIGIN = "http://picket.test";
// A database of its own: the worker and the reminders act on every row, other files' included.
let handle: DbHandle;
let closeDatabase: () => Promise<void>;
let ownUrl: string | undefined;
let orgId: string;
let organizer: { userId: string };
let owner: { userId: string };
let smtp: TestSmtpServer;
let transport: MailTransport;

beforeAll(async () => {
  process.env.PICKET_PUBLIC_URL = ORIGIN;
  ({ handle, close: closeDatabase, url: ownUrl } = await openIsolatedTestDatabase());
  const made = await makeOrg(handle, { owner: 1, organizer: 1 });
  orgId = made.org.id;
  organizer = made.people.organizer[0]!;
  owner = made.people.owner[0]!;
  smtp = await startSmtpServer();
  transport = smtpTransport(smtp.url, "Picket <mail@picket.test>");
});
afterAll(async () => {
  transport.close?.();
  await smtp.close();
  await closeDatabase();
});
afterEach(async () => {
  // Each test reads only what it caused.
  await deliverDue({ transport, log: () => {} });
  smtp.received.length = 0;
});

const quiet = { log: () => {} };
const person = (name: string) => signupSchema.parse({ name, email: `${unique("p")}@test.example` });
const ctx = () => ({ client: unique("client"), locale: "en" });
const to = (email: string) => smtp.received.filter((m) => m.to === email);
const outboxOf = (signupId: string) => plainMessages(handle, eq(outbox.signupId, signupId));
const signupId = async (email: string) => (await signupOf(handle, email)).id;
/** Messages of the delivery tests, found by the tag in their addresses. */
const tagged = async (tag: string) =>
  (await plainMessages(handle)).filter((m) => m.toAddress?.startsWith(`${tag}-`)).sort((a, b) => a.toAddress!.localeCompare(b.toAddress!));
/** The private link's token in a delivered message. */
const linkIn = (text: string) => {
  const found = text.match(new RegExp(`${ORIGIN}/s/([A-Za-z0-9_-]{43})`));
  if (!found) throw new Error(`no private link in: ${text}`);
  return found[1]!;
};
/** Delivers what is due and returns the private link the person's newest message carries. */
const deliveredLink = async (email: string) => {
  await deliverDue({ transport, ...quiet });
  const carrying = to(email).filter((m) => m.text.includes("/s/"));
  return linkIn(carrying.at(-1)!.text);
};

describe("messages about a person's own sign-up", () => {
  it("a confirmation arrives once, with a private link made as it is sent, and the event's calendar file", async () => {
    const { event } = await makeEvent(handle, orgId, { title: "Vigil for Zhanaozen", timeZone: "Asia/Aqtau", city: "Aktau", country: "KZ" });
    const ana = person("Ana Kowalska");
    expect(await signUp(event.id, ana, ctx())).toEqual({ outcome: "confirmed", stored: true });
    // Until it is sent, the link exists nowhere: neither its hash in the sign-up nor itself in the message.
    expect((await signupOf(handle, ana.email)).manageTokenHash).toBeNull();
    expect((await outboxOf(await signupId(ana.email)))[0]!.textBody).not.toMatch(/\/s\/[A-Za-z0-9_-]{43}/);

    await deliverDue({ transport, ...quiet });
    await deliverDue({ transport, ...quiet });
    const [mail] = to(ana.email);
    expect(to(ana.email)).toHaveLength(1);
    expect(mail!.subject).toBe("You're signed up: Vigil for Zhanaozen");
    expect(mail!.text).toContain("Hello Ana Kowalska,");
    const token = linkIn(mail!.text);
    expect((await signupOf(handle, ana.email)).manageTokenHash).toBe(hashToken(token));
    expect((await getSignupByToken(token))?.name).toBe("Ana Kowalska");
    // The time in the event's own zone, named.
    expect(mail!.text).toContain(instantToZonedLocal(event.startsAt, "Asia/Aqtau").slice(11, 16));
    expect(mail!.html).toContain(`<a href="${ORIGIN}/s/${token}">`);
    expect(mail!.html).toContain("<p>Hello Ana Kowalska,</p>");
    expect(mail!.html).not.toMatch(/<img/i);
    expect(mail!.attachments).toHaveLength(1);
    expect(mail!.attachments[0]!.filename).toBe(`${event.slug}.ics`);
    expect(mail!.attachments[0]!.content).toContain("BEGIN:VEVENT");
    expect(mail!.attachments[0]!.content).toContain("SUMMARY:Vigil for Zhanaozen");
    // Delivered: the body is not kept.
    const [row] = await outboxOf(await signupId(ana.email));
    expect(row).toMatchObject({ status: "sent", kind: "signup_confirmed", textBody: "", htmlBody: "", attachments: [] });
  });

  it("waitlisted people learn their position; a cancellation promotes the first, who is told without a new link", async () => {
    const { event } = await makeEvent(handle, orgId, { capacity: 1, waitlist: true });
    const firstPerson = person("First");
    await signUp(event.id, firstPerson, ctx());
    const secondPerson = person("Second");
    expect(await signUp(event.id, secondPerson, ctx())).toEqual({ outcome: "waitlisted", position: 1, stored: true });
    const firstLink = await deliveredLink(firstPerson.email);
    const [waiting] = to(secondPerson.email);
    expect(waiting!.subject).toMatch(/^You're on the waitlist/);
    expect(waiting!.text).toContain("number 1");
    const secondLink = linkIn(waiting!.text);

    await cancelSignup(firstLink);
    await deliverDue({ transport, ...quiet });
    const promoted = to(secondPerson.email).filter((m) => m.subject.startsWith("A place is yours"));
    expect(promoted).toHaveLength(1);
    expect(promoted[0]!.text).not.toContain("/s/");
    expect(promoted[0]!.text).toContain("is in your confirmation email");
    expect(promoted[0]!.attachments[0]!.filename).toBe(`${event.slug}.ics`);
    // The link from the waitlist message still works, and says so.
    expect((await getSignupByToken(secondLink))?.status).toBe("confirmed");
  });

  it("signing up again emails a new private link, at most once an hour; each new one ends the one before", async () => {
    const { event } = await makeEvent(handle, orgId);
    const ana = person("Ana");
    await signUp(event.id, ana, ctx());
    const firstLink = await deliveredLink(ana.email);
    const t0 = new Date();
    expect(await signUp(event.id, { ...ana, name: "Someone else" }, { ...ctx(), now: t0 })).toEqual({ outcome: "confirmed", stored: false });
    expect(await signUp(event.id, ana, { ...ctx(), now: new Date(t0.getTime() + 30 * 60_000) })).toEqual({ outcome: "confirmed", stored: false });
    await deliverDue({ transport, ...quiet });
    const links = to(ana.email).filter((m) => m.subject.startsWith("Your sign-up for"));
    expect(links).toHaveLength(1);
    expect(links[0]!.text).toContain("Hello Ana,");
    expect(links[0]!.text).toContain("the one you had before no longer works");
    const secondLink = linkIn(links[0]!.text);
    expect(secondLink).not.toBe(firstLink);
    expect(await getSignupByToken(firstLink)).toBeNull();
    expect((await getSignupByToken(secondLink))?.name).toBe("Ana");

    const later = new Date(t0.getTime() + 61 * 60_000);
    await signUp(event.id, ana, { ...ctx(), now: later });
    await deliverDue({ transport, now: () => later, ...quiet });
    expect(to(ana.email).filter((m) => m.subject.startsWith("Your sign-up for"))).toHaveLength(2);
  });

  it("a refused sign-up writes no message: the message lives and dies with its transaction", async () => {
    const { event } = await makeEvent(handle, orgId, { roles: ["steward"] });
    const ana = signupSchema.parse({ name: "Ana", email: `${unique("p")}@test.example`, role: "no such role" });
    await expect(signUp(event.id, ana, ctx())).rejects.toThrow("signups.roleUnknown");
    expect(await handle.db.select().from(outbox).where(eq(outbox.eventId, event.id))).toHaveLength(0);
  });

  it("erasure takes the messages to that person with it, sent or not", async () => {
    const { event } = await makeEvent(handle, orgId);
    const ana = person("Ana");
    await signUp(event.id, ana, ctx());
    const link = await deliveredLink(ana.email);
    const id = await signupId(ana.email);
    expect(await outboxOf(id)).toHaveLength(1);
    await eraseSignup(link);
    expect(await outboxOf(id)).toHaveLength(0);

    // The event's erasure (retention's, here run early by an organizer) does the same.
    const ben = person("Ben");
    await signUp(event.id, ben, ctx());
    const benId = await signupId(ben.email);
    expect(await outboxOf(benId)).toHaveLength(1);
    await eraseEventPersonalData(organizer, event.id);
    expect(await outboxOf(benId)).toHaveLength(0);
  });
});

describe("messages about an event to everyone signed up", () => {
  it("a new time reaches the confirmed and the waitlisted, old and new in the event's zone; the cancelled hear nothing", async () => {
    const startsAt = new Date("2031-03-14T09:00:00Z");
    const { event } = await makeEvent(handle, orgId, {
      startsAt,
      endsAt: new Date("2031-03-14T11:00:00Z"),
      timeZone: "Europe/Warsaw",
      city: "Warsaw",
      country: "PL",
      capacity: 1,
      waitlist: true,
    });
    const [a, b, c] = [person("A"), person("B"), person("C")];
    await signUp(event.id, a, ctx());
    await signUp(event.id, b, ctx());
    await signUp(event.id, c, ctx());
    await cancelSignup(await deliveredLink(c.email));
    await deliverDue({ transport, ...quiet });
    smtp.received.length = 0;

    await postponeEvent(organizer, event.id, {
      startsAt: new Date("2031-03-21T09:00:00Z"),
      endsAt: new Date("2031-03-21T11:00:00Z"),
      reason: "The court moved the hearing",
    });
    await deliverDue({ transport, ...quiet });
    expect(smtp.received.map((m) => m.to).sort()).toEqual([a.email, b.email].sort());
    const mail = to(a.email)[0]!;
    expect(mail.subject).toBe(`Changed: ${event.title}`);
    expect(mail.text).toMatch(/Before: .*14 Mar 2031, 10:00/);
    expect(mail.text).toMatch(/Now: .*21 Mar 2031, 10:00/);
    expect(mail.text).toContain("Why: The court moved the hearing");
  });

  it("an edit that moves the place tells people; one that changes only the text does not", async () => {
    const startsAt = new Date("2031-05-01T11:00:00Z");
    const { event } = await makeEvent(handle, orgId, {
      startsAt,
      endsAt: new Date("2031-05-01T13:00:00Z"),
      venue: "Embassy",
      address: "1 Main St",
      city: "London",
    });
    const a = person("A");
    await signUp(event.id, a, ctx());
    await deliverDue({ transport, ...quiet });
    smtp.received.length = 0;
    const base = {
      title: event.title,
      kind: event.kind,
      description: "New words",
      startsLocal: instantToZonedLocal(event.startsAt, event.timeZone),
      endsLocal: instantToZonedLocal(event.endsAt, event.timeZone),
      timeZone: event.timeZone,
      venue: "Embassy",
      address: "1 Main St",
      city: "London",
      country: "GB",
      roles: "steward, observer",
    };
    await updateEvent(organizer, event.id, eventSchema.parse(base));
    await deliverDue({ transport, ...quiet });
    expect(smtp.received).toHaveLength(0);

    await updateEvent(organizer, event.id, eventSchema.parse({ ...base, venue: "Consulate", address: "9 Side St" }));
    await deliverDue({ transport, ...quiet });
    expect(to(a.email)).toHaveLength(1);
    expect(to(a.email)[0]!.text).toContain("Before: Embassy, 1 Main St, London, United Kingdom");
    expect(to(a.email)[0]!.text).toContain("Now: Consulate, 9 Side St, London, United Kingdom");
  });

  it("a cancellation reaches everyone still signed up, once", async () => {
    const { event } = await makeEvent(handle, orgId);
    const [a, b] = [person("A"), person("B")];
    await signUp(event.id, a, ctx());
    await signUp(event.id, b, ctx());
    await deliverDue({ transport, ...quiet });
    smtp.received.length = 0;
    await cancelEvent(organizer, event.id, "Permit refused");
    await cancelEvent(organizer, event.id, "Permit refused");
    await deliverDue({ transport, ...quiet });
    expect(smtp.received.map((m) => m.to).sort()).toEqual([a.email, b.email].sort());
    expect(smtp.received[0]!.text).toContain("Why: Permit refused");
  });
});

describe("in the supporter's language", () => {
  it("titles are the organizers' translation where there is one, the original elsewhere, in every kind of message", async () => {
    const { event, campaign } = await makeEvent(handle, orgId, { title: "Protest at the embassy", capacity: 1, waitlist: true });
    await saveEventTranslation(organizer, event.id, eventTranslationSchema.parse({ locale: "ru", title: "Пикет у посольства" }));
    await saveCampaignTranslation(organizer, campaign.id, campaignTranslationSchema.parse({ locale: "ru", title: "День солидарности" }));
    const english = person("Ann");
    const russian = person("Анна");
    await signUp(event.id, english, ctx());
    await signUp(event.id, russian, { ...ctx(), locale: "ru" });
    await cancelSignup(await deliveredLink(english.email)); // the Russian reader is promoted
    await deliverDue({ transport, ...quiet });

    const [confirmed] = to(english.email);
    expect(confirmed!.subject).toBe("You're signed up: Protest at the embassy");
    expect(confirmed!.text).not.toContain("Пикет");
    const ru = to(russian.email);
    expect(ru.map((m) => m.subject)).toEqual(expect.arrayContaining([expect.stringContaining("Пикет у посольства")]));
    for (const m of ru) {
      expect(m.subject).toContain("Пикет у посольства");
      expect(m.text).toContain("«Пикет у посольства»");
      expect(m.text).not.toContain("Protest at the embassy");
    }
    const promoted = ru.find((m) => m.attachments.length)!;
    expect(promoted.attachments[0]!.content).toContain("SUMMARY:Пикет у посольства");

    smtp.received.length = 0;
    await cancelEvent(organizer, event.id, "Permit refused");
    await deliverDue({ transport, ...quiet });
    expect(to(russian.email)[0]!.subject).toBe("Отменено: Пикет у посольства");
  });
});

describe("messages from the organisation", () => {
  it("an invitation reaches the invited address once, with its one-time link", async () => {
    const email = `${unique("invited")}@test.example`;
    const created = await createInvitation(owner, orgId, createInvitationSchema.parse({ role: "organizer", email }));
    await deliverDue({ transport, ...quiet });
    await deliverDue({ transport, ...quiet });
    expect(to(email)).toHaveLength(1);
    expect(to(email)[0]!.subject).toBe("Join Org on Picket");
    expect(to(email)[0]!.text).toContain(`as an organizer. The link works once, within seven days: ${ORIGIN}/invite/${created.token}`);
  });

  it("an organizer's message reaches each person of the chosen audience once, with the organizer's words", async () => {
    const { event } = await makeEvent(handle, orgId, { capacity: 1, waitlist: true, roles: ["steward"] });
    const [a, b] = [person("A"), person("B")];
    await signUp(event.id, a, ctx());
    await signUp(event.id, b, ctx());
    await deliverDue({ transport, ...quiet });
    smtp.received.length = 0;
    const input = attendeeMessageSchema.parse({
      subject: "Bring warm clothes",
      body: "It will be cold outside the embassy.\nMeet at the corner.",
      audience: "confirmed",
      nonce: randomUUID(),
    });
    await sendAttendeeMessage(organizer, event.id, input);
    await sendAttendeeMessage(organizer, event.id, input);
    await deliverDue({ transport, ...quiet });
    expect(smtp.received.map((m) => m.to)).toEqual([a.email]);
    expect(smtp.received[0]!.subject).toBe("Bring warm clothes");
    expect(smtp.received[0]!.text).toContain("It will be cold outside the embassy.\nMeet at the corner.");
    expect(smtp.received[0]!.html).toContain("It will be cold outside the embassy.<br>Meet at the corner.");
  });
});

describe("reminders", () => {
  it("fall on the same wall-clock time the day before, in the event's zone, across a clock change", () => {
    // London moves to summer time on 30 March 2031: 12:00 BST on the 30th is 11:00 UTC; 12:00 GMT on the 29th is 12:00 UTC.
    expect(reminderTime({ startsAt: new Date("2031-03-30T11:00:00Z"), timeZone: "Europe/London" }).toISOString()).toBe("2031-03-29T12:00:00.000Z");
    expect(reminderTime({ startsAt: new Date("2031-06-10T06:15:00Z"), timeZone: "Asia/Kathmandu" }).toISOString()).toBe("2031-06-09T06:15:00.000Z");
  });

  it("are queued once across two workers and restarts, not for people who signed up in the last 24 hours", async () => {
    const startsAt = new Date(Date.now() + 3 * 86_400_000);
    const { event } = await makeEvent(handle, orgId, { startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000) });
    const early = person("Early");
    const late = person("Late");
    const waiting = person("Waiting");
    await signUp(event.id, early, { ...ctx(), now: new Date(startsAt.getTime() - 2 * 86_400_000) });
    await signUp(event.id, late, { ...ctx(), now: new Date(startsAt.getTime() - 3 * 3_600_000) });
    await handle.db
      .insert(signups)
      .values(
        await sealedSignups(handle, [
          { eventId: event.id, name: waiting.name, email: waiting.email, status: "waitlisted", createdAt: new Date(startsAt.getTime() - 2 * 86_400_000) },
        ]),
      );
    await deliverDue({ transport, ...quiet });
    smtp.received.length = 0;

    const due = reminderTime(event);
    expect(await queueDueReminders(new Date(due.getTime() - 60_000))).toBe(0);
    const after = new Date(due.getTime() + 60_000);
    const second = handle.engine === "postgres" ? await openDatabase({ url: ownUrl!, poolSize: 4 }) : handle;
    const [one, two] = await Promise.all([queueDueReminders(after), queueDueReminders(after)]);
    expect(one + two).toBe(1);
    // A restart forgets nothing: the event says its reminders are queued, and the key refuses a second copy.
    await handle.db.update(events).set({ remindersQueuedFor: null }).where(eq(events.id, event.id));
    expect(await queueDueReminders(after)).toBe(0);
    await Promise.all([deliverDue({ transport, now: () => after, ...quiet }), deliverDue({ transport, db: second.db, now: () => after, ...quiet })]);
    if (second !== handle) await second.close();
    // (The confirmations, written at the sign-ups' own times, fall due now too.)
    const reminders = smtp.received.filter((m) => m.subject === `Reminder: ${event.title}`);
    expect(reminders.map((m) => m.to)).toEqual([early.email]);
    expect(reminders[0]!.text).toContain("is coming up");

    // A new date: a new reminder for it.
    const moved = new Date(startsAt.getTime() + 7 * 86_400_000);
    await handle.db
      .update(events)
      .set({ startsAt: moved, endsAt: new Date(moved.getTime() + 3_600_000) })
      .where(eq(events.id, event.id));
    expect(await queueDueReminders(new Date(reminderTime({ startsAt: moved, timeZone: event.timeZone }).getTime() + 60_000))).toBe(2);
  });
});

// On PostgreSQL the other test files share the database and write messages of their own:
// these tests write theirs in 2001 and deliver with a clock set then, so only theirs are due.
describe("delivery", () => {
  const then = new Date("2001-06-01T12:00:00Z");
  const queue = async (n: number, tag: string) => {
    const mails = Array.from({ length: n }, (_, i) => ({
      orgId,
      kind: "attendee_message" as const,
      to: `${tag}-${i}@test.example`,
      locale: "en",
      mail: compose(`${tag} ${i}`, [`Message ${i}`]),
    }));
    for (let i = 0; i < mails.length; i += 100) await enqueue(handle.db, mails.slice(i, i + 100), then);
  };

  it("an SMTP failure is retried with growing waits and ends visible as failed after the last attempt", async () => {
    const tag = unique("fail");
    await queue(1, tag);
    const [row] = await tagged(tag);
    let now = then;
    const clock = () => now;
    const lines: string[] = [];
    const options = { transport, now: clock, maxAttempts: 3, retryBaseMs: 60_000, log: (l: string) => lines.push(l) };
    smtp.failNext(3, "451 Mailbox busy");

    expect(await deliverDue(options)).toMatchObject({ sent: 0, retrying: 1 });
    let [state] = await handle.db.select().from(outbox).where(eq(outbox.id, row!.id));
    expect(state).toMatchObject({ status: "pending", attempts: 1 });
    expect(state!.lastError).toContain("Mailbox busy");
    expect(state!.nextAttemptAt.getTime()).toBe(now.getTime() + 60_000);
    // Not due yet: nothing is tried.
    expect(await deliverDue(options)).toMatchObject({ retrying: 0, failed: 0 });

    now = new Date(now.getTime() + 60_000);
    expect(await deliverDue(options)).toMatchObject({ retrying: 1 });
    [state] = await handle.db.select().from(outbox).where(eq(outbox.id, row!.id));
    expect(state!.nextAttemptAt.getTime()).toBe(now.getTime() + 120_000);

    now = new Date(now.getTime() + 120_000);
    expect(await deliverDue(options)).toMatchObject({ failed: 1 });
    [state] = await handle.db.select().from(outbox).where(eq(outbox.id, row!.id));
    expect(state).toMatchObject({ status: "failed", attempts: 3 });
    expect(state!.lastError).toContain("Mailbox busy");
    expect(lines.at(-1)).toMatch(/failed for good \(attempt 3 of 3\)/);
    expect(lines.join("\n")).not.toContain(`${tag}-0@test.example`);
    expect(smtp.received).toHaveLength(0);
    expect(backoffMs(4, 60_000)).toBe(480_000);
  });

  it("an SMTP reply that names the recipient is kept and logged without the address", async () => {
    const tag = unique("reject");
    await queue(1, tag);
    const lines: string[] = [];
    smtp.failNext(1, `550 5.1.1 <${tag}-0@test.example>: Recipient address rejected`);
    await deliverDue({ transport, now: () => then, maxAttempts: 1, log: (l: string) => lines.push(l) });
    const [state] = await tagged(tag);
    expect(state).toMatchObject({ status: "failed" });
    expect(state!.lastError).toContain("<address>: Recipient address rejected");
    expect(state!.lastError).not.toContain("@test.example");
    expect(lines.join("\n")).not.toContain("@test.example");
  });

  it("two workers at once deliver 500 messages exactly once each", { timeout: 60_000 }, async () => {
    const tag = unique("many");
    await queue(500, tag);
    const second = handle.engine === "postgres" ? await openDatabase({ url: ownUrl!, poolSize: 4 }) : handle;
    const at = { now: () => then, batchSize: 10, ...quiet };
    const [r1, r2] = await Promise.all([deliverDue({ transport, ...at }), deliverDue({ transport, db: second.db, ...at })]);
    if (second !== handle) await second.close();
    expect(r1.sent + r2.sent).toBe(500);
    if (handle.engine === "postgres") expect(Math.min(r1.sent, r2.sent)).toBeGreaterThan(0);
    const mine = smtp.received.filter((m) => m.to.startsWith(`${tag}-`));
    expect(mine).toHaveLength(500);
    expect(new Set(mine.map((m) => m.to)).size).toBe(500);
    expect(new Set(mine.map((m) => m.messageId)).size).toBe(500);
    const rows = await tagged(tag);
    expect(rows.filter((r) => r.status === "sent")).toHaveLength(500);
  });

  it("without SMTP, messages are held in the outbox and logged without the address", async () => {
    const tag = unique("held");
    await queue(2, tag);
    const lines: string[] = [];
    expect(await deliverDue({ transport: null, now: () => then, log: (l) => lines.push(l) })).toMatchObject({ held: 2 });
    expect(lines).toHaveLength(2);
    // By row and kind only: no address, no hash of one, no subject.
    expect(lines[0]).toMatch(/^picket: mail held \(no SMTP_URL\): [a-z_]+ [0-9a-f-]{36}$/);
    expect(lines.join()).not.toContain("@test.example");
    expect(lines.join()).not.toContain(tag); // the subject
    const rows = await tagged(tag);
    expect(rows[0]).toMatchObject({ status: "held" });
    expect(rows[0]!.textBody).toContain("Message 0");
  });

  it("records of messages done with are forgotten after 30 days, addresses included; pending ones stay", async () => {
    const tag = unique("old");
    await queue(3, tag);
    const [sent, held, pending] = await tagged(tag);
    await handle.db.update(outbox).set({ status: "sent" }).where(eq(outbox.id, sent!.id));
    await handle.db.update(outbox).set({ status: "held" }).where(eq(outbox.id, held!.id));
    // Recent enough: nothing goes.
    await purgeOldMessages(handle.db, new Date(then.getTime() + 29 * 86_400_000));
    expect(await tagged(tag)).toHaveLength(3);
    await purgeOldMessages(handle.db, new Date(then.getTime() + 31 * 86_400_000));
    const left = await tagged(tag);
    expect(left.map((r) => r.id)).toEqual([pending!.id]);
  });
});
