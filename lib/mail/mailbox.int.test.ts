import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { events, outbox } from "@/db/schema";
import { makeEvent, makeOrg, openIsolatedTestDatabase, unique } from "@/db/testing";
import { ForbiddenError, NotFoundError, PublicError } from "@/lib/errors";
import { signupSchema } from "@/lib/signups/schemas";
import { signUpWithLink } from "@/db/testing/links";
import { changeSignupRole } from "@/lib/signups/manage";
import { signUp } from "@/lib/signups/signups";
import { createInvitation } from "@/lib/orgs/invitations";
import { createInvitationSchema } from "@/lib/orgs/schemas";
import { updateEvent } from "@/lib/events/events";
import { eventSchema } from "@/lib/events/schemas";
import { instantToZonedLocal } from "@/lib/time/zones";
import { getMailboxMessage, isSmtpConfigured, listMailbox, mailState, MAILBOX_PAGE_SIZE, retryMessage } from "./mailbox";
import { enqueue } from "./outbox";
import { PRIVATE_LINK, compose } from "./render";
import { deliverDue } from "./worker";
import { plainMessages, plainMessagesTo } from "@/db/testing/sealed";

const ORIGIN = "http://picket.test";
// A database of its own: the worker it runs holds or sends every due message, other files' included.
let handle: DbHandle;
let close: () => Promise<void>;
let orgId: string;
let otherOrgId: string;
let owner: { userId: string };
let organizer: { userId: string };
let coordinator: { userId: string };
let otherOwner: { userId: string };

const ctx = () => ({ client: unique("c"), locale: "en" });
const quiet = () => {};

/** A message written straight to the outbox, then set to the given state. */
async function message(state: Partial<typeof outbox.$inferInsert> = {}, org = orgId) {
  const key = unique("test");
  await enqueue(handle.db, [
    {
      orgId: org,
      kind: "event_reminder",
      to: `${unique("to")}@test.example`,
      locale: "en",
      mail: compose("Reminder: vigil", ["Hello,", "See you tomorrow."]),
      dedupeKey: key,
    },
  ]);
  if (Object.keys(state).length) await handle.db.update(outbox).set(state).where(eq(outbox.dedupeKey, key));
  return (await plainMessages(handle, eq(outbox.dedupeKey, key)))[0]!;
}

beforeAll(async () => {
  process.env.PICKET_PUBLIC_URL = ORIGIN;
  ({ handle, close } = await openIsolatedTestDatabase());
  const made = await makeOrg(handle, { owner: 1, organizer: 1, coordinator: 1 });
  orgId = made.org.id;
  owner = made.people.owner[0]!;
  organizer = made.people.organizer[0]!;
  coordinator = made.people.coordinator[0]!;
  const other = await makeOrg(handle, { owner: 1 });
  otherOrgId = other.org.id;
  otherOwner = other.people.owner[0]!;
});
afterAll(() => close());

describe("the mailbox list", () => {
  it("shows an organisation's messages newest first, as plain entries without their text", async () => {
    const { event } = await makeEvent(handle, orgId);
    const emails = [1, 2, 3].map((i) => `${unique(`p${i}`)}@test.example`);
    for (const [i, email] of emails.entries()) {
      await signUp(event.id, signupSchema.parse({ name: `Person ${i}`, email }), { ...ctx(), now: new Date(Date.now() - (3 - i) * 1000) });
    }
    await message({}, otherOrgId);
    const mailbox = await listMailbox(owner, orgId);
    expect(mailbox.total).toBe(3);
    expect(mailbox.entries.map((e) => e.to)).toEqual([...emails].reverse());
    expect(Object.keys(mailbox.entries[0]!).sort()).toEqual([
      "attempts",
      "createdAt",
      "id",
      "kind",
      "lastError",
      "nextAttemptAt",
      "sentAt",
      "status",
      "subject",
      "to",
    ]);
    expect(mailbox.entries[0]).toMatchObject({
      kind: "signup_confirmed",
      status: "pending",
      attempts: 0,
      subject: "You're signed up: Protest at the embassy",
      sentAt: null,
    });
  });

  it("filters by status: without SMTP the worker keeps messages here as held", async () => {
    await deliverDue({ transport: null, log: quiet });
    expect((await listMailbox(owner, orgId, { status: "held" })).total).toBe(3);
    expect((await listMailbox(owner, orgId, { status: "pending" })).total).toBe(0);
    expect((await listMailbox(owner, orgId, { status: "sent" })).entries).toEqual([]);
  });

  it("pages by fifty", async () => {
    const mail = compose("Reminder: vigil", ["Hello,"]);
    await enqueue(
      handle.db,
      Array.from({ length: MAILBOX_PAGE_SIZE }, () => ({ orgId, kind: "event_reminder" as const, to: `${unique("to")}@test.example`, locale: "en", mail })),
    );
    await handle.db
      .update(outbox)
      .set({ status: "sent", content: null, sentAt: new Date() })
      .where(and(eq(outbox.orgId, orgId), eq(outbox.kind, "event_reminder")));
    const first = await listMailbox(owner, orgId, { page: 1 });
    const second = await listMailbox(owner, orgId, { page: 2 });
    expect(first).toMatchObject({ total: 53, page: 1, pages: 2 });
    expect(first.entries).toHaveLength(50);
    expect(second.entries).toHaveLength(3);
    expect(new Set([...first.entries, ...second.entries].map((e) => e.id)).size).toBe(53);
    expect((await listMailbox(owner, orgId, { status: "sent", page: 2 })).entries).toHaveLength(0);
  });

  it("is for the organisation's owners only", async () => {
    await expect(listMailbox(organizer, orgId)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listMailbox(coordinator, orgId)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listMailbox(otherOwner, orgId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listMailbox(null, orgId)).rejects.toBeInstanceOf(NotFoundError);
    // Their own mailbox holds only their own message.
    expect((await listMailbox(otherOwner, otherOrgId)).total).toBe(1);
  });

  it("tells owners and organizers whether mail reaches people: off without SMTP, failing when the last day only failed", async () => {
    const before = process.env.SMTP_URL;
    try {
      delete process.env.SMTP_URL;
      expect(await mailState(organizer, orgId)).toBe("off");
      await expect(mailState(coordinator, orgId)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(mailState(otherOwner, orgId)).rejects.toBeInstanceOf(NotFoundError);
      process.env.SMTP_URL = "smtp://localhost:2525";
      const fresh = await makeOrg(handle, { owner: 1 });
      const freshOwner = fresh.people.owner[0]!;
      expect(await mailState(freshOwner, fresh.org.id)).toBe("working");
      await createInvitation(freshOwner, fresh.org.id, createInvitationSchema.parse({ role: "coordinator", email: "a@test.example" }));
      await handle.db.update(outbox).set({ status: "pending", attempts: 2, lastError: "connect ECONNREFUSED" }).where(eq(outbox.orgId, fresh.org.id));
      expect(await mailState(freshOwner, fresh.org.id)).toBe("failing");
      await handle.db.update(outbox).set({ status: "sent", sentAt: new Date(), lastError: null }).where(eq(outbox.orgId, fresh.org.id));
      expect(await mailState(freshOwner, fresh.org.id)).toBe("working");
    } finally {
      if (before === undefined) delete process.env.SMTP_URL;
      else process.env.SMTP_URL = before;
    }
  });

  it("knows whether SMTP is set up", () => {
    const before = process.env.SMTP_URL;
    delete process.env.SMTP_URL;
    expect(isSmtpConfigured()).toBe(false);
    process.env.SMTP_URL = "smtp://localhost:2525";
    expect(isSmtpConfigured()).toBe(true);
    if (before === undefined) delete process.env.SMTP_URL;
    else process.env.SMTP_URL = before;
  });
});

describe("one message", () => {
  it("a held message shows its text; a sent one says the text is no longer kept", async () => {
    const held = await message({ status: "held" });
    expect(await getMailboxMessage(owner, orgId, held.id)).toMatchObject({
      id: held.id,
      status: "held",
      subject: "Reminder: vigil",
      text: "Hello,\n\nSee you tomorrow.\n",
    });
    const sentAt = new Date();
    const sent = await message({ status: "sent", content: null, sentAt });
    expect(await getMailboxMessage(owner, orgId, sent.id)).toMatchObject({ status: "sent", text: null, sentAt });
  });

  it("never shows a private link: a held confirmation has only its place, and an invitation's link is masked", async () => {
    const { event } = await makeEvent(handle, orgId);
    const email = `${unique("held")}@test.example`;
    await signUp(event.id, signupSchema.parse({ name: "Held Person", email }), ctx());
    const invited = `${unique("invited")}@test.example`;
    const invitation = await createInvitation(owner, orgId, createInvitationSchema.parse({ role: "coordinator", email: invited }));
    await deliverDue({ transport: null, log: quiet });
    const rows = await plainMessages(handle, eq(outbox.orgId, orgId));
    const confirmation = await getMailboxMessage(owner, orgId, rows.find((r) => r.toAddress === email)!.id);
    expect(confirmation.text).toContain(`Your private link, to see, change or cancel your sign-up (keep it to yourself): ${PRIVATE_LINK}`);
    expect(confirmation.text).not.toContain("/s/");
    const invitationMail = await getMailboxMessage(owner, orgId, rows.find((r) => r.toAddress === invited)!.id);
    expect(invitationMail.text).toContain(PRIVATE_LINK);
    expect(invitationMail.text).not.toContain(invitation.token);
  });

  it("is for the organisation's owners only; another organisation's message does not exist", async () => {
    const held = await message({ status: "held" });
    await expect(getMailboxMessage(organizer, orgId, held.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getMailboxMessage(coordinator, orgId, held.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getMailboxMessage(otherOwner, orgId, held.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getMailboxMessage(otherOwner, otherOrgId, held.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getMailboxMessage(null, orgId, held.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getMailboxMessage(owner, orgId, "not-an-id")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getMailboxMessage(owner, orgId, crypto.randomUUID())).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("sending a failed or held message again", () => {
  it("puts it back in line with fresh attempts, due now", async () => {
    const failed = await message({ status: "failed", attempts: 8, lastError: "550 mailbox unavailable", nextAttemptAt: new Date(Date.now() - 86_400_000) });
    const now = new Date();
    await retryMessage(owner, orgId, failed.id, now);
    const [row] = await handle.db.select().from(outbox).where(eq(outbox.id, failed.id));
    expect(row).toMatchObject({ status: "pending", attempts: 0, nextAttemptAt: now, lockedUntil: null });
    // And the next delivery run takes it.
    const sent: string[] = [];
    await deliverDue({ transport: { send: async (m) => void sent.push(m.to) }, log: quiet });
    expect(sent).toContain(failed.toAddress);
  });

  it("a held one once email is set up, and only on an owner's word: nothing held leaves on its own", async () => {
    const before = process.env.SMTP_URL;
    process.env.SMTP_URL = "smtp://127.0.0.1:2525";
    try {
      const chosen = await message({ status: "held" });
      const other = await message({ status: "held" });
      const now = new Date();
      await retryMessage(owner, orgId, chosen.id, now);
      const sent: string[] = [];
      await deliverDue({ transport: { send: async (m) => void sent.push(m.to) }, log: quiet });
      expect(sent).toContain(chosen.toAddress);
      expect(sent).not.toContain(other.toAddress);
      const [row] = await handle.db.select({ status: outbox.status }).from(outbox).where(eq(outbox.id, other.id));
      expect(row!.status).toBe("held");
    } finally {
      if (before === undefined) delete process.env.SMTP_URL;
      else process.env.SMTP_URL = before;
    }
  });

  it("only a failed one, or a held one when email is set up", async () => {
    expect(isSmtpConfigured()).toBe(false);
    for (const status of ["held", "sent", "pending"] as const) {
      const m = await message({ status });
      const refused = retryMessage(owner, orgId, m.id);
      await expect(refused).rejects.toBeInstanceOf(PublicError);
      await expect(refused).rejects.toMatchObject({ messageKey: "mailbox.retry.notFailed" });
      const [row] = await handle.db.select({ status: outbox.status }).from(outbox).where(eq(outbox.id, m.id));
      expect(row!.status).toBe(status);
    }
  });

  it("never a held one that may no longer be true: its event is over or changed, or its sign-up changed", async () => {
    const before = process.env.SMTP_URL;
    process.env.SMTP_URL = "smtp://127.0.0.1:2525";
    try {
      const heldFor = async (eventId: string, email: string) => {
        await deliverDue({ transport: null, log: quiet });
        return (await plainMessagesTo(handle, email, eq(outbox.eventId, eventId)))[0]!;
      };
      const refusedAsOutdated = async (id: string) => {
        await expect(retryMessage(owner, orgId, id)).rejects.toMatchObject({ messageKey: "mailbox.retry.outdated" });
        const [row] = await handle.db.select({ status: outbox.status }).from(outbox).where(eq(outbox.id, id));
        expect(row!.status).toBe("held");
      };

      // Events made an hour ago, so that only what the test does next is newer than its messages.
      const anHourAgo = async (eventId: string) =>
        handle.db
          .update(events)
          .set({ updatedAt: new Date(Date.now() - 3_600_000) })
          .where(eq(events.id, eventId));

      // The sign-up changed after its confirmation was written.
      const { event } = await makeEvent(handle, orgId, { roles: ["steward", "observer"] });
      await anHourAgo(event.id);
      const email = `${unique("changed")}@test.example`;
      const { token } = await signUpWithLink(handle, event.id, signupSchema.parse({ name: "Changing", email, role: "steward" }), ctx());
      const confirmation = await heldFor(event.id, email);
      await changeSignupRole(token, "observer", new Date(Date.now() + 1000));
      await refusedAsOutdated(confirmation.id);

      // The event moved after the message was written.
      const moved = await makeEvent(handle, orgId);
      await anHourAgo(moved.event.id);
      const other = `${unique("moved")}@test.example`;
      await signUp(moved.event.id, signupSchema.parse({ name: "Moved", email: other }), ctx());
      // Until it moves, the message can be sent (and is put back as held to go on).
      const movable = await heldFor(moved.event.id, other);
      await retryMessage(owner, orgId, movable.id);
      await handle.db.update(outbox).set({ status: "held" }).where(eq(outbox.id, movable.id));
      const movedMessage = movable;
      const e = moved.event;
      const later = new Date(e.startsAt.getTime() + 86_400_000);
      await updateEvent(
        organizer,
        e.id,
        eventSchema.parse({
          title: e.title,
          kind: e.kind,
          startsLocal: instantToZonedLocal(later, e.timeZone),
          endsLocal: instantToZonedLocal(new Date(later.getTime() + 7_200_000), e.timeZone),
          timeZone: e.timeZone,
          venue: e.venue,
          address: e.address,
          city: e.city,
          country: e.country,
        }),
      );
      await refusedAsOutdated(movedMessage.id);

      // The event is over.
      const past = await makeEvent(handle, orgId, { startsAt: new Date(Date.now() - 7_200_000), endsAt: new Date(Date.now() - 3_600_000) });
      const overMessage = await message({ status: "held", eventId: past.event.id });
      await refusedAsOutdated(overMessage.id);
    } finally {
      if (before === undefined) delete process.env.SMTP_URL;
      else process.env.SMTP_URL = before;
    }
  });

  it("only by the organisation's owners", async () => {
    const failed = await message({ status: "failed", attempts: 8 });
    await expect(retryMessage(organizer, orgId, failed.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(retryMessage(coordinator, orgId, failed.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(retryMessage(otherOwner, orgId, failed.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(retryMessage(otherOwner, otherOrgId, failed.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(retryMessage(null, orgId, failed.id)).rejects.toBeInstanceOf(NotFoundError);
    const [row] = await handle.db.select().from(outbox).where(eq(outbox.id, failed.id));
    expect(row).toMatchObject({ status: "failed", attempts: 8 });
  });
});
