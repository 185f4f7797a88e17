import "server-only";
import { createHash } from "node:crypto";
import type { Event } from "@/db/schema";
import { toPublicEvent } from "@/lib/events/public";
import { eventUrl } from "@/lib/mail/render";

// What a webhook is told of an event: the public event (lib/events/public.ts, the one source of what an event shows
// publicly: a hidden meeting point has no venue there) and its counts. Nothing personal, ever.

export type WebhookTopic = "event.created" | "event.changed" | "event.cancelled" | "event.deleted" | "signups.counted" | "signup.created" | "ping";

export interface EventCounts {
  confirmed: number;
  waitlisted: number;
  requested: number;
  checkedIn: number;
}

export interface CoveredEvent {
  event: Event;
  campaign: { id: string; slug: string; title: string; status: string; orgId: string };
  hostName: string;
  checkedIn: number;
}

/** The public event with its campaign and its public address: the data of event.created and event.changed. */
export function eventData(c: CoveredEvent, origin: string, now: Date) {
  const event = toPublicEvent(c.event, c.campaign.status, now, c.hostName, c.campaign.orgId);
  return {
    event: { ...event, url: eventUrl(origin, c.campaign, c.event) },
    campaign: { id: c.campaign.id, slug: c.campaign.slug, title: c.campaign.title },
  };
}

/**
 * A fingerprint of what the public event shows. What moves with every sign-up or with the clock (places left, the
 * state of its sign-up, the row's time) is left out: the counts have a topic of their own.
 */
export function eventDigest(data: ReturnType<typeof eventData>): string {
  const { placesLeft: _places, signupState: _state, updatedAt: _updated, ...shown } = data.event;
  return createHash("sha256")
    .update(JSON.stringify([shown, data.campaign]))
    .digest("base64url");
}

export const countsOf = (c: CoveredEvent): EventCounts => ({
  confirmed: c.event.confirmedCount,
  waitlisted: c.event.waitlistedCount,
  requested: c.event.requestedCount,
  checkedIn: c.checkedIn,
});

export const countsKey = (n: EventCounts) => `${n.confirmed}/${n.waitlisted}/${n.requested}/${n.checkedIn}`;
