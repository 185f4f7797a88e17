import "server-only";
import { and, desc, eq, gt, isNotNull, isNull, lte, or, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { invitations, memberships, organisations, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { NotFoundError, PublicError } from "@/lib/errors";
import { invitationMessage, invitationUrl } from "@/lib/mail/invitation-mail";
import { siteOrigin } from "@/lib/mail/origin";
import { enqueue } from "@/lib/mail/outbox";
import { hashToken, newToken } from "@/lib/security/tokens";
import { audited } from "@/lib/audit";
import { requireRole } from "./authz";
import type { Role } from "./roles";
import type { CreateInvitationInput } from "./schemas";

export const INVITATION_DAYS = 7;

const sameAddress = (a: string, b: string) => a.normalize("NFC").toLowerCase() === b.normalize("NFC").toLowerCase();

export type InvitationStatus = "pending" | "accepted" | "revoked" | "expired";

export interface InvitationView {
  id: string;
  role: Role;
  note: string | null;
  email: string | null;
  createdAt: Date;
  expiresAt: Date;
  status: InvitationStatus;
}

function statusOf(row: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now: Date): InvitationStatus {
  if (row.acceptedAt) return "accepted";
  if (row.revokedAt) return "revoked";
  if (row.expiresAt <= now) return "expired";
  return "pending";
}

/**
 * Creates a one-time link. The token is returned once (in the link) and only its hash is kept;
 * with an address, the link is also emailed, queued in the same transaction as the invitation.
 */
export async function createInvitation(actor: Actor, orgId: string, input: CreateInvitationInput, now = new Date()) {
  const grant = await requireRole(actor, orgId, "owner");
  if (input.role === "owner" && !input.email) throw new PublicError("validation.ownerNeedsEmail", "email");
  const token = newToken();
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 24 * 60 * 60 * 1000);
  const url = invitationUrl(siteOrigin(), token);
  const email = input.email ?? null;
  const db = await getDb();
  return audited(db, actor, "invitation.create", async (tx) => {
    // An address that already belongs to a member: a second link would only confuse; a role is changed in the list.
    if (email) {
      const [member] = await tx
        .select({ id: users.id })
        .from(users)
        .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.orgId, orgId)))
        .where(eq(users.email, email.trim().toLowerCase()));
      if (member) throw new PublicError("invitations.alreadyMemberAddress", "email", { email });
    }
    const [row] = await tx
      .insert(invitations)
      .values({ orgId, role: input.role, note: input.note || null, email, tokenHash: hashToken(token), createdBy: grant.userId, createdAt: now, expiresAt })
      .returning({ id: invitations.id });
    if (email) {
      const [org] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, orgId));
      await enqueue(tx, [invitationMessage({ id: row!.id, orgId, orgName: org!.name, role: input.role, email, url, locale: input.language })], now);
    }
    return {
      result: { id: row!.id, token, url, expiresAt, emailed: email !== null },
      audit: { orgId, details: { invitation: row!.id, role: input.role, emailed: email !== null }, at: now },
    };
  });
}

export async function listInvitations(actor: Actor, orgId: string, now = new Date()): Promise<InvitationView[]> {
  await requireRole(actor, orgId, "owner");
  const db = await getDb();
  const rows = await db.select().from(invitations).where(eq(invitations.orgId, orgId)).orderBy(desc(invitations.createdAt)).limit(50);
  return rows.map((r) => ({ id: r.id, role: r.role, note: r.note, email: r.email, createdAt: r.createdAt, expiresAt: r.expiresAt, status: statusOf(r, now) }));
}

export async function revokeInvitation(actor: Actor, orgId: string, invitationId: string, now = new Date()) {
  const db = await getDb();
  await audited(db, actor, "invitation.revoke", async (tx) => {
    await requireRole(actor, orgId, "owner", tx);
    const done = await tx
      .update(invitations)
      .set({ revokedAt: now })
      .where(and(eq(invitations.id, invitationId), eq(invitations.orgId, orgId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
      .returning({ id: invitations.id, role: invitations.role });
    if (done.length === 0) throw new NotFoundError();
    return { result: undefined, audit: { orgId, details: { invitation: invitationId, role: done[0]!.role }, at: now } };
  });
}

/** What the holder of a link may see before accepting: the organisation's name and the role. */
export async function previewInvitation(token: string, now = new Date()) {
  const db = await getDb();
  const [row] = await db
    .select({ inv: invitations, orgName: organisations.name, orgSlug: organisations.slug })
    .from(invitations)
    .innerJoin(organisations, eq(organisations.id, invitations.orgId))
    .where(eq(invitations.tokenHash, hashToken(token)));
  if (!row) return null;
  const status = statusOf(row.inv, now);
  // The invited address, for the registration form: only while the link can still be used.
  return {
    orgName: row.orgName,
    orgSlug: row.orgSlug,
    role: row.inv.role,
    expiresAt: row.inv.expiresAt,
    status,
    email: status === "pending" ? row.inv.email : null,
  };
}

/** Joins the organisation; the link works once, within its seven days. */
export async function acceptInvitation(actor: Actor, token: string, now = new Date()) {
  if (!actor) throw new NotFoundError();
  const db = await getDb();
  return audited(db, actor, "invitation.accept", async (tx) => {
    const [inv] = await tx
      .select()
      .from(invitations)
      .where(eq(invitations.tokenHash, hashToken(token)))
      .for("update");
    if (!inv) throw new NotFoundError();
    const status = statusOf(inv, now);
    if (status !== "pending") throw new PublicError(`invitations.status.${status}`);
    const [existing] = await tx
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.orgId, inv.orgId), eq(memberships.userId, actor.userId)));
    if (existing) throw new PublicError("invitations.alreadyMember");
    if (inv.role === "owner") {
      const [me] = await tx.select({ email: users.email }).from(users).where(eq(users.id, actor.userId));
      if (!inv.email || !me || !sameAddress(me.email, inv.email)) throw new PublicError("invitations.otherAddress");
    }
    const used = await tx
      .update(invitations)
      .set({ acceptedAt: now, acceptedBy: actor.userId })
      .where(and(eq(invitations.id, inv.id), isNull(invitations.acceptedAt), gt(invitations.expiresAt, sql`${now.toISOString()}::timestamptz`)))
      .returning({ id: invitations.id });
    if (used.length === 0) throw new PublicError("invitations.status.accepted");
    await tx.insert(memberships).values({ orgId: inv.orgId, userId: actor.userId, role: inv.role });
    const [org] = await tx.select({ slug: organisations.slug, name: organisations.name }).from(organisations).where(eq(organisations.id, inv.orgId));
    return {
      result: { orgSlug: org!.slug, orgName: org!.name, role: inv.role },
      audit: { orgId: inv.orgId, details: { invitation: inv.id, member: actor.userId, role: inv.role }, at: now },
    };
  });
}

/**
 * Forgets the address of every invitation that can no longer be used (accepted, withdrawn or expired): it was
 * needed only to send the link and, for an owner's, to check who accepts it. Run by the hourly purge.
 */
export async function forgetSettledInvitationAddresses(now = new Date(), db?: DbOrTx): Promise<number> {
  const conn = db ?? (await getDb());
  const done = await conn
    .update(invitations)
    .set({ email: null })
    .where(
      and(
        isNotNull(invitations.email),
        or(isNotNull(invitations.acceptedAt), isNotNull(invitations.revokedAt), lte(invitations.expiresAt, sql`${now.toISOString()}::timestamptz`)),
      ),
    )
    .returning({ id: invitations.id });
  return done.length;
}
