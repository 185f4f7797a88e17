import "server-only";
import { and, eq, gte, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db/client";
import { accessRecords, auditLog, type AccessKind } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { getAuthSecret } from "@/lib/auth/secret";
import { keyedHash } from "@/lib/security/tokens";

// One place where changes and looks at personal data are put on record. A change runs inside `audited`, which writes
// its audit row in the same transaction: the change cannot commit without it, and the type of `run` makes the
// caller say what to record. Reads of personal data go through `recordAccess`, in the read's own transaction.

export interface AuditFacts {
  orgId: string;
  campaignId?: string | null;
  eventId?: string | null;
  details?: Record<string, unknown>;
  rowCount?: number;
  /** The change's own time, when the caller has one (tests inject the clock). */
  at?: Date;
  /** A change made once however often its form is sent: the form's own key (see `earlierChange`). */
  idempotencyKey?: string;
}

/**
 * Runs a change and records it, in one transaction (a savepoint inside one already open). `run` authorizes
 * and changes; it returns what the caller gets and the facts of the audit row.
 */
export async function audited<T>(
  db: DbOrTx,
  actor: Actor,
  action: string,
  // `audit: null` only when the call changed nothing (a repeated form): it has to be said, it cannot be forgotten.
  run: (tx: Tx) => Promise<{ result: T; audit: AuditFacts | null }>,
): Promise<T> {
  return db.transaction(async (tx) => {
    const { result, audit } = await run(tx);
    if (!audit) return result;
    await tx.insert(auditLog).values({
      orgId: audit.orgId,
      actorId: actor?.userId ?? null,
      action,
      campaignId: audit.campaignId ?? null,
      eventId: audit.eventId ?? null,
      details: audit.details ?? {},
      rowCount: audit.rowCount ?? 0,
      idempotencyKey: audit.idempotencyKey ?? null,
      ...(audit.at ? { createdAt: audit.at } : {}),
    });
    return result;
  });
}

/** The audit row of a change already made with this form's key, if any: its row count says what it did. */
export async function earlierChange(tx: DbOrTx, orgId: string, action: string, idempotencyKey: string): Promise<{ rowCount: number } | null> {
  const [row] = await tx
    .select({ rowCount: auditLog.rowCount })
    .from(auditLog)
    .where(and(eq(auditLog.orgId, orgId), eq(auditLog.action, action), eq(auditLog.idempotencyKey, idempotencyKey)));
  return row ?? null;
}

export interface AccessFacts {
  orgId: string;
  kind: AccessKind;
  campaignId?: string | null;
  eventId?: string | null;
  /** Which page was read (filters, sort, page): the same page read again within a minute is one record. */
  pageKey?: string;
  rowCount: number;
}

export const MERGE_SECONDS = 60;

/**
 * One record of a look at personal data: who, when, which event or campaign, how many rows, which kind. A repeat of
 * the same page by the same member within a minute raises that record's `times` (and keeps its largest row count).
 * Exports and printed sheets are never merged: each one is a copy.
 */
export async function recordAccess(db: DbOrTx, actor: Actor, facts: AccessFacts, now = new Date()) {
  const actorId = actor?.userId ?? null;
  // A keyed hash: what was searched for (often a name) never reaches the database.
  const pageKey = facts.pageKey ? keyedHash(getAuthSecret() + ":access-page", facts.pageKey).slice(0, 32) : "";
  const mergeable = facts.kind !== "export" && facts.kind !== "sheet";
  if (mergeable && actorId) {
    const since = new Date(now.getTime() - MERGE_SECONDS * 1000);
    const merged = await db
      .update(accessRecords)
      .set({ times: sql`${accessRecords.times} + 1`, lastAt: now, rowCount: sql`greatest(${accessRecords.rowCount}, ${facts.rowCount})` })
      .where(
        and(
          eq(accessRecords.orgId, facts.orgId),
          eq(accessRecords.actorId, actorId),
          eq(accessRecords.kind, facts.kind),
          eq(accessRecords.pageKey, pageKey),
          facts.eventId ? eq(accessRecords.eventId, facts.eventId) : sql`${accessRecords.eventId} is null`,
          facts.campaignId ? eq(accessRecords.campaignId, facts.campaignId) : sql`${accessRecords.campaignId} is null`,
          gte(accessRecords.lastAt, since),
        ),
      )
      .returning({ id: accessRecords.id });
    if (merged.length) return;
  }
  await db.insert(accessRecords).values({
    orgId: facts.orgId,
    actorId,
    kind: facts.kind,
    campaignId: facts.campaignId ?? null,
    eventId: facts.eventId ?? null,
    pageKey,
    rowCount: facts.rowCount,
    createdAt: now,
    lastAt: now,
  });
}
