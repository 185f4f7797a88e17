import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { DbHandle } from "@/db/client";
import { auditLog, campaigns, events, signups } from "@/db/schema";
import { closeTestDatabase, makeOrg, openTestDatabase, unique } from "@/db/testing";
import { sealedSignups } from "@/db/testing/sealed";
import { handleForm } from "@/lib/actions";
import type { Actor } from "@/lib/auth/actor";
import { createCampaign, deleteCampaign, setCampaignStatus } from "@/lib/campaigns/campaigns";
import { campaignSchema } from "@/lib/campaigns/schemas";
import { ForbiddenError } from "@/lib/errors";
import { createEvent, deleteEvent, postponeEvent, updateEvent } from "./events";
import { eventSchema, newEventSchema, postponeFormSchema, postponeSchema } from "./schemas";

// Forms that protect the data: no new date in the past, no earlier erasure by a typo unseen, every message in one
// answer, and a campaign or event made by mistake deleted only while nobody signed up to it.

let handle: DbHandle;
let orgId: string;
let organizer: Actor;
let coordinator: Actor;
beforeAll(async () => {
  handle = await openTestDatabase();
  const made = await makeOrg(handle, { organizer: 1, coordinator: 1 });
  orgId = made.org.id;
  organizer = made.people.organizer[0]!;
  coordinator = made.people.coordinator[0]!;
});
afterAll(closeTestDatabase);

const year = new Date().getUTCFullYear() + 3;
const warsaw = {
  title: "Picket of the Kazakh embassy",
  kind: "picket",
  startsLocal: `${year}-03-14T10:00`,
  endsLocal: `${year}-03-14T12:00`,
  timeZone: "Europe/Warsaw",
  city: "Warsaw",
  country: "PL",
};
const messages = (result: z.ZodSafeParseResult<unknown>) => Object.fromEntries((result.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]));

async function campaign(status: "draft" | "published" = "draft") {
  const made = await createCampaign(organizer, orgId, campaignSchema.parse({ title: unique("Day of action"), kind: "embassy_protest", retentionDays: "30" }));
  if (status !== "draft") await setCampaignStatus(organizer, made.id, status);
  return made;
}

describe("event forms", () => {
  it("report field errors and cross-field errors in the same answer", () => {
    const result = eventSchema.safeParse({ ...warsaw, title: "no", capacity: "0", endsLocal: `${year}-03-14T09:00`, deadlineLocal: `${year}-03-14T11:00` });
    expect(messages(result)).toEqual({
      title: "validation.tooShort",
      capacity: "validation.capacity",
      endsLocal: "validation.endAfterStart",
      deadlineLocal: "validation.deadlineBeforeStart",
    });
  });

  it("refuse a new event or a new date in the past, next to the start", () => {
    expect(messages(newEventSchema.safeParse({ ...warsaw, startsLocal: "2012-07-20T12:00", endsLocal: "2012-07-20T14:00" }))).toEqual({
      startsLocal: "validation.inPast",
    });
    expect(newEventSchema.safeParse(warsaw).success).toBe(true);
    expect(messages(postponeFormSchema.safeParse({ startsLocal: "2021-03-14T10:00", endsLocal: "2021-03-14T12:00", timeZone: "Europe/Warsaw" }))).toEqual({
      startsLocal: "validation.inPast",
    });
    // Editing a past event's text stays possible.
    expect(eventSchema.safeParse({ ...warsaw, startsLocal: "2012-07-20T12:00", endsLocal: "2012-07-20T14:00" }).success).toBe(true);
  });

  it("say the limit when a field is too long", async () => {
    const state = await handleForm(campaignSchema, formData({ title: "Embassy protests", kind: "appeal", summary: "x".repeat(501) }), async () => undefined);
    expect(state).toMatchObject({ status: "error", fieldErrors: { summary: "validation.tooLongLimit" }, messageValues: { summary: { limit: 500 } } });
    const event = await handleForm(
      z.object({}).and(eventSchema),
      formData({ ...warsaw, venue: "v".repeat(201), endsLocal: `${year}-03-14T09:00` }),
      async () => undefined,
    );
    expect(event).toMatchObject({
      status: "error",
      fieldErrors: { venue: "validation.tooLongLimit", endsLocal: "validation.endAfterStart" },
      messageValues: { venue: { limit: 200 } },
    });
  });
});

function formData(values: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.append(k, v);
  return data;
}

describe("a new date that brings the erasure earlier", () => {
  it("is refused, naming the new erasure date, until the organizer confirms it; an hour asks nothing", async () => {
    const { id: campaignId } = await campaign();
    const { id } = await createEvent(organizer, campaignId, eventSchema.parse(warsaw));
    // A typo in the year: a year earlier.
    const typo = postponeSchema.parse({ startsLocal: `${year - 1}-03-14T10:00`, endsLocal: `${year - 1}-03-14T12:00`, timeZone: "Europe/Warsaw" });
    const err = await postponeEvent(organizer, id, typo).catch((e: unknown) => e);
    expect(err).toMatchObject({ messageKey: "events.erasureEarlier", field: "confirmEarlierErasure" });
    const newEnd = new Date(Date.UTC(year - 1, 2, 14, 11));
    expect((err as { values: { date: string } }).values.date).toBe(new Date(newEnd.getTime() + 30 * 86_400_000).toISOString());
    const [unchanged] = await handle.db.select().from(events).where(eq(events.id, id));
    expect(unchanged!.status).toBe("scheduled");
    // The same by the edit form.
    await expect(
      updateEvent(organizer, id, eventSchema.parse({ ...warsaw, startsLocal: `${year - 1}-03-14T10:00`, endsLocal: `${year - 1}-03-14T12:00` })),
    ).rejects.toMatchObject({ messageKey: "events.erasureEarlier" });

    await postponeEvent(
      organizer,
      id,
      postponeSchema.parse({ startsLocal: `${year}-03-14T09:00`, endsLocal: `${year}-03-14T11:00`, timeZone: "Europe/Warsaw" }),
    );
    await postponeEvent(
      organizer,
      id,
      postponeSchema.parse({
        startsLocal: `${year - 1}-03-14T10:00`,
        endsLocal: `${year - 1}-03-14T12:00`,
        timeZone: "Europe/Warsaw",
        confirmEarlierErasure: "on",
      }),
    );
    const [moved] = await handle.db.select().from(events).where(eq(events.id, id));
    expect(moved!.endsAt.toISOString()).toBe(newEnd.toISOString());
  });
});

describe("deleting what was made by mistake", () => {
  it("an event nobody signed up to: organizers may, coordinators may not; audited", async () => {
    const { id: campaignId } = await campaign("published");
    const { id } = await createEvent(organizer, campaignId, eventSchema.parse({ ...warsaw, title: "Wrong city" }));
    await expect(deleteEvent(coordinator, id)).rejects.toBeInstanceOf(ForbiddenError);
    await deleteEvent(organizer, id);
    expect(await handle.db.select().from(events).where(eq(events.id, id))).toEqual([]);
    const [entry] = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, orgId), eq(auditLog.action, "event.delete")));
    expect(entry).toMatchObject({ campaignId, details: expect.objectContaining({ title: "Wrong city" }) });
  });

  it("not an event with a sign-up, even a cancelled one", async () => {
    const { id: campaignId } = await campaign("published");
    const { id } = await createEvent(organizer, campaignId, eventSchema.parse({ ...warsaw, title: "Signed up to" }));
    await handle.db
      .insert(signups)
      .values(await sealedSignups(handle, [{ eventId: id, status: "cancelled" as const, name: "Aigul", email: `${unique("a")}@test.example` }]));
    await expect(deleteEvent(organizer, id)).rejects.toMatchObject({ messageKey: "events.deleteHasSignups" });
    expect(await handle.db.select().from(events).where(eq(events.id, id))).toHaveLength(1);
  });

  it("a draft campaign with its events; not a published one, nor a draft with sign-ups", async () => {
    const draft = await campaign();
    await createEvent(organizer, draft.id, eventSchema.parse(warsaw));
    await expect(deleteCampaign(coordinator, draft.id)).rejects.toBeInstanceOf(ForbiddenError);
    await deleteCampaign(organizer, draft.id);
    expect(await handle.db.select().from(campaigns).where(eq(campaigns.id, draft.id))).toEqual([]);
    expect(await handle.db.select().from(events).where(eq(events.campaignId, draft.id))).toEqual([]);
    const audit = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, orgId), eq(auditLog.action, "campaign.delete")));
    expect(audit.map((a) => a.details)).toContainEqual(expect.objectContaining({ slug: draft.slug, events: 1 }));

    const published = await campaign("published");
    await expect(deleteCampaign(organizer, published.id)).rejects.toMatchObject({ messageKey: "campaigns.deleteNotDraft" });

    const back = await campaign("published");
    const { id } = await createEvent(organizer, back.id, eventSchema.parse(warsaw));
    await handle.db
      .insert(signups)
      .values(await sealedSignups(handle, [{ eventId: id, status: "confirmed" as const, name: "Aigul", email: `${unique("a")}@test.example` }]));
    await setCampaignStatus(organizer, back.id, "draft");
    await expect(deleteCampaign(organizer, back.id)).rejects.toMatchObject({ messageKey: "campaigns.deleteHasSignups" });
    expect(await handle.db.select().from(campaigns).where(eq(campaigns.id, back.id))).toHaveLength(1);
  });
});
