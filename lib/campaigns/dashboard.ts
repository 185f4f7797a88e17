import "server-only";
import { and, asc, desc, eq, inArray, ne, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import { campaigns, events, organisations } from "@/db/schema";
import { partnerCampaignIds } from "@/lib/orgs/partners";
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
  /** Run by a partner co-hosting the campaign (its name): the lead sees its counts, never its people. */
  host: string | null;
}

export interface DashboardCampaign {
  id: string;
  slug: string;
  title: string;
  kind: string;
  status: string;
  events: DashboardEvent[];
  /** Co-hosted as a partner: the organisation that leads it. Only this organisation's own events are listed. */
  ledBy: string | null;
}

/**
 * Campaigns and their events with live sign-up counts: the dashboard's polled data. Dates and country names
 * are formatted here, with the server's full locale data, not in browsers that may lack a language's.
 */
export async function orgDashboard(actor: Actor, orgId: string, locale: string): Promise<DashboardCampaign[]> {
  await requireRole(actor, orgId, "coordinator");
  const db = await getDb();
  const partnerOf = await partnerCampaignIds(db, orgId);
  const lead = alias(organisations, "lead");
  const host = alias(organisations, "host");
  const rows = await db
    .select({ campaign: campaigns, event: events, leadName: lead.name, hostName: host.name })
    .from(campaigns)
    .innerJoin(lead, eq(lead.id, campaigns.orgId))
    // Its own campaigns with every event; a co-hosted one with this organisation's events only. Drafts of a
    // campaign led by another organisation stay that organisation's.
    .leftJoin(events, and(eq(events.campaignId, campaigns.id), or(eq(campaigns.orgId, orgId), eq(events.hostOrgId, orgId))))
    .leftJoin(host, eq(host.id, events.hostOrgId))
    .where(or(eq(campaigns.orgId, orgId), partnerOf.length ? and(inArray(campaigns.id, partnerOf), ne(campaigns.status, "draft")) : sql`false`))
    .orderBy(sql`case ${campaigns.status} when 'published' then 0 when 'draft' then 1 else 2 end`, desc(campaigns.updatedAt), asc(events.startsAt));
  const byId = new Map<string, DashboardCampaign>();
  for (const { campaign, event, leadName, hostName } of rows) {
    let c = byId.get(campaign.id);
    if (!c) {
      const ledBy = campaign.orgId === orgId ? null : leadName;
      c = { id: campaign.id, slug: campaign.slug, title: campaign.title, kind: campaign.kind, status: campaign.status, events: [], ledBy };
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
        host: event.hostOrgId === orgId ? null : hostName,
      });
    }
  }
  return [...byId.values()];
}
