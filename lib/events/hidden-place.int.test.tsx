import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { events, signups, type Event } from "@/db/schema";
import { closeTestDatabase, makeEvent, makeOrg, openTestDatabase, unique } from "@/db/testing";
import { sealedSignups } from "@/db/testing/sealed";
import { CampaignPage } from "@/components/public/pages/campaign-page";
import { PublicDocument } from "@/components/public/pages/document";
import { EventPage } from "@/components/public/pages/event-page";
import { HomePage } from "@/components/public/pages/home-page";
import { OwnSignupPage } from "@/components/public/pages/own-signup-page";
import type { AppLocale } from "@/lib/i18n/config";
import { messagesByLocale } from "@/lib/i18n/messages";
import { loadCampaignPage, loadEventPage, loadHomePage, loadOwnCalendar, loadOwnSignupPage } from "@/lib/public/pages";
import { hashToken } from "@/lib/security/tokens";
import { buildAtomFeed } from "@/lib/trials/feed";
import { getPublicUpdates, getTimeline } from "@/lib/trials/public";
import { articlesOfCampaign } from "@/lib/articles/public";
import { campaignToIcs, eventToIcs } from "./ics";
import { getPublicCampaign, getPublicEvent, getPublicEventById, listUpcomingPublicEvents } from "./public";

// Read as the police would: every public reading and rendering of a campaign with a hidden meeting point, searched
// for the exact place's words.

const EXACT = {
  venue: "Café Verborgen",
  address: "Geheimweg 12",
  latitude: 52.51234,
  longitude: 13.40123,
  onlineUrl: "https://meet.example/secret-room",
};
const SECRETS = [EXACT.venue, EXACT.address, "52.51234", "13.40123", "secret-room", "Geheimweg", "Verborgen"];
const GATHERING = "Near the main station";

let handle: DbHandle;
let campaign: { id: string; slug: string; title: string };
let hidden: Event;
let open: Event;

const leaks = (text: string) => SECRETS.filter((s) => text.includes(s));

const page = (locale: AppLocale, node: ReactNode) =>
  renderToStaticMarkup(
    <PublicDocument locale={locale} messages={messagesByLocale[locale]} path="/" stylesheet="/s.css" script="/p.js">
      {node}
    </PublicDocument>,
  );

beforeAll(async () => {
  handle = await openTestDatabase();
  const { org } = await makeOrg(handle);
  const startsAt = new Date(Date.now() + 7 * 86_400_000);
  const made = await makeEvent(handle, org.id, {
    title: "Picket at the embassy",
    startsAt,
    endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
    timeZone: "Europe/Berlin",
    city: "Berlin",
    country: "DE",
    ...EXACT,
    placeHidden: true,
    gatheringArea: GATHERING,
    placeRevealMinutes: 120,
  });
  campaign = made.campaign;
  hidden = made.event;
  open = (
    await handle.db
      .insert(events)
      .values({
        campaignId: campaign.id,
        slug: unique("open"),
        title: "Vigil in Warsaw",
        kind: "vigil",
        startsAt,
        endsAt: new Date(startsAt.getTime() + 3_600_000),
        timeZone: "Europe/Warsaw",
        venue: "Plac Zamkowy",
        address: "Plac Zamkowy 1",
        city: "Warsaw",
        country: "PL",
        latitude: 52.2477,
        longitude: 21.0144,
        // A gathering area typed and then left unused is not shown either.
        gatheringArea: "Unused area",
      })
      .returning()
  )[0]!;
  // A hearing of the same campaign with its place hidden: the trial timeline is public too.
  await handle.db.insert(events).values({
    campaignId: campaign.id,
    slug: unique("hearing"),
    title: "Hearing",
    kind: "hearing",
    startsAt,
    endsAt: new Date(startsAt.getTime() + 3_600_000),
    timeZone: "Asia/Aqtau",
    city: "Aktau",
    country: "KZ",
    ...EXACT,
    placeHidden: true,
    gatheringArea: "Outside the court district",
  });
});
afterAll(closeTestDatabase);

describe("a hidden meeting point on public readings", () => {
  it("leaves lib with none of the exact place, the gathering area kept", async () => {
    const readings = {
      campaign: await getPublicCampaign(campaign.slug),
      event: await getPublicEvent(campaign.slug, hidden.slug),
      byId: await getPublicEventById(hidden.id),
      upcoming: await listUpcomingPublicEvents(),
      home: await loadHomePage(),
      campaignPage: await loadCampaignPage(campaign.slug, "en", { original: false, caseId: null }),
      eventPage: await loadEventPage(campaign.slug, hidden.slug, "en", { original: false }),
      timeline: await getTimeline(campaign.id),
    };
    for (const [name, reading] of Object.entries(readings)) expect({ name, leaks: leaks(JSON.stringify(reading)) }).toEqual({ name, leaks: [] });
    const event = readings.event!.event;
    expect(event).toMatchObject({ placeHidden: true, gatheringArea: GATHERING, venue: "", address: "", latitude: null, longitude: null, onlineUrl: null });
    expect(event.placeRevealAt).toEqual(new Date(hidden.startsAt.getTime() - 120 * 60_000));
    // What is not hidden is all there.
    const openEvent = readings.campaign!.events.find((e) => e.id === open.id)!;
    expect(openEvent).toMatchObject({ venue: "Plac Zamkowy", latitude: 52.2477, gatheringArea: "", placeRevealAt: null });
  });

  it.each(["en", "ru", "de"] as const)("is absent from the pages as rendered in %s, the map's markers included", async (locale) => {
    const home = page(locale, <HomePage data={await loadHomePage()} />);
    const campaignPage = page(locale, <CampaignPage data={(await loadCampaignPage(campaign.slug, locale, { original: false, caseId: null }))!} />);
    const eventPage = page(
      locale,
      <EventPage data={(await loadEventPage(campaign.slug, hidden.slug, locale, { original: false }))!} signup={{ form: { status: "idle" } }} erased={false} />,
    );
    for (const html of [home, campaignPage, eventPage]) expect(leaks(html)).toEqual([]);
    // The gathering area and the line that says when the place goes out, in the reader's language, the zone named.
    expect(eventPage).toContain(GATHERING);
    expect(eventPage).toContain('data-testid="place-hidden"');
    const zone = messagesByLocale[locale].public.event.localTime.replace("{city}", "Berlin");
    expect(eventPage).toContain(zone.replace(/&/g, "&amp;"));
    expect(campaignPage).toContain(GATHERING);
    expect(campaignPage).not.toContain("Unused area");
    // The map is there, with the open event's point alone.
    const markers = campaignPage.match(/data-markers="([^"]*)"/)?.[1] ?? "";
    expect(markers).toContain("52.2477");
    expect(markers).not.toContain(hidden.slug);
  });

  it("is absent from the event's and the campaign's calendar files and the feed", async () => {
    const found = (await getPublicCampaign(campaign.slug))!;
    const one = eventToIcs(found.campaign, (await getPublicEvent(campaign.slug, hidden.slug))!.event, "https://picket.test");
    const all = campaignToIcs(found.campaign, found.events, "https://picket.test", "de");
    const feed = buildAtomFeed({
      origin: "https://picket.test",
      campaign: found.campaign,
      updates: await getPublicUpdates(campaign.id),
      articles: await articlesOfCampaign(campaign.id),
      labels: { update: "Update", article: "Article" },
    });
    for (const text of [one, all, feed]) expect(leaks(text)).toEqual([]);
    expect(one).toContain(`LOCATION:${GATHERING}\\, Berlin\\, Germany`);
    expect(one).not.toContain("GEO:");
    // The open event keeps its place and its point.
    expect(all).toContain("Plac Zamkowy");
    expect(all).toContain("GEO:52.2477;21.0144");
  });
});

describe("a hidden meeting point on the private page", () => {
  async function signupWithToken(eventId: string, status: "confirmed" | "waitlisted") {
    const token = randomBytes(32).toString("base64url");
    await handle.db
      .insert(signups)
      .values(
        await sealedSignups(handle, [
          { eventId, name: `Supporter ${status}`, email: `${unique("s")}@test.example`, status, manageTokenHash: hashToken(token) },
        ]),
      );
    return token;
  }
  const render = async (token: string) => {
    const data = await loadOwnSignupPage(token);
    const own = (await loadOwnCalendar(token))!;
    return {
      data,
      html: page("en", <OwnSignupPage token={token} data={data} changed={null} refused={null} />),
      ics: eventToIcs(own.campaign, own.event, "https://picket.test"),
    };
  };

  it("says when it comes before its time, and shows it after to confirmed attendees alone", async () => {
    const confirmed = await signupWithToken(hidden.id, "confirmed");
    const waitlisted = await signupWithToken(hidden.id, "waitlisted");
    const before = await render(confirmed);
    expect(before.data!.exactPlace).toBeNull();
    expect(leaks(before.html)).toEqual([]);
    expect(leaks(before.ics)).toEqual([]);
    expect(before.html).toContain(`href="/s/${confirmed}/event.ics"`);
    expect(before.html).toContain("You will get the exact meeting point by email");

    // Its time comes: the event starts within the two hours.
    const soon = new Date(Date.now() + 60 * 60_000);
    await handle.db
      .update(events)
      .set({ startsAt: soon, endsAt: new Date(soon.getTime() + 3_600_000) })
      .where(eq(events.id, hidden.id));
    try {
      const after = await render(confirmed);
      expect(after.data!.exactPlace).toEqual(EXACT);
      expect(after.html).toContain(EXACT.venue);
      expect(after.html).toContain(EXACT.address);
      expect(after.html).toContain(EXACT.onlineUrl);
      expect(after.ics).toContain(`LOCATION:${EXACT.venue}\\, ${EXACT.address}`);
      expect(after.ics).toContain("GEO:52.51234;13.40123");
      const other = await render(waitlisted);
      expect(other.data!.exactPlace).toBeNull();
      expect(leaks(other.html)).toEqual([]);
      expect(leaks(other.ics)).toEqual([]);
      expect(other.html).toContain("goes only to confirmed attendees");
      // The public pages still know nothing of it.
      expect(leaks(JSON.stringify(await getPublicEvent(campaign.slug, hidden.slug)))).toEqual([]);
    } finally {
      await handle.db.update(events).set({ startsAt: hidden.startsAt, endsAt: hidden.endsAt }).where(eq(events.id, hidden.id));
    }
  });
});
