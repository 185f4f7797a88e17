import { eq } from "drizzle-orm";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { campaigns } from "@/db/schema";
import { closeTestDatabase, makeEvent, makeTeam, openTestDatabase } from "@/db/testing";
import { createArticle, linkArticle } from "@/lib/articles/articles";
import { articlesOfCampaign } from "@/lib/articles/public";
import { articleSchema, linkSchema } from "@/lib/articles/schemas";
import type { Actor } from "@/lib/auth/actor";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { createEvent, postponeEvent, updateEvent } from "@/lib/events/events";
import { eventSchema, postponeSchema } from "@/lib/events/schemas";
import { buildAtomFeed } from "./feed";
import { getPublicCases, getPublicUpdates, getTimeline } from "./public";
import { caseSchema, caseUpdateSchema, defendantSchema } from "./schemas";
import { addDefendant, createCase, deleteCase, getTrialWatch, postUpdate, removeDefendant, updateDefendant } from "./trials";

let handle: DbHandle;
let orgId: string;
let organizer: Actor;
let owner: Actor;
let coordinator: Actor;
let outsider: Actor;
let campaignId: string;

beforeAll(async () => {
  handle = await openTestDatabase();
  const team = await makeTeam(handle);
  ({ owner, organizer, coordinator, outsider } = team);
  orgId = team.org.id;
  const { campaign } = await makeEvent(handle, orgId);
  await handle.db.update(campaigns).set({ kind: "trial_watch" }).where(eq(campaigns.id, campaign.id));
  campaignId = campaign.id;
});
afterAll(closeTestDatabase);

const hearing = (fields: Record<string, string>) =>
  eventSchema.parse({
    title: "Hearing",
    kind: "hearing",
    startsLocal: "2027-04-10T10:00",
    endsLocal: "2027-04-10T17:00",
    timeZone: "Asia/Aqtau",
    country: "KZ",
    city: "Aktau",
    venue: "Aktau City Court",
    capacity: "5",
    waitlist: "on",
    roles: "observer",
    ...fields,
  });
const update = (fields: Record<string, string>) =>
  caseUpdateSchema.parse({ kind: "update", title: "News", postedLocal: "2027-04-01T12:00", timeZone: "Asia/Aqtau", isPublic: "on", ...fields });

describe("trial watch", () => {
  it("organizers keep cases, defendants (public or internal), hearings with postponements and updates; the public sees only what is public", async () => {
    const oil = await createCase(
      organizer,
      campaignId,
      caseSchema.parse({ name: "The Zhanaozen oil workers", court: "Aktau City Court", charges: "Organising mass unrest" }),
    );
    const kuramshin = await createCase(owner, campaignId, caseSchema.parse({ name: "Vadim Kuramshin" }));
    await addDefendant(organizer, defendantSchema.parse({ caseId: oil.id, name: "Roza Tuletayeva", status: "detained", isPublic: "on" }));
    const hidden = await addDefendant(organizer, defendantSchema.parse({ caseId: oil.id, name: "N. B.", status: "on_trial" }));
    await addDefendant(
      organizer,
      defendantSchema.parse({ caseId: kuramshin.id, name: "Vadim Kuramshin", status: "sentenced", sentence: "12 years", isPublic: "on" }),
    );

    const first = await createEvent(organizer, campaignId, hearing({ title: "Hearing: witnesses", caseId: oil.id }));
    const second = await createEvent(
      organizer,
      campaignId,
      hearing({ title: "Hearing: closing speeches", caseId: oil.id, startsLocal: "2027-04-20T10:00", endsLocal: "2027-04-20T17:00" }),
    );
    await createEvent(
      organizer,
      campaignId,
      hearing({ title: "Appeal hearing", caseId: kuramshin.id, startsLocal: "2027-03-01T10:00", endsLocal: "2027-03-01T12:00" }),
    );
    await postponeEvent(
      organizer,
      second.id,
      postponeSchema.parse({
        startsLocal: "2027-05-04T10:00",
        endsLocal: "2027-05-04T17:00",
        timeZone: "Asia/Aqtau",
        reason: "The judge adjourned the hearing.",
      }),
    );
    await postUpdate(
      organizer,
      campaignId,
      update({ kind: "verdict", title: "Sentences handed down", body: "Up to **seven years**.", caseId: oil.id, postedLocal: "2027-05-05T15:00" }),
    );
    await postUpdate(organizer, campaignId, update({ title: "Internal: lawyer's notes", isPublic: "", caseId: oil.id }));
    const article = await createArticle(organizer, orgId, {
      ...articleSchema.parse({ url: "https://www.socialistworld.net/kz-2012", title: "Kazakhstan: bloody, corrupt regime" }),
      publishedOn: "2027-04-15",
    });
    await linkArticle(organizer, article.id, linkSchema.parse({ target: `campaign:${campaignId}` }));

    // Members see everything, coordinators included.
    const watch = await getTrialWatch(coordinator, campaignId);
    expect(watch.cases.map((c) => c.name)).toEqual(["The Zhanaozen oil workers", "Vadim Kuramshin"]);
    expect(watch.cases[0]!.defendants.map((d) => d.name)).toEqual(["Roza Tuletayeva", "N. B."]);
    expect(watch.cases[0]!.hearings.map((h) => h.id)).toEqual([first.id, second.id]);
    expect(watch.updates).toHaveLength(2);

    // The public: public defendants and updates only.
    const cases = await getPublicCases(campaignId);
    expect(cases[0]!.defendants.map((d) => d.name)).toEqual(["Roza Tuletayeva"]);
    expect(JSON.stringify(cases)).not.toContain("N. B.");
    const timeline = await getTimeline(campaignId);
    expect(timeline.map((i) => (i.type === "article" ? i.article.title : i.title))).toEqual([
      "Sentences handed down",
      "Hearing: closing speeches",
      "Kazakhstan: bloody, corrupt regime",
      "Hearing: witnesses",
      "Appeal hearing",
    ]);
    const moved = timeline.find((i) => i.type === "hearing" && i.title === "Hearing: closing speeches");
    expect(moved).toMatchObject({ status: "postponed", changeReason: "The judge adjourned the hearing.", previousStartsAt: new Date("2027-04-20T05:00:00Z") });
    expect(moved!.date).toEqual(new Date("2027-05-04T05:00:00Z"));
    expect(JSON.stringify(timeline)).not.toContain("lawyer's notes");

    // The case filter.
    const onlyKuramshin = await getTimeline(campaignId, kuramshin.id);
    expect(onlyKuramshin.map((i) => (i.type === "article" ? i.article.title : i.title))).toEqual(["Appeal hearing"]);

    // A defendant's status changes with the verdict; making them public shows them.
    await updateDefendant(organizer, hidden.id, { name: "N. B.", status: "sentenced", sentence: "5 years", notes: "", isPublic: true });
    expect((await getPublicCases(campaignId))[0]!.defendants).toContainEqual({ name: "N. B.", status: "sentenced", sentence: "5 years", notes: "" });
  });

  it("a hearing's case must belong to the same campaign", async () => {
    const { campaign: other } = await makeEvent(handle, orgId);
    await handle.db.update(campaigns).set({ kind: "trial_watch" }).where(eq(campaigns.id, other.id));
    const foreign = await createCase(organizer, other.id, caseSchema.parse({ name: "Another case" }));
    await expect(createEvent(organizer, campaignId, hearing({ caseId: foreign.id }))).rejects.toMatchObject({
      messageKey: "trials.unknownCase",
      field: "caseId",
    });
    const ok = await createEvent(organizer, campaignId, hearing({ title: "Plain hearing" }));
    await expect(updateEvent(organizer, ok.id, hearing({ title: "Plain hearing", caseId: foreign.id }))).rejects.toMatchObject({
      messageKey: "trials.unknownCase",
    });
    await expect(postUpdate(organizer, campaignId, update({ caseId: foreign.id }))).rejects.toMatchObject({ messageKey: "trials.unknownCase" });
  });

  it("coordinators read but cannot change; another organisation's owner and visitors find nothing", async () => {
    const c = await createCase(organizer, campaignId, caseSchema.parse({ name: "Case for access" }));
    await expect(createCase(coordinator, campaignId, caseSchema.parse({ name: "Nope" }))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(addDefendant(coordinator, defendantSchema.parse({ caseId: c.id, name: "X Y", status: "detained" }))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(postUpdate(coordinator, campaignId, update({}))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getTrialWatch(outsider, campaignId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getTrialWatch(null, campaignId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(createCase(outsider, campaignId, caseSchema.parse({ name: "Nope" }))).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteCase(outsider, c.id)).rejects.toBeInstanceOf(NotFoundError);
    const d = await addDefendant(owner, defendantSchema.parse({ caseId: c.id, name: "A. B.", status: "detained" }));
    await expect(removeDefendant(outsider, d.id)).rejects.toBeInstanceOf(NotFoundError);
    await removeDefendant(organizer, d.id);
    await deleteCase(organizer, c.id);
    expect((await getTrialWatch(coordinator, campaignId)).cases.map((x) => x.name)).not.toContain("Case for access");
  });

  it("cases belong to trial-watch campaigns only", async () => {
    const { campaign } = await makeEvent(handle, orgId);
    await expect(createCase(organizer, campaign.id, caseSchema.parse({ name: "A case" }))).rejects.toMatchObject({ messageKey: "trials.notTrialWatch" });
  });
});

describe("the Atom feed", () => {
  it("parses as XML and has the feed's and every entry's required elements, escaped", async () => {
    const [updates, articles] = await Promise.all([getPublicUpdates(campaignId), articlesOfCampaign(campaignId)]);
    const xml = buildAtomFeed({
      origin: "https://picket.example",
      campaign: {
        id: campaignId,
        slug: "zhanaozen-trial-watch",
        title: "Trial watch <Zhanaozen> & “friends”",
        summary: "Hearing by hearing",
        orgName: "Campaign Kazakhstan",
        updatedAt: new Date("2027-01-01T00:00:00Z"),
      },
      updates,
      articles,
      labels: { update: "Update", article: "Article" },
    });
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: (name) => ["entry", "link"].includes(name) }).parse(xml);
    const feed = doc.feed;
    expect(feed["@xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(feed.id).toBe(`urn:uuid:${campaignId}`);
    expect(feed.title).toBe("Trial watch <Zhanaozen> & “friends”");
    expect(new Date(feed.updated).toISOString()).toBe(feed.updated);
    expect(feed.link).toContainEqual(expect.objectContaining({ "@rel": "self", "@href": "https://picket.example/c/zhanaozen-trial-watch/feed.xml" }));
    expect(feed.link).toContainEqual(expect.objectContaining({ "@rel": "alternate", "@href": "https://picket.example/c/zhanaozen-trial-watch" }));
    expect(feed.author.name).toBe("Campaign Kazakhstan");
    expect(feed.entry.length).toBe(updates.length + articles.length);
    expect(feed.entry.length).toBeGreaterThanOrEqual(2);
    for (const entry of feed.entry) {
      expect(entry.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
      expect(entry.title).toBeTruthy();
      expect(Number.isNaN(Date.parse(entry.updated))).toBe(false);
      expect(entry.link[0]["@href"]).toMatch(/^https:\/\//);
    }
    expect(feed.entry.map((e: { title: string }) => e.title)).toContain("Sentences handed down");
    expect(xml).not.toContain("lawyer's notes");
  });
});
