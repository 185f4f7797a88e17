import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { caseUpdates, cases, defendants, events, type CaseUpdateKind, type DefendantStatus, type EventStatus } from "@/db/schema";
import { articlesOfCampaign, type PublicArticle } from "@/lib/articles/public";
import type { CaseFields } from "./schemas";

const pick = ({ id, name, court, caseNumber, charges, summary }: CaseFields): CaseFields => ({ id, name, court, caseNumber, charges, summary });

// Public reads of a trial watch: public defendants and public updates only, as plain objects.
// Callers pass the id of a campaign they have already found visible.

export interface PublicDefendant {
  name: string;
  status: DefendantStatus;
  sentence: string;
  notes: string;
}

export interface PublicCase extends CaseFields {
  defendants: PublicDefendant[];
}

export type TimelineItem =
  | {
      type: "hearing";
      key: string;
      date: Date;
      caseId: string | null;
      slug: string;
      title: string;
      status: EventStatus;
      timeZone: string;
      endsAt: Date;
      venue: string;
      city: string;
      previousStartsAt: Date | null;
      changeReason: string | null;
    }
  | { type: "update"; key: string; date: Date; caseId: string | null; id: string; kind: CaseUpdateKind; title: string; body: string; updatedAt: Date }
  | { type: "article"; key: string; date: Date; caseId: string | null; article: PublicArticle };

export async function getPublicCases(campaignId: string): Promise<PublicCase[]> {
  const db = await getDb();
  const [caseRows, people] = await Promise.all([
    db.select().from(cases).where(eq(cases.campaignId, campaignId)).orderBy(asc(cases.createdAt)),
    db
      .select({ caseId: defendants.caseId, name: defendants.name, status: defendants.status, sentence: defendants.sentence, notes: defendants.notes })
      .from(defendants)
      .innerJoin(cases, eq(cases.id, defendants.caseId))
      .where(and(eq(cases.campaignId, campaignId), eq(defendants.isPublic, true)))
      .orderBy(asc(defendants.createdAt)),
  ]);
  return caseRows.map((c) => ({
    ...pick(c),
    defendants: people.filter((p) => p.caseId === c.id).map(({ caseId: _c, ...p }) => p),
  }));
}

export async function getPublicUpdates(campaignId: string) {
  const db = await getDb();
  return db
    .select({
      id: caseUpdates.id,
      caseId: caseUpdates.caseId,
      kind: caseUpdates.kind,
      title: caseUpdates.title,
      body: caseUpdates.body,
      postedAt: caseUpdates.postedAt,
      updatedAt: caseUpdates.updatedAt,
    })
    .from(caseUpdates)
    .where(and(eq(caseUpdates.campaignId, campaignId), eq(caseUpdates.isPublic, true)));
}

/** Hearings, postponements, verdicts and updates merged with the linked articles; newest first. */
export async function getTimeline(campaignId: string, caseId?: string | null): Promise<TimelineItem[]> {
  const db = await getDb();
  const [hearings, updates, articles] = await Promise.all([
    db
      .select()
      .from(events)
      .where(and(eq(events.campaignId, campaignId), eq(events.kind, "hearing"))),
    getPublicUpdates(campaignId),
    articlesOfCampaign(campaignId),
  ]);
  const caseOfEvent = new Map(hearings.map((h) => [h.id, h.caseId]));
  const items: TimelineItem[] = [
    ...hearings.map((h): TimelineItem => ({
      type: "hearing",
      key: `h-${h.id}`,
      date: h.startsAt,
      caseId: h.caseId,
      slug: h.slug,
      title: h.title,
      status: h.status,
      timeZone: h.timeZone,
      endsAt: h.endsAt,
      // A hidden place shows as the public see it (lib/events/place.ts).
      venue: h.placeHidden ? h.gatheringArea : h.venue,
      city: h.city,
      previousStartsAt: h.previousStartsAt,
      changeReason: h.changeReason,
    })),
    ...updates.map((u): TimelineItem => ({
      type: "update",
      key: `u-${u.id}`,
      date: u.postedAt,
      caseId: u.caseId,
      id: u.id,
      kind: u.kind,
      title: u.title,
      body: u.body,
      updatedAt: u.updatedAt,
    })),
    ...articles.map((a): TimelineItem => {
      const { eventId, ...article } = a;
      return {
        type: "article",
        key: `a-${a.id}`,
        date: new Date(`${a.publishedOn ?? a.updatedAt.toISOString().slice(0, 10)}T00:00:00Z`),
        caseId: eventId ? (caseOfEvent.get(eventId) ?? null) : null,
        article,
      };
    }),
  ];
  return items.filter((i) => !caseId || i.caseId === caseId).sort((a, b) => b.date.getTime() - a.date.getTime());
}
