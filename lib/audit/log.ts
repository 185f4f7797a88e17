import "server-only";
import { count, desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditLog, events } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireRole } from "@/lib/orgs/authz";
import { pageNumber, pageOf, pageOffset } from "@/lib/paging";
import { campaignOf, placeNames, withPlaces } from "./places";

export const AUDIT_PAGE_SIZE = 25;

export interface AuditLogEntry {
  id: string;
  action: string;
  createdAt: Date;
  actorName: string | null;
  campaignTitle: string | null;
  eventTitle: string | null;
  eventTimeZone: string | null;
  scope: "event" | "campaign" | "none";
  details: Record<string, unknown>;
  rowCount: number;
}

/** The export log of an organisation (every row `lib/audit` `audited` wrote), newest first: owners only. */
export async function listAuditLog(actor: Actor, orgId: string, page = 1): Promise<{ entries: AuditLogEntry[]; total: number; page: number; pages: number }> {
  const db = await getDb();
  await requireRole(actor, orgId, "owner", db);
  const safePage = pageNumber(page);
  const query = db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      createdAt: auditLog.createdAt,
      campaignId: auditLog.campaignId,
      eventId: auditLog.eventId,
      details: auditLog.details,
      rowCount: auditLog.rowCount,
      eventTimeZone: events.timeZone,
      ...placeNames,
    })
    .from(auditLog)
    .$dynamic();
  const [rows, [total]] = await Promise.all([
    withPlaces(query, auditLog)
      .where(eq(auditLog.orgId, orgId))
      .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
      .limit(AUDIT_PAGE_SIZE)
      .offset(pageOffset(safePage, AUDIT_PAGE_SIZE)),
    db.select({ n: count() }).from(auditLog).where(eq(auditLog.orgId, orgId)),
  ]);
  const entries = rows.map((row): AuditLogEntry => {
    const r = campaignOf(row);
    return {
      id: r.id,
      action: r.action,
      createdAt: r.createdAt,
      actorName: r.actorName,
      campaignTitle: r.campaignTitle,
      eventTitle: r.eventTitle,
      eventTimeZone: r.eventTimeZone,
      scope: r.eventId ? "event" : r.campaignId ? "campaign" : "none",
      details: r.details && typeof r.details === "object" ? (r.details as Record<string, unknown>) : {},
      rowCount: r.rowCount,
    };
  });
  return pageOf(entries, total?.n, safePage, AUDIT_PAGE_SIZE);
}
