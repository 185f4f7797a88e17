import "server-only";
import { asc, desc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { campaigns, events } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { countryName } from "@/lib/geo/countries";
import { requireRole } from "@/lib/orgs/authz";
import { formatInstant } from "@/lib/time/format";

export interface DashboardEvent {
  id: string;
  slug: string;
  title: string;
  city: string;
  country: string;
  status: string;
  startsAt: string;
  timeZone: string;
  capacity: number | null;
  confirmed: number;
  waitlisted: number;
  /** The start in the event's zone and the place, written here in the reader's language: every browser shows the same. */
  when: string;
  place: string;
}

export interface DashboardCampaign {
  id: string;
  slug: string;
  title: string;
  kind: string;
  status: string;
  events: DashboardEvent[];
}

/**
 * Campaigns and their events with live sign-up counts: the dashboard's polled data. Dates and country names
 * are formatted here, with the server's full locale data, not in browsers that may lack a language's.
 */
export async function orgDashboard(actor: Actor, orgId: string, locale: string): Promise<DashboardCampaign[]> {
  await requireRole(actor, orgId, "coordinator");
  const db = await getDb();
  const rows = await db
    .select({ campaign: campaigns, event: events })
    .from(campaigns)
    .leftJoin(events, eq(events.campaignId, campaigns.id))
    .where(eq(campaigns.orgId, orgId))
    .orderBy(sql`case ${campaigns.status} when 'published' then 0 when 'draft' then 1 else 2 end`, desc(campaigns.updatedAt), asc(events.startsAt));
  const byId = new Map<string, DashboardCampaign>();
  for (const { campaign, event } of rows) {
    let c = byId.get(campaign.id);
    if (!c) {
      c = { id: campaign.id, slug: campaign.slug, title: campaign.title, kind: campaign.kind, status: campaign.status, events: [] };
      byId.set(campaign.id, c);
    }
    if (event) {
      c.events.push({
        id: event.id,
        slug: event.slug,
        title: event.title,
        city: event.city,
        country: event.country,
        status: event.status,
        startsAt: event.startsAt.toISOString(),
        timeZone: event.timeZone,
        capacity: event.capacity,
        confirmed: event.confirmedCount,
        waitlisted: event.waitlistedCount,
        when: formatInstant(locale, event.startsAt, event.timeZone),
        place: [event.city, countryName(event.country, locale)].filter(Boolean).join(", "),
      });
    }
  }
  return [...byId.values()];
}
