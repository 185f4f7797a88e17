import "server-only";
import { and, eq, isNotNull, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { memberships, organisations, secondFactors } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { ForbiddenError, NotFoundError, SecondFactorRequiredError } from "@/lib/errors";
import { roleAllows, type Role } from "./roles";

export interface Grant {
  orgId: string;
  userId: string;
  role: Role;
}

async function membershipRow(actor: Actor, orgId: string, db?: DbOrTx) {
  if (!actor) return null;
  const conn = db ?? (await getDb());
  const hasFactor = conn
    .select({ one: sql`1` })
    .from(secondFactors)
    .where(and(eq(secondFactors.userId, actor.userId), isNotNull(secondFactors.confirmedAt)));
  const [row] = await conn
    .select({
      orgId: memberships.orgId,
      userId: memberships.userId,
      role: memberships.role,
      factorMissing: sql<boolean>`${organisations.requireSecondFactor} and not exists (${hasFactor})`,
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.orgId))
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, actor.userId)));
  return row ?? null;
}

export async function getMembership(actor: Actor, orgId: string, db?: DbOrTx): Promise<Grant | null> {
  const row = await membershipRow(actor, orgId, db);
  return row ? { orgId: row.orgId, userId: row.userId, role: row.role } : null;
}

/**
 * The one gate for organisation data. Non-members (and anonymous visitors) learn nothing:
 * NotFoundError. Members whose role is too low: ForbiddenError. Members of an organisation that requires a
 * second factor, without one: SecondFactorRequiredError (a ForbiddenError), until they set one up.
 */
export async function requireRole(actor: Actor, orgId: string, needed: Role, db?: DbOrTx): Promise<Grant> {
  const row = await membershipRow(actor, orgId, db);
  if (!row) throw new NotFoundError();
  if (!roleAllows(row.role, needed)) throw new ForbiddenError();
  // The organisation requires a second factor of everyone who can see personal data (every role today).
  if (row.factorMissing) throw new SecondFactorRequiredError();
  return { orgId: row.orgId, userId: row.userId, role: row.role };
}
