import "server-only";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { auditLog, memberships } from "@/db/schema";

export type AccountAuditAction =
  | "account.password.change"
  | "account.password.reset"
  | "account.factor.add"
  | "account.factor.remove"
  | "account.recovery.renew"
  | "account.recovery.use"
  | "account.sessions.end"
  | "account.sessions.endOthers"
  | "account.sessions.endByOwner";

/**
 * Records a change to a person's factors, password or sessions, in the caller's transaction: one row in the audit
 * log of each organisation the person belongs to, so its owners see it. The one place account changes are audited.
 * Logins and logouts are not written (they would bury the owners' log); each login's row shows when it began.
 */
export async function auditAccountChange(
  tx: DbOrTx,
  userId: string,
  actorId: string | null,
  action: AccountAuditAction,
  details: Record<string, unknown> = {},
) {
  const orgs = await tx.select({ orgId: memberships.orgId }).from(memberships).where(eq(memberships.userId, userId));
  if (!orgs.length) return;
  await tx.insert(auditLog).values(orgs.map(({ orgId }) => ({ orgId, actorId, action, details: { ...details, userId } })));
}
