import { createHash, randomBytes, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { addressIndex, eventKey } from "../lib/crypto/keys";
import { sealPersonal } from "../lib/signups/personal";
import { zonedLocalToInstant } from "../lib/time/zones";
import type { Tx } from "./client";
import { campaigns, events, signups, type NewEvent } from "./schema";

// The demo story of July 2012, moved to the weeks ahead so that sign-ups are open.

const DAY = 86_400_000;

/** "YYYY-MM-DD" of the day `days` from `now`. */
function dayFrom(now: Date, days: number) {
  return new Date(now.getTime() + days * DAY).toISOString().slice(0, 10);
}

function at(now: Date, days: number, time: string, zone: string) {
  return zonedLocalToInstant(`${dayFrom(now, days)}T${time}`, zone)!;
}

// Long paragraphs are joined from pieces, not wrapped: the stored text (and the feeds made from it) stays as it was.
const EMBASSY_BODY =
  "On **16 December 2011** police in Zhanaozen, western Kazakhstan, opened fire on oil workers " +
  "who had been on strike for seven months for decent pay and the right to an independent union. " +
  "Officially sixteen people were killed; witnesses speak of many more.\n" +
  "\n" +
  "Since then the regime has put the strikers on trial, not the police who fired. " +
  "Oil workers have been sentenced to up to seven years, and the human rights activist **Vadim Kuramshin**, " +
  "who reported on torture in custody, is in prison.\n" +
  "\n" +
  "On our day of action we stand outside Kazakhstan's embassies in Berlin, London, Brussels and Warsaw at noon, local time, and demand:\n" +
  "\n" +
  "- the release of the jailed oil workers and of Vadim Kuramshin;\n" +
  "- an independent international inquiry into the Zhanaozen massacre;\n" +
  "- the right to strike and to organise in independent unions.\n" +
  "\n" +
  "Read the background: " +
  "[Kazakhstan: Bloody, corrupt regime carries out massive repression against workers](https://www.socialistworld.net/) " +
  "(socialistworld.net, July 2012).";

const TRIAL_BODY =
  "The trials that followed Zhanaozen are show trials: defendants have described torture in pre-trial detention, " +
  "and witnesses have withdrawn statements they say were beaten out of them.\n" +
  "\n" +
  "International observers in the courtroom make that harder to hide. " +
  "The Aktau City Court admits only a handful of members of the public, so **observer places are limited**: " +
  "sign up for a hearing, and join the waitlist if it is full.";

const EMBASSIES = [
  {
    city: "Berlin",
    country: "DE",
    timeZone: "Europe/Berlin",
    venue: "Embassy of the Republic of Kazakhstan",
    address: "Nordendstraße 14–17, 13156 Berlin",
    latitude: 52.5896,
    longitude: 13.3941,
    capacity: null,
  },
  {
    city: "London",
    country: "GB",
    timeZone: "Europe/London",
    venue: "Embassy of Kazakhstan",
    address: "125 Pall Mall, London SW1Y 5EA",
    latitude: 51.5066,
    longitude: -0.1329,
    capacity: 60,
  },
  {
    city: "Brussels",
    country: "BE",
    timeZone: "Europe/Brussels",
    venue: "Embassy of Kazakhstan",
    address: "Avenue Van Bever 30, 1180 Uccle",
    latitude: 50.8032,
    longitude: 4.3526,
    capacity: null,
  },
  {
    city: "Warsaw",
    country: "PL",
    timeZone: "Europe/Warsaw",
    venue: "Ambasada Republiki Kazachstanu",
    address: "ul. Królowej Marysieńki 14, 02-954 Warszawa",
    latitude: 52.1636,
    longitude: 21.0889,
    capacity: 40,
  },
] as const;

const PEOPLE = [
  ["Anna Schmidt", "anna.schmidt"],
  ["Jan Kowalski", "jan.kowalski"],
  ["Zofia Wiśniewska", "zofia.w"],
  ["Айгуль Нурланова", "aigul"],
  ["Ержан Сапаров", "yerzhan"],
  ["Tom Hughes", "tom.hughes"],
  ["Marie Dubois", "marie.dubois"],
  ["Łukasz Nowak", "lukasz.nowak"],
  ["Дмитрий Иванов", "dmitri"],
] as const;

const tokenHash = () => createHash("sha256").update(randomBytes(32).toString("base64url")).digest("base64url");

/** The story's supporters, their personal fields sealed as every sign-up's are (lib/signups/personal.ts). */
async function addSignups(
  tx: Tx,
  orgId: string,
  eventId: string,
  people: readonly (readonly [string, string])[],
  statuses: ("confirmed" | "waitlisted")[],
  roles: (string | null)[],
  now: Date,
) {
  let i = 0;
  const key = await eventKey(tx, { id: eventId, dataKeyId: null }, orgId);
  for (const [name, handle] of people) {
    const status = statuses[i] ?? "confirmed";
    const id = randomUUID();
    const email = `${handle}@supporters.example`;
    await tx.insert(signups).values({
      id,
      eventId,
      personal: sealPersonal(key, id, { name, email, phone: null, comment: null }),
      emailHash: await addressIndex(tx, eventId, email),
      role: roles[i] ?? null,
      status,
      manageTokenHash: tokenHash(),
      consentToContact: i % 3 === 0,
      createdAt: new Date(now.getTime() - (people.length - i) * 3_600_000),
    });
    i++;
  }
  const confirmed = statuses.slice(0, people.length).filter((s) => s === "confirmed").length + Math.max(0, people.length - statuses.length);
  await tx
    .update(events)
    .set({ confirmedCount: confirmed, waitlistedCount: people.length - confirmed })
    .where(eq(events.id, eventId));
}

/**
 * Adds the two campaigns of the story if they are not there yet; returns how many rows it made. The partner
 * organisation, when given, runs the day of action's protests in Berlin and Warsaw (lib/orgs/partners.ts).
 */
export async function seedStory(tx: Tx, orgId: string, now = new Date(), partnerOrgId?: string): Promise<number> {
  const [existing] = await tx.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.slug, "embassy-day-of-action"));
  if (existing) return 0;
  let created = 0;

  const [embassy] = await tx
    .insert(campaigns)
    .values({
      orgId,
      slug: "embassy-day-of-action",
      title: "Day of action at Kazakhstan's embassies",
      kind: "embassy_protest",
      summary:
        "Free the jailed Zhanaozen oil workers and Vadim Kuramshin: protests at noon outside Kazakhstan's embassies in Berlin, London, Brussels and Warsaw.",
      body: EMBASSY_BODY,
      appealUrl: "https://example.org/campaign-kazakhstan/appeal",
      status: "published",
      publishedAt: now,
      retentionDays: 30,
      // "Host a protest in your city": supporters elsewhere may propose one.
      acceptsProposals: true,
    })
    .returning();
  created++;
  const actionDay = 21;
  for (const e of EMBASSIES) {
    const values: NewEvent = {
      campaignId: embassy!.id,
      slug: `embassy-protest-${e.city.toLowerCase()}`,
      title: `Protest at the embassy in ${e.city}`,
      kind: "protest",
      description: "Bring placards and warm clothes. Stewards wear orange vests; follow their lead if the police approach.",
      startsAt: at(now, actionDay, "12:00", e.timeZone),
      endsAt: at(now, actionDay, "14:00", e.timeZone),
      signupDeadline: at(now, actionDay, "10:00", e.timeZone),
      ...e,
      waitlist: e.capacity !== null,
      roles: ["steward", "legal observer", "speaker", "interpreter", "photographer"],
    };
    const hostOrgId = partnerOrgId && (e.city === "Berlin" || e.city === "Warsaw") ? partnerOrgId : orgId;
    const [row] = await tx
      .insert(events)
      .values({ ...values, hostOrgId })
      .returning({ id: events.id });
    created++;
    const people =
      e.city === "Berlin" ? PEOPLE.slice(0, 3) : e.city === "London" ? PEOPLE.slice(5, 7) : e.city === "Warsaw" ? PEOPLE.slice(1, 3).concat([PEOPLE[7]]) : [];
    await addSignups(tx, hostOrgId, row!.id, people, [], ["steward", null, "legal observer"], now);
    created += people.length;
  }

  const [screening] = await tx
    .insert(events)
    .values({
      campaignId: embassy!.id,
      slug: "screening-berlin",
      title: "Film screening and discussion: Zhanaozen, December 2011",
      kind: "screening",
      startsAt: at(now, actionDay - 1, "19:00", "Europe/Berlin"),
      endsAt: at(now, actionDay - 1, "21:30", "Europe/Berlin"),
      timeZone: "Europe/Berlin",
      venue: "Nachbarschaftshaus",
      address: "Urbanstraße 21, 10961 Berlin",
      city: "Berlin",
      country: "DE",
      capacity: 80,
      status: "cancelled",
      changeReason: "The venue withdrew its booking. We are looking for another one and will announce it here.",
    })
    .returning({ id: events.id });
  created += screening ? 1 : 0;

  // A draft: visible to the organisation only.
  await tx.insert(campaigns).values({
    orgId,
    slug: "families-appeal",
    title: "Appeal: support the families of the jailed oil workers",
    kind: "appeal",
    summary: "Draft — collecting for lawyers' fees and for the families while the breadwinners are in prison.",
    status: "draft",
  });
  created++;

  const [trial] = await tx
    .insert(campaigns)
    .values({
      orgId,
      slug: "zhanaozen-trial-watch",
      title: "Trial watch: the Zhanaozen oil workers",
      kind: "trial_watch",
      summary: "International observers at the hearings of the striking oil workers in Aktau, hearing by hearing.",
      body: TRIAL_BODY,
      status: "published",
      publishedAt: now,
      retentionDays: 14,
    })
    .returning();
  created++;
  const court = {
    kind: "hearing" as const,
    timeZone: "Asia/Aqtau",
    venue: "Aktau City Court",
    address: "Microdistrict 9, Aktau",
    city: "Aktau",
    country: "KZ",
    latitude: 43.6481,
    longitude: 51.1722,
    capacity: 5,
    waitlist: true,
    roles: ["observer", "interpreter"],
  };
  const hearings = [
    { slug: "hearing-1", title: "Hearing: the prosecution's witnesses", days: -12, people: PEOPLE.slice(3, 5), statuses: [] as ("confirmed" | "waitlisted")[] },
    {
      slug: "hearing-2",
      title: "Hearing: the defence's case",
      days: 9,
      people: PEOPLE.slice(0, 7),
      statuses: ["confirmed", "confirmed", "confirmed", "confirmed", "confirmed", "waitlisted", "waitlisted"] as ("confirmed" | "waitlisted")[],
    },
    { slug: "hearing-3", title: "Hearing: closing speeches", days: 23, people: PEOPLE.slice(7, 9), statuses: [], postponedFrom: 16 },
    { slug: "verdict", title: "Verdict", days: 37, people: [], statuses: [] },
  ];
  for (const h of hearings) {
    const [row] = await tx
      .insert(events)
      .values({
        campaignId: trial!.id,
        slug: h.slug,
        title: h.title,
        description: "Observers meet at the court entrance 45 minutes before the start; bring your passport. Interpreters from Russian and Kazakh are welcome.",
        startsAt: at(now, h.days, "10:00", court.timeZone),
        endsAt: at(now, h.days, "17:00", court.timeZone),
        ...court,
        ...(h.postponedFrom
          ? {
              status: "postponed" as const,
              previousStartsAt: at(now, h.postponedFrom, "10:00", court.timeZone),
              previousEndsAt: at(now, h.postponedFrom, "17:00", court.timeZone),
              changeReason: "The judge adjourned the hearing after the defence objected to the transcript of a witness statement.",
            }
          : {}),
      })
      .returning({ id: events.id });
    created++;
    await addSignups(tx, orgId, row!.id, h.people, h.statuses, ["observer", "interpreter", "observer", "observer", "observer", "observer", "observer"], now);
    created += h.people.length;
  }
  return created;
}
