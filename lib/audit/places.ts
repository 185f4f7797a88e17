import "server-only";
import { eq } from "drizzle-orm";
import { alias, type AnyPgColumn, type PgSelect } from "drizzle-orm/pg-core";
import { campaigns, events, users } from "@/db/schema";

// The audit log and the access log name who did what where the same way: the member, the event and its
// campaign, or the campaign alone. One join and one reading of it for both.

const eventCampaign = alias(campaigns, "event_campaign");

/** The names a log row is shown with; select them beside the row's own columns. */
export const placeNames = {
  actorName: users.name,
  campaignTitle: campaigns.title,
  eventCampaignTitle: eventCampaign.title,
  eventTitle: events.title,
};

/** Joins the member, the event and the campaign (the event's own, where the row names an event) a log row points at. */
export function withPlaces<Q extends PgSelect>(query: Q, on: { actorId: AnyPgColumn; campaignId: AnyPgColumn; eventId: AnyPgColumn }) {
  return query
    .leftJoin(users, eq(users.id, on.actorId))
    .leftJoin(campaigns, eq(campaigns.id, on.campaignId))
    .leftJoin(events, eq(events.id, on.eventId))
    .leftJoin(eventCampaign, eq(eventCampaign.id, events.campaignId));
}

/** A row's campaign: the one it names, or the campaign of the event it names. */
export function campaignOf<R extends { campaignTitle: string | null; eventCampaignTitle: string | null }>({ eventCampaignTitle, ...row }: R) {
  return { ...row, campaignTitle: row.campaignTitle ?? eventCampaignTitle };
}
