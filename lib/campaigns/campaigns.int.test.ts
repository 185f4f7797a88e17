import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeTestDatabase, makeOrg, makeTeam, openTestDatabase, unique } from "@/db/testing";
import type { DbHandle } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { ForbiddenError, NotFoundError, PublicError } from "@/lib/errors";
import { createEvent } from "@/lib/events/events";
import { eventSchema } from "@/lib/events/schemas";
import { campaignForActor, createCampaign, getCampaignBySlug, listCampaigns, listPublishedCampaigns, setCampaignStatus, updateCampaign } from "./campaigns";
import { orgDashboard } from "./dashboard";
import { campaignSchema, campaignStatusSchema, type CampaignInput } from "./schemas";

let handle: DbHandle;
let orgId: string;
let owner: Actor;
let organizer: Actor;
let coordinator: Actor;
let outsider: Actor;

beforeAll(async () => {
  handle = await openTestDatabase();
  const team = await makeTeam(handle);
  ({ owner, organizer, coordinator, outsider } = team);
  orgId = team.org.id;
});
afterAll(closeTestDatabase);

/** Parses like the form does, so tests use what a person would type. */
function input(fields: Record<string, string>): CampaignInput {
  return campaignSchema.parse({ kind: "embassy_protest", ...fields });
}

describe("creating campaigns", () => {
  it("an organizer creates a draft whose address is made from the title, Cyrillic included", async () => {
    const title = `Солидарность с Жанаозеном ${unique("x")}`;
    const created = await createCampaign(organizer, orgId, input({ title, summary: "Free the oil workers" }));
    expect(created.slug).toMatch(/^solidarnost-s-zhanaozenom-x-[a-z0-9]+$/);
    const row = await getCampaignBySlug(coordinator, orgId, created.slug);
    expect(row).toMatchObject({ title, status: "draft", kind: "embassy_protest", summary: "Free the oil workers", retentionDays: 30, publishedAt: null });
  });

  it("a second campaign with the same title gets the next free address", async () => {
    const title = `Day of action ${unique("t")}`;
    const first = await createCampaign(organizer, orgId, input({ title }));
    const second = await createCampaign(owner, orgId, input({ title }));
    const third = await createCampaign(owner, orgId, input({ title }));
    expect(second.slug).toBe(`${first.slug}-2`);
    expect(third.slug).toBe(`${first.slug}-3`);
  });

  it("a chosen address that is taken is refused next to the slug field", async () => {
    const slug = unique("embassy-protests");
    await createCampaign(organizer, orgId, input({ title: "Embassy protests", slug }));
    const err = await createCampaign(organizer, orgId, input({ title: "Other", slug })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PublicError);
    expect(err).toMatchObject({ messageKey: "campaigns.slugTaken", field: "slug" });
  });

  it("addresses are unique across organisations too (they are public)", async () => {
    const slug = unique("shared-address");
    await createCampaign(organizer, orgId, input({ title: "Ours", slug }));
    const theirs = await makeOrg(handle, { owner: 1 });
    await expect(createCampaign(theirs.people.owner[0]!, theirs.org.id, input({ title: "Theirs", slug }))).rejects.toMatchObject({
      messageKey: "campaigns.slugTaken",
    });
  });

  it("a coordinator is forbidden, an outsider and an anonymous visitor learn nothing", async () => {
    await expect(createCampaign(coordinator, orgId, input({ title: "Not mine" }))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createCampaign(outsider, orgId, input({ title: "Not mine" }))).rejects.toBeInstanceOf(NotFoundError);
    await expect(createCampaign(null, orgId, input({ title: "Not mine" }))).rejects.toBeInstanceOf(NotFoundError);
    expect((await listCampaigns(owner, orgId)).map((c) => c.title)).not.toContain("Not mine");
  });
});

describe("campaign form validation", () => {
  it.each([
    [{ title: "ab" }, "title", "validation.tooShort"],
    [{ title: "Trial watch", slug: "Not A Slug!" }, "slug", "validation.slug"],
    [{ title: "Trial watch", kind: "party" }, "kind", "validation.choose"],
    [{ title: "Trial watch", appealUrl: "donate here" }, "appealUrl", "validation.url"],
    [{ title: "Trial watch", retentionDays: "0" }, "retentionDays", "validation.retentionRange"],
    [{ title: "Trial watch", retentionDays: "abc" }, "retentionDays", "validation.wholeNumber"],
  ])("%j → %s: %s", (fields, path, message) => {
    const result = campaignSchema.safeParse({ kind: "trial_watch", ...fields });
    expect(result.success).toBe(false);
    expect(result.error?.issues.find((i) => i.path[0] === path)?.message).toBe(message);
  });

  it("an empty slug and appeal address mean none", () => {
    expect(campaignSchema.parse({ title: "Appeal", kind: "appeal", slug: "", appealUrl: "" })).toMatchObject({
      slug: undefined,
      appealUrl: null,
      retentionDays: 30,
    });
  });

  it("only the three statuses are accepted", () => {
    expect(campaignStatusSchema.safeParse({ status: "deleted" }).success).toBe(false);
    expect(campaignStatusSchema.parse({ status: "archived" })).toEqual({ status: "archived" });
  });
});

describe("editing and publishing", () => {
  it("an organizer edits a draft, including its address; a coordinator cannot", async () => {
    const { id, slug } = await createCampaign(organizer, orgId, input({ title: "Trial watch draft" }));
    const newSlug = unique("trial-watch");
    await expect(updateCampaign(coordinator, id, input({ title: "Hijacked" }))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateCampaign(outsider, id, input({ title: "Hijacked" }))).rejects.toBeInstanceOf(NotFoundError);
    const updated = await updateCampaign(
      organizer,
      id,
      input({ title: "Trial watch: Zhanaozen oil workers", slug: newSlug, kind: "trial_watch", retentionDays: "14" }),
    );
    expect(updated.slug).toBe(newSlug);
    await expect(getCampaignBySlug(owner, orgId, slug)).rejects.toBeInstanceOf(NotFoundError);
    expect(await getCampaignBySlug(owner, orgId, newSlug)).toMatchObject({
      title: "Trial watch: Zhanaozen oil workers",
      kind: "trial_watch",
      retentionDays: 14,
    });

    const other = await createCampaign(organizer, orgId, input({ title: "Another draft" }));
    await expect(updateCampaign(organizer, other.id, input({ title: "Another draft", slug: newSlug }))).rejects.toMatchObject({
      messageKey: "campaigns.slugTaken",
      field: "slug",
    });
  });

  it("publishing sets the publication date once; archive and back to draft keep it; the address stays fixed once published", async () => {
    const { id, slug } = await createCampaign(organizer, orgId, input({ title: "Embassy day of action" }));
    await expect(setCampaignStatus(coordinator, id, "published")).rejects.toBeInstanceOf(ForbiddenError);
    expect(await setCampaignStatus(organizer, id, "published")).toEqual({ slug, status: "published" });
    const published = await getCampaignBySlug(coordinator, orgId, slug);
    expect(published.status).toBe("published");
    expect(published.publishedAt).toBeInstanceOf(Date);
    expect((await listPublishedCampaigns()).map((c) => c.slug)).toContain(slug);

    const renamed = await updateCampaign(organizer, id, input({ title: "Embassy day of action, 20 July", slug: unique("moved") }));
    expect(renamed.slug).toBe(slug);

    await setCampaignStatus(owner, id, "archived");
    const archived = await getCampaignBySlug(coordinator, orgId, slug);
    expect(archived.status).toBe("archived");
    expect(archived.publishedAt).toEqual(published.publishedAt);
    expect((await listPublishedCampaigns()).map((c) => c.slug)).not.toContain(slug);

    await setCampaignStatus(organizer, id, "draft");
    expect((await getCampaignBySlug(coordinator, orgId, slug)).status).toBe("draft");
  });

  it("two drafts given the same new address at once: one gets it, the other is told next to the field", async () => {
    const [a, b] = await Promise.all([
      createCampaign(organizer, orgId, input({ title: "Race a" })),
      createCampaign(organizer, orgId, input({ title: "Race b" })),
    ]);
    const wanted = unique("race");
    const results = await Promise.allSettled([
      updateCampaign(organizer, a.id, input({ title: "Race a", slug: wanted })),
      updateCampaign(owner, b.id, input({ title: "Race b", slug: wanted })),
    ]);
    expect(results.filter((r) => r.status === "fulfilled").map((r) => (r as PromiseFulfilledResult<{ slug: string }>).value.slug)).toEqual([wanted]);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ messageKey: "campaigns.slugTaken", field: "slug" });
  });

  it("an edit and a publication at once: the published campaign keeps the address it was published under", async () => {
    const { id, slug } = await createCampaign(organizer, orgId, input({ title: "Publish race" }));
    await Promise.all([
      setCampaignStatus(owner, id, "published"),
      updateCampaign(organizer, id, input({ title: "Publish race", slug: unique("moved") })).catch(() => null),
    ]);
    const now = await campaignForActor(owner, id, "organizer");
    expect(now.campaign.status).toBe("published");
    // Either the edit came first and the campaign was published under its new address, or it came second and kept the old one.
    const published = (await listPublishedCampaigns()).find((c) => c.slug === now.campaign.slug);
    expect(published, `published under ${now.campaign.slug} (created as ${slug})`).toBeDefined();
    await expect(updateCampaign(organizer, id, input({ title: "Publish race", slug: unique("later") }))).resolves.toMatchObject({ slug: now.campaign.slug });
  });

  it("campaignForActor names the actor's role, or refuses", async () => {
    const { id } = await createCampaign(organizer, orgId, input({ title: "Role check" }));
    expect((await campaignForActor(owner, id, "organizer")).role).toBe("owner");
    await expect(campaignForActor(coordinator, id, "organizer")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(campaignForActor(outsider, id, "coordinator")).rejects.toBeInstanceOf(NotFoundError);
    await expect(campaignForActor(owner, "00000000-0000-4000-8000-000000000000", "coordinator")).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("lists and the dashboard", () => {
  it("list published first, with event counts; the dashboard carries events with live counts", async () => {
    const fresh = await makeOrg(handle, { organizer: 1, coordinator: 1 });
    const org = fresh.org.id;
    const [me, helper] = [fresh.people.organizer[0]!, fresh.people.coordinator[0]!];
    const draft = await createCampaign(me, org, input({ title: "Draft campaign" }));
    const live = await createCampaign(me, org, input({ title: "Published campaign" }));
    await setCampaignStatus(me, live.id, "published");
    const ev = eventSchema.parse({
      title: "Picket",
      kind: "picket",
      startsLocal: "2012-07-20T12:00",
      endsLocal: "2012-07-20T14:00",
      timeZone: "Europe/Berlin",
      city: "Berlin",
      country: "DE",
      capacity: "20",
    });
    await createEvent(me, live.id, ev);

    const list = await listCampaigns(helper, org);
    expect(list.map((c) => [c.title, c.status, c.eventCount])).toEqual([
      ["Published campaign", "published", 1],
      ["Draft campaign", "draft", 0],
    ]);
    const board = await orgDashboard(helper, org, "en");
    expect(board.map((c) => c.id)).toEqual([live.id, draft.id]);
    expect(board[0]!.events).toEqual([
      expect.objectContaining({
        city: "Berlin",
        country: "DE",
        capacity: 20,
        confirmed: 0,
        waitlisted: 0,
        timeZone: "Europe/Berlin",
        startsAt: "2012-07-20T10:00:00.000Z",
      }),
    ]);
    expect(board[1]!.events).toEqual([]);
    // Written on the server in the reader's language, never left to a browser's own locale data.
    expect(board[0]!.events[0]).toMatchObject({ when: "Fri, 20 Jul 2012, 12:00 CEST", place: "Berlin, Germany" });
    const kk = (await orgDashboard(helper, org, "kk"))[0]!.events[0]!;
    expect(kk.when).toBe("2012 ж. 20 шіл., жм, 12:00 GMT+2");
    expect(kk.place).toBe("Berlin, Германия");
    await expect(orgDashboard(outsider, org, "en")).rejects.toBeInstanceOf(NotFoundError);
    await expect(listCampaigns(null, org)).rejects.toBeInstanceOf(NotFoundError);
  });
});
