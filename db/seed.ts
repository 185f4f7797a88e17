import { and, eq, isNull } from "drizzle-orm";
import { hashPassword } from "../lib/auth/password";
import type { Db } from "./client";
import { campaigns, memberScopes, memberships, organisations, users } from "./schema";
import { seedStory } from "./seed-story";
import { seedArticlesAndTrials } from "./seed-trials";

export const DEMO_PASSWORD = "solidarity-2012";

export const DEMO_ORG = { name: "Campaign Kazakhstan", slug: "campaign-kazakhstan" };

export const DEMO_USERS = [
  { role: "owner", name: "Aigerim (owner)", email: "owner@picket.example" },
  { role: "organizer", name: "Paul (organizer)", email: "organizer@picket.example" },
  { role: "coordinator", name: "Ewa (coordinator)", email: "coordinator@picket.example" },
] as const;

/** Seeds the demo story. Idempotent: a second run finds everything in place and changes nothing. */
export async function seed(db: Db) {
  let created = 0;
  await db.transaction(async (tx) => {
    let [org] = await tx.select().from(organisations).where(eq(organisations.slug, DEMO_ORG.slug));
    if (!org) {
      [org] = await tx.insert(organisations).values(DEMO_ORG).returning();
      created++;
    }
    const ids: Partial<Record<(typeof DEMO_USERS)[number]["role"], string>> = {};
    for (const u of DEMO_USERS) {
      let [user] = await tx.select().from(users).where(eq(users.email, u.email));
      if (!user) {
        [user] = await tx
          .insert(users)
          .values({ name: u.name, email: u.email, passwordHash: await hashPassword(DEMO_PASSWORD) })
          .returning();
        created++;
      }
      const [member] = await tx
        .select()
        .from(memberships)
        .where(and(eq(memberships.orgId, org!.id), eq(memberships.userId, user!.id)));
      if (!member) {
        await tx.insert(memberships).values({ orgId: org!.id, userId: user!.id, role: u.role });
        created++;
      }
      ids[u.role] = user!.id;
    }
    created += await seedStory(tx, org!.id);
    created += await seedArticlesAndTrials(tx, org!.id);
    created += await seedReach(tx, org!.id, ids.organizer!, ids.coordinator!);
  });
  return { created };
}

/**
 * Who sees which attendees: Paul (organizer) made the demo's campaigns; Ewa (coordinator) is given the protests in
 * Berlin and Warsaw and the trial watch, and sees no other list (London and Brussels answer 404 to her).
 */
async function seedReach(tx: Parameters<Parameters<Db["transaction"]>[0]>[0], orgId: string, organizerId: string, coordinatorId: string): Promise<number> {
  await tx
    .update(campaigns)
    .set({ createdBy: organizerId })
    .where(and(eq(campaigns.orgId, orgId), isNull(campaigns.createdBy)));
  const [any] = await tx
    .select({ id: memberScopes.id })
    .from(memberScopes)
    .where(and(eq(memberScopes.orgId, orgId), eq(memberScopes.userId, coordinatorId)));
  if (any) return 0;
  const [trial] = await tx.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.slug, "zhanaozen-trial-watch"));
  const given = [
    { orgId, userId: coordinatorId, kind: "city" as const, country: "DE", city: "Berlin" },
    { orgId, userId: coordinatorId, kind: "city" as const, country: "PL", city: "Warsaw" },
    ...(trial ? [{ orgId, userId: coordinatorId, kind: "campaign" as const, campaignId: trial.id }] : []),
  ];
  await tx.insert(memberScopes).values(given.map((g) => ({ ...g, createdBy: organizerId })));
  return given.length;
}
