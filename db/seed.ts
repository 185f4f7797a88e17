import { and, eq } from "drizzle-orm";
import { hashPassword } from "../lib/auth/password";
import type { Db } from "./client";
import { memberships, organisations, users } from "./schema";
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
    for (const u of DEMO_USERS) {
      let [user] = await tx.select().from(users).where(eq(users.email, u.email));
      if (!user) {
        [user] = await tx.insert(users).values({ name: u.name, email: u.email, passwordHash: await hashPassword(DEMO_PASSWORD) }).returning();
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
    }
    created += await seedStory(tx, org!.id);
    created += await seedArticlesAndTrials(tx, org!.id);
  });
  return { created };
}
