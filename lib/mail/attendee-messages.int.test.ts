import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditLog, outbox, signups } from "@/db/schema";
import { plainMessages, signupOf } from "@/db/testing/sealed";
import { closeTestDatabase, makeEvent, makeOrg, openTestDatabase, unique } from "@/db/testing";
import { ForbiddenError, NotFoundError, PublicError } from "@/lib/errors";
import { signupSchema } from "@/lib/signups/schemas";
import { signUpWithLink } from "@/db/testing/links";
import { cancelSignup } from "@/lib/signups/manage";
import { previewAttendeeMessage, sendAttendeeMessage } from "./attendee-messages";
import { attendeeMessageSchema, type AttendeeMessageInput } from "./schemas";

const ORIGIN = "http://picket.test";
let handle: DbHandle;
let orgId: string;
let owner: { userId: string };
let organizer: { userId: string };
let coordinator: { userId: string };
let otherOwner: { userId: string };
let eventId: string;
let eventSlug: string;
let campaignSlug: string;

const ctx = () => ({ client: unique("c"), locale: "en", origin: ORIGIN });
const message = (overrides: Partial<Record<keyof AttendeeMessageInput, string>> = {}): AttendeeMessageInput =>
  attendeeMessageSchema.parse({
    subject: "Bring warm clothes",
    body: "It will be cold at the embassy.\nStewards meet at 11:30.",
    audience: "all",
    nonce: crypto.randomUUID(),
    ...overrides,
  });
const messagesOf = (nonce: string) => plainMessages(handle, like(outbox.dedupeKey, `message:${nonce}:%`));
const auditOf = (nonce: string) =>
  handle.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, "message.send"), eq(auditLog.orgId, orgId), eq(auditLog.idempotencyKey, nonce)));

// Three confirmed (steward, observer, none), two waitlisted (steward, none), one cancelled; the steward checked in.
const people = [
  { name: "Ana", role: "steward" },
  { name: "Bolat", role: "observer" },
  { name: "Chen", role: "" },
  { name: "Dana", role: "steward" },
  { name: "Erlan", role: "" },
  { name: "Farida", role: "observer" },
];
const emails: Record<string, string> = {};

beforeAll(async () => {
  process.env.PICKET_PUBLIC_URL = ORIGIN;
  handle = await openTestDatabase();
  const made = await makeOrg(handle, { owner: 1, organizer: 1, coordinator: 1 });
  orgId = made.org.id;
  owner = made.people.owner[0]!;
  organizer = made.people.organizer[0]!;
  coordinator = made.people.coordinator[0]!;
  otherOwner = (await makeOrg(handle, { owner: 1 })).people.owner[0]!;
  const { event, campaign } = await makeEvent(handle, orgId, { capacity: 3, waitlist: true, roles: ["steward", "observer"], title: "Picket at the embassy" });
  eventId = event.id;
  eventSlug = event.slug;
  campaignSlug = campaign.slug;
  const tokens: Record<string, string> = {};
  for (const p of people) {
    emails[p.name] = `${unique(p.name.toLowerCase())}@test.example`;
    tokens[p.name] = (await signUpWithLink(handle, eventId, signupSchema.parse({ name: p.name, email: emails[p.name], role: p.role }), ctx())).token;
  }
  await cancelSignup(tokens.Farida!);
  await handle.db
    .update(signups)
    .set({ checkedInAt: new Date(), checkedInBy: coordinator.userId })
    .where(eq(signups.id, (await signupOf(handle, emails.Ana!, eventId)).id));
});
afterAll(closeTestDatabase);

describe("preview", () => {
  it.each([
    ["all", null, 5],
    ["confirmed", null, 3],
    ["waitlisted", null, 2],
    ["checked_in", null, 1],
    ["all", "steward", 2],
    ["confirmed", "steward", 1],
    ["waitlisted", "observer", 0],
  ] as const)("audience %s, role %s: %i people", async (audience, role, count) => {
    const preview = await previewAttendeeMessage(organizer, eventId, message({ audience, role: role ?? "" }));
    expect(preview.count).toBe(count);
  });

  it("shows the text as it will be sent: greeting, the organizer's words, the event, who sent it", async () => {
    const preview = await previewAttendeeMessage(owner, eventId, message());
    expect(preview.subject).toBe("Bring warm clothes");
    const text = preview.text;
    expect(text.startsWith("Hello,\n\nIt will be cold at the embassy.\nStewards meet at 11:30.\n\n")).toBe(true);
    expect(text).toContain(`The event: ${ORIGIN}/c/${campaignSlug}/${eventSlug}`);
    expect(text).toContain("Sent by Org through Picket to the people signed up for Picket at the embassy.");
  });

  it("refuses a role the event does not have, next to the role field", async () => {
    const refused = previewAttendeeMessage(organizer, eventId, message({ role: "speaker" }));
    await expect(refused).rejects.toBeInstanceOf(PublicError);
    await expect(refused).rejects.toMatchObject({ messageKey: "attendeeMessages.errors.role", field: "role" });
  });

  it("is for organizers and owners of the event's organisation only", async () => {
    await expect(previewAttendeeMessage(coordinator, eventId, message())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(previewAttendeeMessage(otherOwner, eventId, message())).rejects.toBeInstanceOf(NotFoundError);
    await expect(previewAttendeeMessage(null, eventId, message())).rejects.toBeInstanceOf(NotFoundError);
    await expect(previewAttendeeMessage(organizer, crypto.randomUUID(), message())).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("send", () => {
  it("writes one copy per person in the audience, and its audit row with the count, together", async () => {
    const input = message({ audience: "confirmed", subject: "Meeting point moved" });
    const sent = await sendAttendeeMessage(organizer, eventId, input);
    expect(sent).toEqual({ count: 3, repeated: false });
    const rows = await messagesOf(input.nonce);
    expect(rows.map((r) => r.toAddress).sort()).toEqual([emails.Ana, emails.Bolat, emails.Chen].sort());
    for (const r of rows) {
      expect(r).toMatchObject({ kind: "attendee_message", orgId, eventId, subject: "Meeting point moved", status: "pending", locale: "en" });
      expect(r.textBody).toContain("Stewards meet at 11:30.");
      expect(r.htmlBody).toContain("Stewards meet at 11:30.");
    }
    const [audit, ...more] = await auditOf(input.nonce);
    expect(more).toHaveLength(0);
    expect(audit).toMatchObject({ action: "message.send", actorId: organizer.userId, eventId, rowCount: 3 });
    expect(audit!.details).toMatchObject({ subject: "Meeting point moved", audience: "confirmed", role: null });
    // The form's key has a column of its own, not a place in the details the export log shows.
    expect(audit!.idempotencyKey).toBe(input.nonce);
    expect(audit!.details).not.toHaveProperty("nonce");
  });

  it("a role within a status reaches only those people", async () => {
    const input = message({ audience: "all", role: "steward" });
    expect(await sendAttendeeMessage(owner, eventId, input)).toEqual({ count: 2, repeated: false });
    expect((await messagesOf(input.nonce)).map((r) => r.toAddress).sort()).toEqual([emails.Ana, emails.Dana].sort());
    expect((await auditOf(input.nonce))[0]).toMatchObject({ actorId: owner.userId, rowCount: 2, details: { role: "steward", audience: "all" } });
  });

  it("the same form sent twice writes nothing the second time", async () => {
    const input = message();
    expect(await sendAttendeeMessage(organizer, eventId, input)).toEqual({ count: 5, repeated: false });
    expect(await sendAttendeeMessage(organizer, eventId, input)).toEqual({ count: 5, repeated: true });
    expect(await messagesOf(input.nonce)).toHaveLength(5);
    expect(await auditOf(input.nonce)).toHaveLength(1);
    // Two submits at once: still one copy each and one audit row.
    const twice = message({ audience: "waitlisted" });
    const results = await Promise.all([sendAttendeeMessage(organizer, eventId, twice), sendAttendeeMessage(organizer, eventId, twice)]);
    expect(results.map((r) => r.repeated).sort()).toEqual([false, true]);
    expect(await messagesOf(twice.nonce)).toHaveLength(2);
    expect(await auditOf(twice.nonce)).toHaveLength(1);
  });

  it("an audience with nobody in it is refused and leaves no trace", async () => {
    const input = message({ audience: "waitlisted", role: "observer" });
    await expect(sendAttendeeMessage(organizer, eventId, input)).rejects.toMatchObject({ messageKey: "attendeeMessages.errors.nobody" });
    expect(await messagesOf(input.nonce)).toHaveLength(0);
    expect(await auditOf(input.nonce)).toHaveLength(0);
  });

  it("coordinators, other organisations' owners and anonymous visitors write nothing", async () => {
    for (const [actor, error] of [
      [coordinator, ForbiddenError],
      [otherOwner, NotFoundError],
      [null, NotFoundError],
    ] as const) {
      const input = message();
      await expect(sendAttendeeMessage(actor, eventId, input)).rejects.toBeInstanceOf(error);
      expect(await messagesOf(input.nonce)).toHaveLength(0);
      expect(await auditOf(input.nonce)).toHaveLength(0);
    }
  });
});

describe("the form's schema", () => {
  it("keeps subject and text within their limits and asks for a nonce", () => {
    const base = { subject: "s", body: "b", audience: "all", nonce: crypto.randomUUID() };
    expect(attendeeMessageSchema.safeParse({ ...base, subject: "x".repeat(201) }).success).toBe(false);
    expect(attendeeMessageSchema.safeParse({ ...base, body: "x".repeat(10_001) }).success).toBe(false);
    expect(attendeeMessageSchema.safeParse({ ...base, body: "   " }).success).toBe(false);
    expect(attendeeMessageSchema.safeParse({ ...base, audience: "cancelled" }).success).toBe(false);
    expect(attendeeMessageSchema.safeParse({ ...base, nonce: "1" }).success).toBe(false);
    expect(attendeeMessageSchema.parse({ ...base, body: "a\r\nb", role: "" })).toMatchObject({ body: "a\nb", role: null });
  });
});
