import { and, eq, isNull } from "drizzle-orm";
import { hashPassword } from "../lib/auth/password";
import type { Db } from "./client";
import { campaignPartners, campaigns, memberScopes, memberships, organisations, users, type OrgRole } from "./schema";
import { seedStory } from "./seed-story";
import { seedArticlesAndTrials } from "./seed-trials";

export const DEMO_PASSWORD = "solidarity-2012";

export const DEMO_ORG = { name: "Campaign Kazakhstan", slug: "campaign-kazakhstan" };

export const DEMO_USERS = [
  { role: "owner", name: "Aigerim (owner)", email: "owner@picket.example" },
  { role: "organizer", name: "Paul (organizer)", email: "organizer@picket.example" },
  { role: "coordinator", name: "Ewa (coordinator)", email: "coordinator@picket.example" },
] as const;

/** The partner organisation that co-hosts the day of action (lib/orgs/partners.ts), and its logins. */
export const DEMO_PARTNER = { name: "Workers' Solidarity Network", slug: "workers-solidarity" };

export const DEMO_PARTNER_USERS = [
  { role: "owner", name: "Jonas (partner owner)", email: "partner-owner@picket.example" },
  { role: "organizer", name: "Zofia (partner organizer)", email: "partner-organizer@picket.example" },
  { role: "coordinator", name: "Lena (partner coordinator)", email: "partner-coordinator@picket.example" },
] as const;

type SeedTx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** An organisation and its members, made if missing; returns the organisation, the members' ids and how many rows it made. */
async function seedOrg(tx: SeedTx, values: { name: string; slug: string }, people: readonly { role: OrgRole; name: string; email: string }[]) {
  let created = 0;
  let [org] = await tx.select().from(organisations).where(eq(organisations.slug, values.slug));
  if (!org) {
    [org] = await tx.insert(organisations).values(values).returning();
    created++;
  }
  const ids: Partial<Record<OrgRole, string>> = {};
  for (const u of people) {
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
  return { org: org!, ids, created };
}

/** Seeds the demo story. Idempotent: a second run finds everything in place and changes nothing. */
export async function seed(db: Db) {
  let created = 0;
  await db.transaction(async (tx) => {
    const lead = await seedOrg(tx, DEMO_ORG, DEMO_USERS);
    const org = lead.org;
    const ids = lead.ids;
    created += lead.created;
    const partner = await seedOrg(tx, DEMO_PARTNER, DEMO_PARTNER_USERS);
    created += partner.created;
    created += await seedStory(tx, org.id, new Date(), partner.org.id);
    created += await seedArticlesAndTrials(tx, org.id);
    created += await seedReach(tx, org.id, ids.organizer!, ids.coordinator!);
    created += await seedPartner(tx, partner);
  });
  return { created };
}

/**
 * Who sees which attendees: Paul (organizer) made the demo's campaigns; Ewa (coordinator) is given the protests in
 * London and Brussels and the trial watch, and sees no other list (Berlin's and Warsaw's are the partner's).
 */
async function seedReach(tx: SeedTx, orgId: string, organizerId: string, coordinatorId: string): Promise<number> {
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
    { orgId, userId: coordinatorId, kind: "city" as const, country: "GB", city: "London" },
    { orgId, userId: coordinatorId, kind: "city" as const, country: "BE", city: "Brussels" },
    ...(trial ? [{ orgId, userId: coordinatorId, kind: "campaign" as const, campaignId: trial.id }] : []),
  ];
  await tx.insert(memberScopes).values(given.map((g) => ({ ...g, createdBy: organizerId })));
  return given.length;
}

/**
 * The coalition: the Workers' Solidarity Network co-hosts the day of action and runs its protests in Berlin and
 * Warsaw (seedStory); its organizer adds and runs its own events there; its coordinator, Lena, is given Berlin and
 * Warsaw within it.
 */
async function seedPartner(tx: SeedTx, partner: Awaited<ReturnType<typeof seedOrg>>): Promise<number> {
  let created = 0;
  const [day] = await tx.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.slug, "embassy-day-of-action"));
  if (!day) return created;
  const joined = await tx
    .insert(campaignPartners)
    .values({ campaignId: day.id, orgId: partner.org.id, joinedBy: partner.ids.owner! })
    .onConflictDoNothing()
    .returning({ id: campaignPartners.id });
  created += joined.length;
  if (joined.length) {
    const given = [
      { kind: "city" as const, country: "DE", city: "Berlin" },
      { kind: "city" as const, country: "PL", city: "Warsaw" },
    ];
    await tx.insert(memberScopes).values(given.map((g) => ({ ...g, orgId: partner.org.id, userId: partner.ids.coordinator!, createdBy: partner.ids.owner! })));
    created += given.length;
  }
  return created;
}
