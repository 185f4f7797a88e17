import "server-only";
import { and, eq, isNotNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { memberships, organisations, secondFactors } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { audited } from "@/lib/audit";
import { PublicError } from "@/lib/errors";
import { requireRole } from "@/lib/orgs/authz";
import { hasSecondFactor } from "./factors";
import { openSessionCounts } from "./sessions";

// An organisation that requires a second factor opens nothing to a member without one (lib/orgs/authz.ts).

/** Whether the organisation requires a second factor (owners only). */
export async function secondFactorRequired(actor: Actor, orgId: string): Promise<boolean> {
  const db = await getDb();
  await requireRole(actor, orgId, "owner", db);
  const [org] = await db.select({ required: organisations.requireSecondFactor }).from(organisations).where(eq(organisations.id, orgId));
  return Boolean(org?.required);
}

/** An owner turns the requirement on or off; only an owner who has a second factor may turn it on. */
export async function setSecondFactorRequired(actor: Actor, orgId: string, required: boolean): Promise<void> {
  const db = await getDb();
  await audited(db, actor, required ? "org.secondFactor.require" : "org.secondFactor.optional", async (tx) => {
    await requireRole(actor, orgId, "owner", tx);
    if (required && !(await hasSecondFactor(tx, actor!.userId))) throw new PublicError("account.policy.ownerNeedsFactor");
    await tx.update(organisations).set({ requireSecondFactor: required }).where(eq(organisations.id, orgId));
    return { result: undefined, audit: { orgId } };
  });
}

/** The organisations that hold a person back until they have a second factor. */
export async function organisationsRequiringFactor(actor: Actor): Promise<{ name: string; slug: string }[]> {
  if (!actor) return [];
  const db = await getDb();
  const userId = actor.userId;
  return db
    .select({ name: organisations.name, slug: organisations.slug })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.orgId))
    .where(and(eq(memberships.userId, userId), eq(organisations.requireSecondFactor, true)));
}

/** For the members page: the requirement, and each member's second factor and open logins (owners only). */
export async function memberSecurity(
  actor: Actor,
  orgId: string,
): Promise<{ required: boolean; members: Map<string, { hasFactor: boolean; sessions: number }> }> {
  const required = await secondFactorRequired(actor, orgId);
  const db = await getDb();
  const rows = await db.select({ userId: memberships.userId }).from(memberships).where(eq(memberships.orgId, orgId));
  const ids = rows.map((r) => r.userId);
  const withFactor = await db
    .selectDistinct({ userId: secondFactors.userId })
    .from(secondFactors)
    .innerJoin(memberships, and(eq(memberships.userId, secondFactors.userId), eq(memberships.orgId, orgId)))
    .where(isNotNull(secondFactors.confirmedAt));
  const factorSet = new Set(withFactor.map((r) => r.userId));
  const sessions = await openSessionCounts(db, ids);
  return { required, members: new Map(ids.map((id) => [id, { hasFactor: factorSet.has(id), sessions: sessions.get(id) ?? 0 }])) };
}
