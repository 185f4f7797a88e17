import { createHmac, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { accessRecords, auditLog, deliveries, events, webhooks } from "@/db/schema";
import { makeEvent, makeOrg, openIsolatedTestDatabase, outcomeOf, unique } from "@/db/testing";
import { signUpWithLink } from "@/db/testing/links";
import type { Actor } from "@/lib/auth/actor";
import { deliverDueRequests, DeliveryError } from "@/lib/deliveries/runner";
import { PublicError } from "@/lib/errors";
import { cancelEvent, createEvent, postponeEvent } from "@/lib/events/events";
import { newEventSchema, postponeSchema } from "@/lib/events/schemas";
import { acceptPartnerInvitation, createPartnerInvitation } from "@/lib/orgs/partners";
import { headcountSignupSchema, pseudonymousSignupSchema, signupSchema } from "@/lib/signups/schemas";
import { eraseEventPersonalData } from "@/lib/retention/retention";
import { eraseSignup } from "@/lib/signups/manage";
import { signUp } from "@/lib/signups/signups";
import { instantToZonedLocal } from "@/lib/time/zones";
import { queueWebhooks } from "./queue";
import { webhookSchema } from "./schemas";
import { sendWebhook } from "./send";
import { createWebhook, deleteWebhook, listWebhookDeliveries, listWebhooks, sendTestWebhook } from "./webhooks";

// Webhooks end to end on the library: a real receiver on 127.0.0.1 checks every signature, the queue compares
// events and counts with what each webhook was told, and the runner delivers. Own database: the runner takes every row.

interface Received {
  topic: string;
  delivery: string;
  body: { id: string; topic: string; createdAt: string; data: Record<string, unknown> };
  raw: string;
  signed: boolean;
}

/** A receiver that checks the signature with the secret it is given, answers `status`, and keeps every call. */
function receiver() {
  const state = { secret: "", status: 200, calls: [] as Received[] };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const [t, v1] = String(req.headers["picket-signature"] ?? "")
        .split(",")
        .map((p) => p.split("=")[1] ?? "");
      const expected = createHmac("sha256", state.secret).update(`${t}.${raw}`).digest();
      const given = Buffer.from(v1 ?? "", "hex");
      const signed = given.length === expected.length && timingSafeEqual(given, expected) && Math.abs(Date.now() / 1000 - Number(t)) < 300;
      state.calls.push({ topic: String(req.headers["picket-topic"]), delivery: String(req.headers["picket-delivery"]), body: JSON.parse(raw), raw, signed });
      res.writeHead(state.status).end();
    });
  });
  return { state, server };
}

let handle: DbHandle;
let close: () => Promise<void>;
let lead: Awaited<ReturnType<typeof makeOrg>>;
let partner: Awaited<ReturnType<typeof makeOrg>>;
let owner: Actor;
let campaignId: string;
let eventId: string;
const rx = receiver();
let url: string;

const ctx = () => ({ client: unique("client"), locale: "en" });
const email = () => `${unique("p")}@test.example`;
const round = async () => {
  await queueWebhooks(handle.db, new Date());
  return deliverDueRequests({ activity: async () => ({ status: 202 }), webhook: sendWebhook }, { db: handle.db, log: () => {}, retryBaseMs: 60_000 });
};
const register = async (fields: Record<string, string>, actor: Actor = owner, orgId = lead.org.id) => {
  const made = await createWebhook(actor, orgId, webhookSchema.parse({ url, ...fields }));
  if (made.secret) rx.state.secret = made.secret;
  return made;
};
const topics = () => rx.state.calls.map((c) => c.topic);
const only = (topic: string) => rx.state.calls.filter((c) => c.topic === topic);

beforeAll(async () => {
  process.env.PICKET_PUBLIC_URL = "http://picket.test";
  process.env.PICKET_FETCH_ALLOW_LOOPBACK = "1";
  ({ handle, close } = await openIsolatedTestDatabase());
  lead = await makeOrg(handle, { owner: 1, organizer: 1 });
  partner = await makeOrg(handle, { owner: 1, organizer: 1 });
  owner = lead.people.owner[0]!;
  const made = await makeEvent(handle, lead.org.id, { capacity: 10 });
  campaignId = made.campaign.id;
  eventId = made.event.id;
  await new Promise<void>((resolve) => rx.server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(rx.server.address() as AddressInfo).port}/hooks/picket`;
});
afterAll(async () => {
  await new Promise((resolve) => rx.server.close(resolve));
  await close();
});
beforeEach(async () => {
  // Each test starts with no webhook and an empty receiver.
  await handle.db.delete(webhooks);
  rx.state.calls.length = 0;
  rx.state.status = 200;
});

describe("registering", () => {
  it("refuses private, link-local and (without the test flag) loopback addresses, next to the address", async () => {
    const refusal = async (address: string, allowLoopback = true) => {
      const e = await createWebhook(owner, lead.org.id, webhookSchema.parse({ url: address }), new Date(), { allowLoopback }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(PublicError);
      return [(e as PublicError).field, (e as PublicError).messageKey];
    };
    expect(await refusal("https://10.0.0.1/hook")).toEqual(["url", "webhooks.address.blocked"]);
    expect(await refusal("https://169.254.169.254/latest/meta-data")).toEqual(["url", "webhooks.address.blocked"]);
    expect(await refusal("https://127.0.0.1/hook", false)).toEqual(["url", "webhooks.address.blocked"]);
    expect(await refusal(url, false)).toEqual(["url", "webhooks.address.https"]);
    expect(await refusal("https://[::1]/hook")).toEqual(["url", "webhooks.address.blocked"]);
    expect(await handle.db.select().from(webhooks)).toHaveLength(0);
  });

  it("is for owners only: an organizer is forbidden, another organisation's owner finds nothing", async () => {
    expect(await outcomeOf(register({}, lead.people.organizer[0]!))).toBe("forbidden");
    expect(await outcomeOf(register({}, partner.people.owner[0]!))).toBe("notFound");
    expect(await outcomeOf(listWebhooks(lead.people.organizer[0]!, lead.org.id))).toBe("forbidden");
    const { id } = await register({});
    expect(await outcomeOf(sendTestWebhook(partner.people.owner[0]!, partner.org.id, id))).toBe("notFound");
    expect(await outcomeOf(deleteWebhook(lead.people.organizer[0]!, lead.org.id, id))).toBe("forbidden");
  });

  it("seals the secret, shows a made one once, keeps an owner's own, and audits create, test and delete", async () => {
    const own = "an-owner-chosen-secret-of-32-chars";
    expect(webhookSchema.safeParse({ url, secret: "too-short" }).success).toBe(false);
    const mine = await createWebhook(owner, lead.org.id, webhookSchema.parse({ url, secret: own }));
    expect(mine.secret).toBeNull();
    const made = await register({});
    expect(made.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = await handle.db.select().from(webhooks);
    for (const row of rows) {
      expect(row.secret).toMatch(/^v1\./);
      expect(row.secret).not.toContain(own);
      expect(row.secret).not.toContain(made.secret!);
    }
    await sendTestWebhook(owner, lead.org.id, made.id);
    await deleteWebhook(owner, lead.org.id, mine.id);
    const audited = await handle.db.select().from(auditLog).where(eq(auditLog.orgId, lead.org.id));
    expect(audited.map((a) => a.action)).toEqual(expect.arrayContaining(["webhook.create", "webhook.test", "webhook.delete"]));
    expect(JSON.stringify(audited)).not.toContain("/hooks/picket");
  });
});

describe("calls", () => {
  it("a test is a signed ping, shown in the log as delivered with the receiver's answer", async () => {
    const { id } = await register({});
    await sendTestWebhook(owner, lead.org.id, id);
    await deliverDueRequests({ activity: async () => ({ status: 202 }), webhook: sendWebhook }, { db: handle.db, log: () => {} });
    const [ping] = only("ping");
    expect(ping?.signed).toBe(true);
    expect(ping?.body.id).toBe(ping?.delivery);
    const log = await listWebhookDeliveries(owner, lead.org.id, id);
    expect(log.entries[0]).toMatchObject({ topic: "ping", status: "sent", attempts: 1, responseStatus: 200 });
    expect((await listWebhooks(owner, lead.org.id))[0]).toMatchObject({ lastStatus: "sent" });
  });

  it("tells the events first, then one sign-up count per round however many sign-ups; never anyone's details", async () => {
    await register({ campaign: campaignId });
    await round();
    expect(topics()).toEqual(["event.created"]);
    const created = only("event.created")[0]!;
    expect(created.signed).toBe(true);
    expect(created.body.data).toMatchObject({ event: { id: eventId, url: expect.stringContaining("http://picket.test/c/") } });

    const people = [email(), email(), email()];
    for (const [i, address] of people.entries())
      await signUp(eventId, signupSchema.parse({ name: `Aigerim ${i}`, email: address, phone: "+7 701 000 00 00" }), ctx());
    await round();
    const counted = only("signups.counted");
    expect(counted).toHaveLength(1);
    expect(counted[0]!.body.data).toMatchObject({ counts: { confirmed: 3, waitlisted: 0, requested: 0, checkedIn: 0 } });
    // Nothing more to tell: nothing sent.
    await round();
    expect(only("signups.counted")).toHaveLength(1);
    const everything = rx.state.calls.map((c) => c.raw).join("\n");
    for (const address of people) expect(everything).not.toContain(address);
    expect(everything).not.toContain("Aigerim");
    expect(everything).not.toContain("+7 701");
  });

  it("tells a postponement as event.changed and a cancellation as event.cancelled", async () => {
    const [organizer] = lead.people.organizer;
    const made = await makeEvent(handle, lead.org.id, {
      placeHidden: true,
      venue: "Secret courtyard",
      address: "7 Hidden Lane",
      gatheringArea: "Near the station",
    });
    await register({ campaign: made.campaign.id });
    await round();
    expect(topics()).toEqual(["event.created"]);
    // A hidden meeting point stays hidden: the public event is all that is sent.
    expect(rx.state.calls[0]!.raw).not.toContain("Secret courtyard");
    expect(rx.state.calls[0]!.raw).not.toContain("7 Hidden Lane");
    // The form takes minutes.
    const later = new Date(Math.floor(made.event.startsAt.getTime() / 60_000) * 60_000 + 3 * 86_400_000);
    const local = (d: Date) => instantToZonedLocal(d, made.event.timeZone);
    await postponeEvent(
      organizer!,
      made.event.id,
      postponeSchema.parse({
        startsLocal: local(later),
        endsLocal: local(new Date(later.getTime() + 2 * 3_600_000)),
        timeZone: made.event.timeZone,
        reason: "Rain",
      }),
    );
    await round();
    expect(topics()).toEqual(["event.created", "event.changed"]);
    const changed = only("event.changed")[0]!.body.data as { event: { startsAt: string; previousStartsAt: string } };
    expect(new Date(changed.event.startsAt).getTime()).toBe(later.getTime());
    expect(new Date(changed.event.previousStartsAt).getTime()).toBe(made.event.startsAt.getTime());
    await cancelEvent(organizer!, made.event.id, "Permit refused.");
    await round();
    expect(topics()).toEqual(["event.created", "event.changed", "event.cancelled"]);
    expect(only("event.cancelled")[0]!.body.data).toMatchObject({ event: { id: made.event.id, status: "cancelled" } });
  });

  it("a partner's event goes to the partner's webhook, not the lead's", async () => {
    const invitation = await createPartnerInvitation(owner, campaignId);
    await acceptPartnerInvitation(partner.people.owner[0]!, invitation.url.split("/partner/")[1]!, partner.org.id);
    const start = new Date(Date.now() + 10 * 86_400_000);
    const form = {
      title: "Partner's vigil",
      kind: "vigil",
      startsLocal: instantToZonedLocal(start, "Europe/Warsaw"),
      endsLocal: instantToZonedLocal(new Date(start.getTime() + 3_600_000), "Europe/Warsaw"),
      timeZone: "Europe/Warsaw",
      city: "Warsaw",
      country: "PL",
    };
    const partnerEvent = await createEvent(partner.people.organizer[0]!, campaignId, newEventSchema.parse(form), partner.org.id);
    await register({ campaign: campaignId });
    const partnerHook = await createWebhook(partner.people.owner[0]!, partner.org.id, webhookSchema.parse({ url: `${url}?partner`, campaign: campaignId }));
    await queueWebhooks(handle.db, new Date());
    const queued = await handle.db.select().from(deliveries).where(eq(deliveries.topic, "event.created"));
    const byHook = (hookId: string) => queued.filter((d) => d.webhookId === hookId).map((d) => (JSON.parse(d.payload!) as { event: { id: string } }).event.id);
    expect(byHook(partnerHook.id)).toEqual([partnerEvent.id]);
    const leadHook = (await handle.db.select().from(webhooks).where(eq(webhooks.orgId, lead.org.id)))[0]!;
    expect(byHook(leadHook.id)).toContain(eventId);
    expect(byHook(leadHook.id)).not.toContain(partnerEvent.id);
  });

  it("a failing receiver is tried again; a 400 fails at once; a 410 switches the webhook off", async () => {
    const { id } = await register({});
    await sendTestWebhook(owner, lead.org.id, id);
    rx.state.status = 500;
    await deliverDueRequests({ activity: async () => ({ status: 202 }), webhook: sendWebhook }, { db: handle.db, log: () => {} });
    let [entry] = (await listWebhookDeliveries(owner, lead.org.id, id)).entries;
    expect(entry).toMatchObject({ status: "pending", attempts: 1, responseStatus: 500, lastError: "answered 500" });
    expect(entry!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    rx.state.status = 400;
    await deliverDueRequests(
      { activity: async () => ({ status: 202 }), webhook: sendWebhook },
      { db: handle.db, log: () => {}, now: () => new Date(Date.now() + 86_400_000) },
    );
    [entry] = (await listWebhookDeliveries(owner, lead.org.id, id)).entries;
    expect(entry).toMatchObject({ status: "failed", attempts: 2, responseStatus: 400 });
    rx.state.status = 410;
    await sendTestWebhook(owner, lead.org.id, id);
    await deliverDueRequests({ activity: async () => ({ status: 202 }), webhook: sendWebhook }, { db: handle.db, log: () => {} });
    const [hook] = await handle.db.select().from(webhooks).where(eq(webhooks.id, id));
    expect(hook!.disabledAt).not.toBeNull();
    expect(await queueWebhooks(handle.db, new Date())).toBe(0);
    expect(
      await handle.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "webhook.disable"), eq(auditLog.orgId, lead.org.id))),
    ).toHaveLength(1);
  });

  it("a redirect is never followed", async () => {
    const { id } = await register({});
    rx.state.status = 302;
    await sendTestWebhook(owner, lead.org.id, id);
    await deliverDueRequests({ activity: async () => ({ status: 202 }), webhook: sendWebhook }, { db: handle.db, log: () => {} });
    const [entry] = (await listWebhookDeliveries(owner, lead.org.id, id)).entries;
    expect(entry).toMatchObject({ status: "failed", responseStatus: 302 });
    expect(new DeliveryError("x", 302, true).permanent).toBe(true);
  });
});

describe("sign-ups' details, only when the owner opted in", () => {
  it("one sealed call per new sign-up, never one made before; emptied once sent; put on record", async () => {
    const made = await makeEvent(handle, lead.org.id);
    const before = email();
    await signUp(made.event.id, signupSchema.parse({ name: "Before Hook", email: before }), ctx());
    await register({ campaign: made.campaign.id, personal: "on" });
    const people = [email(), email()];
    for (const [i, address] of people.entries())
      await signUp(made.event.id, signupSchema.parse({ name: `Dana ${i}`, email: address, phone: "+48 600 000 000", comment: "I bring a banner" }), ctx());
    await queueWebhooks(handle.db, new Date());
    const queued = await handle.db.select().from(deliveries).where(eq(deliveries.topic, "signup.created"));
    expect(queued).toHaveLength(2);
    for (const d of queued) {
      expect(d.sealed).toBe(true);
      expect(d.signupId).not.toBeNull();
      expect(d.payload).toMatch(/^v1\./);
      for (const address of people) expect(d.payload).not.toContain(address);
      expect(d.payload).not.toContain("Dana");
    }
    await deliverDueRequests({ activity: async () => ({ status: 202 }), webhook: sendWebhook }, { db: handle.db, log: () => {} });
    const sent = only("signup.created");
    expect(sent).toHaveLength(2);
    expect(sent.every((c) => c.signed)).toBe(true);
    const persons = sent.map((c) => (c.body.data as { signup: { person: Record<string, string> } }).signup.person);
    expect(persons.map((p) => p.email).sort()).toEqual([...people].sort());
    expect(persons[0]).toMatchObject({ phone: "+48 600 000 000", comment: "I bring a banner" });
    expect(rx.state.calls.map((c) => c.raw).join("\n")).not.toContain(before);
    // Once delivered, the details are gone from the table.
    const after = await handle.db.select().from(deliveries).where(eq(deliveries.topic, "signup.created"));
    expect(after.every((d) => d.status === "sent" && d.payload === null)).toBe(true);
    const records = await handle.db
      .select()
      .from(accessRecords)
      .where(and(eq(accessRecords.kind, "webhook"), eq(accessRecords.eventId, made.event.id)));
    expect(records.map((r) => r.rowCount)).toEqual([2]);
    // The next round finds nothing new.
    expect(await queueWebhooks(handle.db, new Date())).toBe(0);
  });

  it("a pseudonymous sign-up gives its nickname only, a headcount nothing at all", async () => {
    const made = await makeEvent(handle, lead.org.id, { signupMode: "pseudonymous" });
    await register({ campaign: made.campaign.id, personal: "on" });
    await signUp(made.event.id, pseudonymousSignupSchema.parse({ name: "Steppe Fox", comment: "late" }), ctx());
    await round();
    const [call] = only("signup.created");
    expect((call!.body.data as { signup: { person: unknown } }).signup.person).toEqual({ nickname: "Steppe Fox" });
    expect(call!.raw).not.toContain("late");

    const counted = await makeEvent(handle, lead.org.id, { signupMode: "headcount" });
    await register({ campaign: counted.campaign.id, personal: "on" });
    await signUp(counted.event.id, headcountSignupSchema.parse({}), ctx());
    await round();
    const headcount = only("signup.created").filter((c) => (c.body.data as { event: { id: string } }).event.id === counted.event.id);
    expect(headcount.map((c) => (c.body.data as { signup: { person: unknown } }).signup.person)).toEqual([{}]);
  });

  it("erasing the sign-up deletes its call still waiting", async () => {
    const made = await makeEvent(handle, lead.org.id);
    await register({ campaign: made.campaign.id, personal: "on" });
    const { token } = await signUpWithLink(handle, made.event.id, signupSchema.parse({ name: "Erase Me", email: email() }), ctx());
    await queueWebhooks(handle.db, new Date());
    const [waiting] = await handle.db.select().from(deliveries).where(eq(deliveries.topic, "signup.created"));
    expect(waiting).toBeDefined();
    await eraseSignup(token);
    expect(await handle.db.select().from(deliveries).where(eq(deliveries.id, waiting!.id))).toHaveLength(0);
    await deliverDueRequests({ activity: async () => ({ status: 202 }), webhook: sendWebhook }, { db: handle.db, log: () => {} });
    expect(only("signup.created")).toHaveLength(0);
  });
});

describe("erasing an event's sign-ups", () => {
  it("deletes the calls with their details still waiting", async () => {
    const made = await makeEvent(handle, lead.org.id);
    await register({ campaign: made.campaign.id, personal: "on" });
    await signUp(made.event.id, signupSchema.parse({ name: "Early Erasure", email: email() }), ctx());
    await queueWebhooks(handle.db, new Date());
    const waiting = () =>
      handle.db
        .select()
        .from(deliveries)
        .where(and(eq(deliveries.topic, "signup.created"), eq(deliveries.campaignId, made.campaign.id)));
    expect(await waiting()).toHaveLength(1);
    await eraseEventPersonalData(owner, made.event.id);
    expect(await waiting()).toHaveLength(0);
  });
});

describe("cost", () => {
  it("with no webhook, one round queues nothing", async () => {
    expect(await queueWebhooks(handle.db, new Date())).toBe(0);
    await handle.db.update(events).set({ title: "Renamed" }).where(eq(events.id, eventId));
    expect(await queueWebhooks(handle.db, new Date())).toBe(0);
  });
});
