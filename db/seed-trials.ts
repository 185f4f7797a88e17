import { and, eq, inArray } from "drizzle-orm";
import { zonedLocalToInstant } from "../lib/time/zones";
import type { Tx } from "./client";
import { articleLinks, articles, campaigns, caseUpdates, cases, defendants, events } from "./schema";

// The demo's reading and its trial watch: the report behind the story, linked to both campaigns,
// and the cases the trial watch follows. Added once, also to a database seeded before they existed.

const DAY = 86_400_000;
const at = (now: Date, days: number, time: string, zone: string) =>
  zonedLocalToInstant(`${new Date(now.getTime() + days * DAY).toISOString().slice(0, 10)}T${time}`, zone)!;

export const DEMO_ARTICLE = {
  url: "https://www.socialistworld.net/",
  title: "Kazakhstan: Bloody, corrupt regime carries out massive repression against workers",
  publication: "socialistworld.net",
  author: "Committee for a Workers' International",
  publishedOn: "2012-07-12",
  language: "en",
  excerpt:
    "Seven months after the massacre of striking oil workers in Zhanaozen, the regime puts the strikers on trial, " +
    "jails the human rights activist Vadim Kuramshin and hounds anyone who speaks for them. An appeal for international solidarity.",
  body:
    "**Our summary.** The report describes the strike of the Zhanaozen oil workers in 2011, the police shooting of 16 December 2011, " +
    "and the show trials that followed in Aktau.\n" +
    "\n" +
    "Заголовок по-русски: «Казахстан: кровавый, коррумпированный режим проводит массовые репрессии против рабочих».",
};

const COURT_ZONE = "Asia/Aqtau";

export async function seedArticlesAndTrials(tx: Tx, orgId: string, now = new Date()): Promise<number> {
  const [known] = await tx
    .select({ id: articles.id })
    .from(articles)
    .where(and(eq(articles.orgId, orgId), eq(articles.url, DEMO_ARTICLE.url)));
  if (known) return 0;
  const story = await tx
    .select({ id: campaigns.id, slug: campaigns.slug })
    .from(campaigns)
    .where(and(eq(campaigns.orgId, orgId), inArray(campaigns.slug, ["embassy-day-of-action", "zhanaozen-trial-watch"])));
  const embassy = story.find((c) => c.slug === "embassy-day-of-action");
  const trial = story.find((c) => c.slug === "zhanaozen-trial-watch");
  if (!embassy || !trial) return 0;
  let created = 0;

  const [article] = await tx
    .insert(articles)
    .values({ orgId, ...DEMO_ARTICLE })
    .returning({ id: articles.id });
  await tx.insert(articleLinks).values([
    { articleId: article!.id, campaignId: embassy.id, position: 0 },
    { articleId: article!.id, campaignId: trial.id, position: 0 },
  ]);
  created += 3;

  const [oil] = await tx
    .insert(cases)
    .values({
      campaignId: trial.id,
      name: "The Zhanaozen oil workers",
      court: "Aktau City Court",
      charges: "Organising and taking part in mass unrest",
      summary:
        "Oil workers who struck for seven months in 2011 are on trial for the unrest that followed the police shooting of 16 December 2011. " +
        "Several describe torture in pre-trial detention.",
    })
    .returning({ id: cases.id });
  const [kuramshin] = await tx
    .insert(cases)
    .values({
      campaignId: trial.id,
      name: "Vadim Kuramshin",
      court: "Regional court, Petropavl",
      charges: "Extortion (he says: for reporting on torture in prisons)",
      summary: "The human rights activist who documented torture in Kazakhstan's prisons is tried again after his acquittal was overturned.",
    })
    .returning({ id: cases.id });
  created += 2;

  await tx.insert(defendants).values([
    {
      caseId: oil!.id,
      name: "Roza Tuletayeva",
      status: "sentenced",
      sentence: "7 years",
      notes: "Strike spokesperson; described torture in custody in court.",
      isPublic: true,
    },
    { caseId: oil!.id, name: "T. K.", status: "on_trial", notes: "Initials only, at the family's request.", isPublic: true },
    // Internal: the family fears reprisals; only members of the organisation see this one.
    {
      caseId: oil!.id,
      name: "Aset Zhaksylykov",
      status: "detained",
      notes: "Family asked us not to publish the name. Lawyer: via the Almaty office.",
      isPublic: false,
    },
    { caseId: kuramshin!.id, name: "Vadim Kuramshin", status: "detained", isPublic: true },
  ]);
  created += 4;

  // The story's hearings in Aktau belong to the oil workers' case.
  await tx
    .update(events)
    .set({ caseId: oil!.id })
    .where(and(eq(events.campaignId, trial.id), eq(events.kind, "hearing")));
  await tx.insert(events).values({
    campaignId: trial.id,
    caseId: kuramshin!.id,
    slug: "kuramshin-hearing",
    title: "Hearing: the retrial of Vadim Kuramshin",
    kind: "hearing",
    description: "Observers meet outside the court 30 minutes before the start.",
    startsAt: at(now, 30, "10:00", "Asia/Almaty"),
    endsAt: at(now, 30, "16:00", "Asia/Almaty"),
    timeZone: "Asia/Almaty",
    venue: "North Kazakhstan Regional Court",
    city: "Petropavl",
    country: "KZ",
    capacity: 5,
    waitlist: true,
    roles: ["observer", "interpreter"],
  });
  created++;

  await tx.insert(caseUpdates).values([
    {
      campaignId: trial.id,
      caseId: oil!.id,
      kind: "update",
      title: "Observers admitted to the courtroom",
      body: "After protests at the embassies, the court admitted five international observers to the hearing of the prosecution's witnesses.",
      postedAt: at(now, -11, "18:00", COURT_ZONE),
      isPublic: true,
    },
    {
      campaignId: trial.id,
      caseId: oil!.id,
      kind: "verdict",
      title: "Sentences handed down for the first group of oil workers",
      body:
        "The court sentenced **Roza Tuletayeva** to seven years in prison; others received between three and five years. " +
        "The trial of the remaining defendants goes on — observers are needed at the next hearings.",
      postedAt: at(now, -5, "16:30", COURT_ZONE),
      isPublic: true,
    },
    {
      campaignId: trial.id,
      caseId: oil!.id,
      kind: "update",
      title: "Internal: lawyers ask us to wait before naming new defendants",
      postedAt: at(now, -3, "09:00", COURT_ZONE),
      isPublic: false,
    },
  ]);
  created += 3;
  return created;
}
