import "server-only";
import { eq } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { organisations, type Campaign, type Event } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { eventForActor } from "@/lib/events/events";
import { PublicError } from "@/lib/errors";
import { audited, earlierChange } from "@/lib/audit";
import { attendeeScope } from "@/lib/attendees/attendees";
import { DEFAULT_LOCALE } from "@/lib/i18n/config";
import { placeDue } from "@/lib/events/place";
import { lockEvent } from "@/lib/signups/waitlist";
import { siteOrigin } from "./origin";
import { countAudience, enqueueForEvent, type Audience } from "./outbox";
import { compose, eventBlock, mailTranslator, type RenderedMail } from "./render";
import type { AttendeeMessageInput, AudienceChoice } from "./schemas";

// An organizer's message to the people signed up for an event: one copy per person, in the
// outbox, written with its audit row in one transaction.

export const MESSAGE_AUDIT_ACTION = "message.send";

const AUDIENCES: Record<AudienceChoice, Omit<Audience, "role">> = {
  all: { statuses: ["confirmed", "waitlisted"] },
  confirmed: { statuses: ["confirmed"] },
  waitlisted: { statuses: ["waitlisted"] },
  checked_in: { statuses: ["confirmed", "waitlisted"], checkedIn: true },
};

export const audienceOf = (input: Pick<AttendeeMessageInput, "audience" | "role">): Audience => ({ ...AUDIENCES[input.audience], role: input.role });

interface MessageContext {
  orgId: string;
  orgName: string;
  campaign: Campaign;
  event: Event;
  origin: string;
}

async function authorize(actor: Actor, eventId: string, input: AttendeeMessageInput, db: DbOrTx): Promise<MessageContext & { userId: string }> {
  const { event, campaign } = await eventForActor(actor, eventId, "organizer", db);
  // Only to the attendees of an event within the organizer's reach (lib/orgs/scopes.ts).
  await attendeeScope(actor, { eventId }, db);
  if (input.role && !event.roles.includes(input.role)) throw new PublicError("attendeeMessages.errors.role", "role");
  const [org] = await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, event.hostOrgId));
  return { orgId: event.hostOrgId, orgName: org?.name ?? "", campaign, event, origin: siteOrigin(), userId: actor!.userId };
}

/**
 * The message as each recipient gets it in their language: a greeting, the organizer's text, the event, who sent
 * it. A hidden place that is due goes only to an audience of confirmed attendees alone.
 */
export function renderAttendeeMessage(
  ctx: MessageContext,
  input: Pick<AttendeeMessageInput, "subject" | "body" | "audience">,
  locale: string,
  now = new Date(),
): RenderedMail {
  const t = mailTranslator(locale);
  const campaign = { slug: ctx.campaign.slug, title: ctx.campaign.title, orgName: ctx.orgName };
  const exact = input.audience === "confirmed" && placeDue(ctx.event, now);
  return compose(input.subject, [
    t("greetingAll"),
    input.body,
    eventBlock(t, locale, ctx.origin, campaign, ctx.event, exact),
    t("footer", { org: ctx.orgName, event: ctx.event.title }),
  ]);
}

/** How many people the message would reach, and its text as it will be sent. */
export async function previewAttendeeMessage(actor: Actor, eventId: string, input: AttendeeMessageInput, locale: string = DEFAULT_LOCALE) {
  const db = await getDb();
  const ctx = await authorize(actor, eventId, input, db);
  const count = await countAudience(db, eventId, audienceOf(input));
  const mail = renderAttendeeMessage(ctx, input, locale);
  return { count, subject: mail.subject, text: mail.text };
}

export interface SentMessage {
  count: number;
  /** True when this form had already been sent: nothing was written again. */
  repeated: boolean;
}

/** Queues one copy per person; the same form (nonce) sent twice is written once. */
export async function sendAttendeeMessage(actor: Actor, eventId: string, input: AttendeeMessageInput, now = new Date()): Promise<SentMessage> {
  const db = await getDb();
  return audited<SentMessage>(db, actor, MESSAGE_AUDIT_ACTION, async (tx) => {
    const ctx = await authorize(actor, eventId, input, tx);
    // Under the sign-up lock: the audience is fixed while it is written, and a second submit waits and sees the first.
    await lockEvent(tx, eventId);
    const earlier = await earlierChange(tx, ctx.orgId, MESSAGE_AUDIT_ACTION, input.nonce);
    if (earlier) return { result: { count: earlier.rowCount, repeated: true }, audit: null };
    const count = await enqueueForEvent(
      tx,
      { orgId: ctx.orgId, eventId, kind: "attendee_message", audience: audienceOf(input), dedupePrefix: `message:${input.nonce}:` },
      (locale) => renderAttendeeMessage(ctx, input, locale, now),
      now,
    );
    if (count === 0) throw new PublicError("attendeeMessages.errors.nobody");
    return {
      result: { count, repeated: false },
      audit: {
        orgId: ctx.orgId,
        campaignId: ctx.campaign.id,
        eventId,
        details: { subject: input.subject, audience: input.audience, role: input.role },
        rowCount: count,
        idempotencyKey: input.nonce,
        at: now,
      },
    };
  });
}
