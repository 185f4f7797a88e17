import "server-only";
import { asc, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { signups } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { attendeeScope, attendeeWhere } from "@/lib/attendees/attendees";
import { NotFoundError } from "@/lib/errors";
import { recordAudit } from "./audit";

export interface SheetRow {
  id: string;
  name: string;
  role: string | null;
}

/**
 * The confirmed people of one event, by name, for stewards to tick on paper.
 * Every rendering is a copy of personal data, so each one writes its own audit entry.
 */
export async function signInSheet(actor: Actor, eventId: string, orgId?: string) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const scope = await attendeeScope(actor, { eventId }, tx);
    if (!scope.event || (orgId && scope.campaign.orgId !== orgId)) throw new NotFoundError();
    const filter = { status: "confirmed" as const };
    const rows: SheetRow[] = await tx
      .select({ id: signups.id, name: sql<string>`${signups.name}`, role: signups.role })
      .from(signups)
      .where(attendeeWhere(scope, filter))
      .orderBy(asc(sql`lower(${signups.name})`), asc(signups.id));
    await recordAudit(tx, {
      orgId: scope.campaign.orgId,
      actorId: scope.grant.userId,
      action: "export.sheet",
      campaignId: scope.campaign.id,
      eventId: scope.event.id,
      details: { scope: "event", filter, columns: ["name", "role"] },
      rowCount: rows.length,
    });
    return { campaign: scope.campaign, event: scope.event, rows };
  });
}

