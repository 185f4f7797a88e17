import { createServer } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { closeTestDatabase, makeEvent, makeOrg, makeTeam, openTestDatabase, unique } from "@/db/testing";
import type { Actor } from "@/lib/auth/actor";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import {
  createArticle,
  deleteArticle,
  fillArticleFromUrl,
  getArticle,
  linkArticle,
  listArticles,
  setLinkPosition,
  unlinkArticle,
  updateArticle,
} from "./articles";
import { getPublicArticle, readMoreForCampaign, readMoreForEvent, searchPublicArticles } from "./public";
import { articleSchema, linkSchema } from "./schemas";
import { headlineSegments } from "./highlight";

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

const article = (fields: Record<string, string>) => articleSchema.parse({ url: `https://news.example/${unique("a")}`, title: "A report", ...fields });
const link = (target: string, position = "") => linkSchema.parse({ target, position });

describe("the article library", () => {
  it("an organizer adds an article; the same URL again opens the existing one", async () => {
    const input = article({ title: "Kazakhstan: bloody, corrupt regime", publication: "socialistworld.net", publishedOn: "2012-07-18", language: "en" });
    const first = await createArticle(organizer, orgId, input);
    expect(first.existing).toBe(false);
    const again = await createArticle(owner, orgId, articleSchema.parse({ title: "Another title", url: `${input.url}#comments` }));
    expect(again).toEqual({ id: first.id, existing: true });
    const { article: row } = await getArticle(owner, orgId, first.id);
    expect(row).toMatchObject({ title: "Kazakhstan: bloody, corrupt regime", publishedOn: "2012-07-18" });
  });

  it("organizers and owners manage articles; a coordinator is forbidden; another organisation's owner finds nothing", async () => {
    const created = await createArticle(owner, orgId, article({ title: "Owner's article" }));
    await updateArticle(organizer, created.id, article({ title: "Edited by the organizer" }));
    await expect(createArticle(coordinator, orgId, article({}))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listArticles(coordinator, orgId)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateArticle(coordinator, created.id, article({}))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(deleteArticle(coordinator, created.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createArticle(outsider, orgId, article({}))).rejects.toBeInstanceOf(NotFoundError);
    await expect(getArticle(outsider, orgId, created.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateArticle(outsider, created.id, article({}))).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteArticle(outsider, created.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteArticle(null, created.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await getArticle(owner, orgId, created.id)).article.title).toBe("Edited by the organizer");
  });

  it("changing the URL to one the library holds is refused next to the field", async () => {
    const a = await createArticle(organizer, orgId, article({}));
    const b = await createArticle(organizer, orgId, article({}));
    const { article: aRow } = await getArticle(organizer, orgId, a.id);
    await expect(updateArticle(organizer, b.id, article({ url: aRow.url }))).rejects.toMatchObject({ messageKey: "articles.urlTaken", field: "url" });
  });

  it("rejects bad input with a message per field", () => {
    const r = articleSchema.safeParse({ url: "javascript:alert(1)", title: "ab", publishedOn: "18/07/2012", language: "english!" });
    expect(r.success).toBe(false);
    const fields = Object.fromEntries(r.error!.issues.map((i) => [i.path[0], i.message]));
    expect(fields).toMatchObject({ url: "validation.url", title: "validation.tooShort", publishedOn: "validation.date", language: "validation.language" });
  });
});

describe("links and Read more", () => {
  it("links an article to campaigns and events in the organizer's order, newest first otherwise", async () => {
    const { campaign, event } = await makeEvent(handle, orgId);
    const older = await createArticle(organizer, orgId, article({ title: "Older report", publishedOn: "2012-01-10" }));
    const newer = await createArticle(organizer, orgId, article({ title: "Newer report", publishedOn: "2012-07-18" }));
    const pinned = await createArticle(organizer, orgId, article({ title: "Pinned background", publishedOn: "2011-12-16" }));
    await linkArticle(organizer, older.id, link(`campaign:${campaign.id}`));
    await linkArticle(organizer, newer.id, link(`campaign:${campaign.id}`));
    await linkArticle(organizer, pinned.id, link(`campaign:${campaign.id}`, "1"));
    await linkArticle(organizer, newer.id, link(`event:${event.id}`));
    expect((await readMoreForCampaign(campaign.id)).map((a) => a.title)).toEqual(["Pinned background", "Newer report", "Older report"]);
    expect((await readMoreForEvent(event.id)).map((a) => a.title)).toEqual(["Newer report"]);

    // Linking again only changes the order; one row per article and target.
    await linkArticle(owner, older.id, link(`campaign:${campaign.id}`, "0"));
    expect((await readMoreForCampaign(campaign.id)).map((a) => a.title)).toEqual(["Older report", "Pinned background", "Newer report"]);
    const { links } = await getArticle(organizer, orgId, newer.id);
    expect(links).toHaveLength(2);
    const eventLink = links.find((l) => l.eventId === event.id)!;
    expect(eventLink).toMatchObject({ campaignId: campaign.id, eventSlug: event.slug });
    await setLinkPosition(organizer, eventLink.id, 5);
    await unlinkArticle(organizer, eventLink.id);
    expect(await readMoreForEvent(event.id)).toEqual([]);

    // Deleting unlinks it everywhere.
    await deleteArticle(organizer, pinned.id);
    expect((await readMoreForCampaign(campaign.id)).map((a) => a.title)).toEqual(["Older report", "Newer report"]);
  });

  it("cannot link to another organisation's campaign; a coordinator cannot link at all", async () => {
    const theirs = await makeOrg(handle, { owner: 1 });
    const { campaign } = await makeEvent(handle, theirs.org.id);
    const mine = await createArticle(organizer, orgId, article({}));
    await expect(linkArticle(organizer, mine.id, link(`campaign:${campaign.id}`))).rejects.toMatchObject({ messageKey: "articles.links.unknownTarget" });
    const { campaign: ours } = await makeEvent(handle, orgId);
    await expect(linkArticle(coordinator, mine.id, link(`campaign:${ours.id}`))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(linkArticle(theirs.people.owner[0]!, mine.id, link(`campaign:${campaign.id}`))).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("full-text search", () => {
  it("finds Russian and English words, ranked, with the match marked; public search shows only articles of published campaigns", async () => {
    const word = `zhanaozen${unique("w").replace(/-/g, "")}`;
    const ruWord = `забастовка${Math.random().toString(36).slice(2, 6).replace(/\d/g, "ж")}`;
    const { campaign: published } = await makeEvent(handle, orgId);
    const { campaign: draft } = await makeEvent(handle, orgId, {}, "draft");
    const shown = await createArticle(
      organizer,
      orgId,
      article({ title: `Oil workers of ${word}`, excerpt: `Нефтяники и ${ruWord} в Жанаозене`, language: "ru" }),
    );
    const bodyOnly = await createArticle(organizer, orgId, article({ title: "Background", body: `Long text that mentions ${word} once.` }));
    const hidden = await createArticle(organizer, orgId, article({ title: `Draft only ${word}` }));
    await linkArticle(organizer, shown.id, link(`campaign:${published.id}`));
    await linkArticle(organizer, bodyOnly.id, link(`campaign:${published.id}`));
    await linkArticle(organizer, hidden.id, link(`campaign:${draft.id}`));

    const library = await listArticles(organizer, orgId, word);
    expect(library[0]!.id).not.toBe(bodyOnly.id); // a title match outranks a body match
    expect(library.map((a) => a.id).sort()).toEqual([shown.id, bodyOnly.id, hidden.id].sort());
    expect(headlineSegments(library.find((a) => a.id === shown.id)!.titleHeadline!)).toContainEqual({ text: word, mark: true });

    const english = await searchPublicArticles(word);
    expect(english.map((a) => a.id).sort()).toEqual([shown.id, bodyOnly.id].sort());
    const russian = await searchPublicArticles(ruWord);
    expect(russian.map((a) => a.id)).toEqual([shown.id]);
    expect(headlineSegments(russian[0]!.textHeadline)).toContainEqual({ text: ruWord, mark: true });
    expect(await searchPublicArticles("")).toEqual([]);
    expect(await getPublicArticle(hidden.id)).toBeNull();
    expect((await getPublicArticle(shown.id))?.title).toContain(word);
  });
});

describe("fill in from the URL", () => {
  it("opens the library's own article without fetching, fetches an address it does not hold, and is for organizers only", async () => {
    // A page on this machine: fetched only where loopback is allowed, as the guard refuses it otherwise.
    const server = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end('<html lang="ru"><head><title>Суд в Актау</title><meta property="og:site_name" content="Vremya"></head><body></body></html>');
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
      const held = await createArticle(organizer, orgId, articleSchema.parse({ url: `${base}/held`, title: "Held" }));
      // Held: answered from the library, with loopback refused, so a fetch would have thrown.
      expect(await fillArticleFromUrl(organizer, orgId, `${base}/held`, { allowLoopback: false })).toEqual({ existing: held.id });
      const filled = await fillArticleFromUrl(owner, orgId, `${base}/new`, { allowLoopback: true });
      expect(filled).toEqual({ found: expect.objectContaining({ url: `${base}/new`, title: "Суд в Актау", publication: "Vremya", language: "ru" }) });
      await expect(fillArticleFromUrl(coordinator, orgId, `${base}/new`, { allowLoopback: true })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(fillArticleFromUrl(outsider, orgId, `${base}/held`, { allowLoopback: true })).rejects.toBeInstanceOf(NotFoundError);
    } finally {
      server.close();
    }
  });
});
