import "server-only";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { attendeeScope, attendeesOpened } from "@/lib/attendees/attendees";
import { NotFoundError } from "@/lib/errors";
import { audited, recordAccess } from "@/lib/audit";

export interface SheetRow {
  id: string;
  name: string;
  role: string | null;
}

/**
 * The confirmed people of one event, by name, for stewards to tick on paper.
 * Every rendering is a copy of personal data, so each one writes its own audit entry.
 */
export async function signInSheet(actor: Actor, eventId: string, orgId?: string, now = new Date()) {
  const db = await getDb();
  return audited(db, actor, "export.sheet", async (tx) => {
    const scope = await attendeeScope(actor, { eventId }, tx);
    if (!scope.event || (orgId && scope.grant.orgId !== orgId)) throw new NotFoundError();
    const filter = { status: "confirmed" as const };
    const byName = new Intl.Collator("und", { sensitivity: "base", numeric: true });
    const rows: SheetRow[] = (await attendeesOpened(tx, scope, filter))
      .map(({ id, name, role }) => ({ id, name, role }))
      .sort((a, b) => byName.compare(a.name, b.name));
    const where = { orgId: scope.grant.orgId, campaignId: scope.campaign.id, eventId: scope.event.id };
    await recordAccess(tx, actor, { ...where, kind: "sheet", rowCount: rows.length }, now);
    return {
      result: { campaign: scope.campaign, event: scope.event, rows },
      audit: { ...where, details: { scope: "event", filter, columns: ["name", "role"] }, rowCount: rows.length },
    };
  });
}
