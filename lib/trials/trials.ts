import "server-only";
import { and, asc, desc, eq } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { campaigns, caseUpdates, cases, defendants, events, type Campaign, type Case, type CaseUpdate, type Defendant } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { NotFoundError, PublicError } from "@/lib/errors";
import { requireRole } from "@/lib/orgs/authz";
import type { Role } from "@/lib/orgs/roles";
import type { CaseInput, CaseUpdateInput, DefendantInput } from "./schemas";

// Trial watch: the cases a campaign follows, their defendants, hearings and dated updates.
// Members of the organisation read everything (internal defendants too); organizers change it.

async function campaignOf(actor: Actor, campaignId: string, needed: Role, db: DbOrTx): Promise<Campaign> {
  const [campaign] = await db.select().from(campaigns).where(eq(campaigns.id, campaignId));
  if (!campaign) throw new NotFoundError();
  await requireRole(actor, campaign.orgId, needed, db);
  return campaign;
}

async function caseOf(actor: Actor, caseId: string, needed: Role, db: DbOrTx): Promise<Case> {
  const [row] = await db.select().from(cases).where(eq(cases.id, caseId));
  if (!row) throw new NotFoundError();
  await campaignOf(actor, row.campaignId, needed, db);
  return row;
}

/** A case of this campaign, or a message next to the field. */
export async function caseInCampaign(db: DbOrTx, campaignId: string, caseId: string | null, field = "caseId") {
  if (!caseId) return;
  const [row] = await db
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.id, caseId), eq(cases.campaignId, campaignId)));
  if (!row) throw new PublicError("trials.unknownCase", field);
}

export async function createCase(actor: Actor, campaignId: string, input: CaseInput) {
  const db = await getDb();
  const campaign = await campaignOf(actor, campaignId, "organizer", db);
  if (campaign.kind !== "trial_watch") throw new PublicError("trials.notTrialWatch");
  const [row] = await db
    .insert(cases)
    .values({ campaignId, ...input })
    .returning({ id: cases.id });
  return row!;
}

export async function updateCase(actor: Actor, caseId: string, input: CaseInput) {
  const db = await getDb();
  await caseOf(actor, caseId, "organizer", db);
  await db
    .update(cases)
    .set({ ...input, updatedAt: new Date() })
    .where(eq(cases.id, caseId));
  return { id: caseId };
}

/** Deletes the case with its defendants; its hearings and updates stay, no longer tied to it. */
export async function deleteCase(actor: Actor, caseId: string) {
  const db = await getDb();
  await caseOf(actor, caseId, "organizer", db);
  await db.delete(cases).where(eq(cases.id, caseId));
  return { id: caseId };
}

export async function addDefendant(actor: Actor, input: DefendantInput) {
  const db = await getDb();
  const { caseId, ...rest } = input;
  await caseOf(actor, caseId, "organizer", db);
  const [row] = await db
    .insert(defendants)
    .values({ caseId, ...rest })
    .returning({ id: defendants.id });
  return row!;
}

async function defendantOf(actor: Actor, defendantId: string, db: DbOrTx) {
  const [row] = await db.select().from(defendants).where(eq(defendants.id, defendantId));
  if (!row) throw new NotFoundError();
  await caseOf(actor, row.caseId, "organizer", db);
  return row;
}

export async function updateDefendant(actor: Actor, defendantId: string, input: Omit<DefendantInput, "caseId">) {
  const db = await getDb();
  await defendantOf(actor, defendantId, db);
  await db.update(defendants).set(input).where(eq(defendants.id, defendantId));
  return { id: defendantId };
}

export async function removeDefendant(actor: Actor, defendantId: string) {
  const db = await getDb();
  await defendantOf(actor, defendantId, db);
  await db.delete(defendants).where(eq(defendants.id, defendantId));
  return { id: defendantId };
}

export async function postUpdate(actor: Actor, campaignId: string, input: CaseUpdateInput) {
  const db = await getDb();
  await campaignOf(actor, campaignId, "organizer", db);
  await caseInCampaign(db, campaignId, input.caseId);
  const [row] = await db
    .insert(caseUpdates)
    .values({ campaignId, ...input, createdBy: actor!.userId })
    .returning({ id: caseUpdates.id });
  return row!;
}

async function updateOf(actor: Actor, updateId: string, db: DbOrTx) {
  const [row] = await db.select().from(caseUpdates).where(eq(caseUpdates.id, updateId));
  if (!row) throw new NotFoundError();
  await campaignOf(actor, row.campaignId, "organizer", db);
  return row;
}

export async function editUpdate(actor: Actor, updateId: string, input: CaseUpdateInput) {
  const db = await getDb();
  const row = await updateOf(actor, updateId, db);
  await caseInCampaign(db, row.campaignId, input.caseId);
  await db
    .update(caseUpdates)
    .set({ ...input, updatedAt: new Date() })
    .where(eq(caseUpdates.id, updateId));
  return { id: updateId };
}

export async function deleteUpdate(actor: Actor, updateId: string) {
  const db = await getDb();
  await updateOf(actor, updateId, db);
  await db.delete(caseUpdates).where(eq(caseUpdates.id, updateId));
  return { id: updateId };
}

export interface TrialWatch {
  cases: (Case & {
    defendants: Defendant[];
    hearings: {
      id: string;
      slug: string;
      title: string;
      startsAt: Date;
      timeZone: string;
      status: string;
      previousStartsAt: Date | null;
      changeReason: string | null;
    }[];
  })[];
  updates: CaseUpdate[];
  unassignedHearings: { id: string; slug: string; title: string; startsAt: Date; timeZone: string; status: string }[];
}

/** Everything a member sees of a trial watch, internal defendants and updates included. */
export async function getTrialWatch(actor: Actor, campaignId: string): Promise<TrialWatch> {
  const db = await getDb();
  await campaignOf(actor, campaignId, "coordinator", db);
  const [caseRows, defendantRows, hearingRows, updates] = await Promise.all([
    db.select().from(cases).where(eq(cases.campaignId, campaignId)).orderBy(asc(cases.createdAt)),
    db
      .select({ d: defendants })
      .from(defendants)
      .innerJoin(cases, eq(cases.id, defendants.caseId))
      .where(eq(cases.campaignId, campaignId))
      .orderBy(asc(defendants.createdAt)),
    db
      .select({
        id: events.id,
        slug: events.slug,
        title: events.title,
        startsAt: events.startsAt,
        timeZone: events.timeZone,
        status: events.status,
        previousStartsAt: events.previousStartsAt,
        changeReason: events.changeReason,
        caseId: events.caseId,
      })
      .from(events)
      .where(and(eq(events.campaignId, campaignId), eq(events.kind, "hearing")))
      .orderBy(asc(events.startsAt)),
    db.select().from(caseUpdates).where(eq(caseUpdates.campaignId, campaignId)).orderBy(desc(caseUpdates.postedAt)),
  ]);
  return {
    cases: caseRows.map((c) => ({
      ...c,
      defendants: defendantRows.map((r) => r.d).filter((d) => d.caseId === c.id),
      hearings: hearingRows.filter((h) => h.caseId === c.id),
    })),
    updates,
    unassignedHearings: hearingRows.filter((h) => !h.caseId),
  };
}

/** The cases of a campaign, for the hearing form's choice. */
export async function listCaseChoices(actor: Actor, campaignId: string): Promise<{ id: string; name: string }[]> {
  const db = await getDb();
  await campaignOf(actor, campaignId, "coordinator", db);
  return db.select({ id: cases.id, name: cases.name }).from(cases).where(eq(cases.campaignId, campaignId)).orderBy(asc(cases.createdAt));
}
