import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { memberships } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { roleAllows, type Role } from "./roles";

export interface Grant {
  orgId: string;
  userId: string;
  role: Role;
}

export async function getMembership(actor: Actor, orgId: string, db?: DbOrTx): Promise<Grant | null> {
  if (!actor) return null;
  const conn = db ?? (await getDb());
  const [row] = await conn
    .select({ orgId: memberships.orgId, userId: memberships.userId, role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, actor.userId)));
  return row ?? null;
}

/**
 * The one gate for organisation data. Non-members (and anonymous visitors) learn nothing:
 * NotFoundError. Members whose role is too low: ForbiddenError.
 */
export async function requireRole(actor: Actor, orgId: string, needed: Role, db?: DbOrTx): Promise<Grant> {
  const grant = await getMembership(actor, orgId, db);
  if (!grant) throw new NotFoundError();
  if (!roleAllows(grant.role, needed)) throw new ForbiddenError();
  return grant;
}
