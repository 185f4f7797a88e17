import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { memberships, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { endSessionsOf } from "@/lib/accounts/sessions";
import { NotFoundError, PublicError } from "@/lib/errors";
import { audited } from "@/lib/audit";
import { requireRole } from "./authz";
import type { Role } from "./roles";

export interface MemberView {
  userId: string;
  name: string;
  email: string;
  role: Role;
  since: Date;
}

export async function listMembers(actor: Actor, orgId: string): Promise<MemberView[]> {
  await requireRole(actor, orgId, "owner");
  const db = await getDb();
  return db
    .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role, since: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.orgId, orgId))
    .orderBy(asc(users.name));
}

// Locks the organisation's owner rows, so two concurrent demotions cannot leave it without an owner.
async function lockedOwnerIds(tx: Tx, orgId: string): Promise<string[]> {
  const rows = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.role, "owner")))
    .for("update");
  return rows.map((r) => r.userId);
}

async function targetMembership(tx: Tx, orgId: string, userId: string) {
  const [row] = await tx
    .select()
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)))
    .for("update");
  if (!row) throw new NotFoundError();
  return row;
}

export async function changeRole(actor: Actor, orgId: string, userId: string, role: Role): Promise<void> {
  const db = await getDb();
  await audited(db, actor, "member.role", async (tx) => {
    const owners = await lockedOwnerIds(tx, orgId); // first, so the role check below sees committed changes
    await requireRole(actor, orgId, "owner", tx);
    const target = await targetMembership(tx, orgId, userId);
    if (target.role === "owner" && role !== "owner" && owners.length <= 1) throw new PublicError("members.lastOwner");
    await tx
      .update(memberships)
      .set({ role })
      .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
    return { result: undefined, audit: target.role === role ? null : { orgId, details: { member: userId, from: target.role, to: role } } };
  });
}

/** An owner removes a member, or a member leaves (userId = their own). The last owner can do neither. */
export async function removeMember(actor: Actor, orgId: string, userId: string): Promise<void> {
  const db = await getDb();
  await audited(db, actor, "member.remove", async (tx) => {
    const leaving = actor?.userId === userId;
    const owners = await lockedOwnerIds(tx, orgId);
    await requireRole(actor, orgId, leaving ? "coordinator" : "owner", tx);
    const target = await targetMembership(tx, orgId, userId);
    if (target.role === "owner" && owners.length <= 1) throw new PublicError("members.lastOwner");
    await tx.delete(memberships).where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
    // A removed member's open logins end at once (one who leaves keeps only the one they leave from).
    const ended = await endSessionsOf(tx, userId, leaving ? actor?.sessionId : null);
    return { result: undefined, audit: { orgId, details: { userId, role: target.role, left: leaving, sessionsEnded: ended } } };
  });
}
