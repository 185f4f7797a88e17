import "server-only";
import { count, desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import { auditLog, campaigns, events, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireRole } from "@/lib/orgs/authz";

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
  const safePage = Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1;
  const eventCampaign = alias(campaigns, "event_campaign");
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: auditLog.id,
        action: auditLog.action,
        createdAt: auditLog.createdAt,
        actorName: users.name,
        campaignId: auditLog.campaignId,
        eventId: auditLog.eventId,
        campaignTitle: campaigns.title,
        eventCampaignTitle: eventCampaign.title,
        eventTitle: events.title,
        eventTimeZone: events.timeZone,
        details: auditLog.details,
        rowCount: auditLog.rowCount,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorId))
      .leftJoin(campaigns, eq(campaigns.id, auditLog.campaignId))
      .leftJoin(events, eq(events.id, auditLog.eventId))
      .leftJoin(eventCampaign, eq(eventCampaign.id, events.campaignId))
      .where(eq(auditLog.orgId, orgId))
      .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
      .limit(AUDIT_PAGE_SIZE)
      .offset((safePage - 1) * AUDIT_PAGE_SIZE),
    db.select({ n: count() }).from(auditLog).where(eq(auditLog.orgId, orgId)),
  ]);
  const n = Number(total?.n ?? 0);
  return {
    entries: rows.map((r) => ({
      id: r.id,
      action: r.action,
      createdAt: r.createdAt,
      actorName: r.actorName,
      campaignTitle: r.campaignTitle ?? r.eventCampaignTitle,
      eventTitle: r.eventTitle,
      eventTimeZone: r.eventTimeZone,
      scope: r.eventId ? "event" : r.campaignId ? "campaign" : "none",
      details: r.details && typeof r.details === "object" ? (r.details as Record<string, unknown>) : {},
      rowCount: r.rowCount,
    })),
    total: n,
    page: safePage,
    pages: Math.max(1, Math.ceil(n / AUDIT_PAGE_SIZE)),
  };
}
