import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { campaigns, events, organisations, signups, type Signup } from "@/db/schema";
import { PublicError } from "@/lib/errors";
import * as rateLimit from "@/lib/rate-limit";
import { siteOrigin } from "@/lib/mail/origin";
import { enqueue } from "@/lib/mail/outbox";
import { outdateAsSignup } from "@/lib/public/page-changes";
import { loadMailTitles, signupMessage, type SignupMailContext } from "@/lib/mail/signup-mail";
import { addressIndex, eventKey } from "@/lib/crypto/keys";
import { personalOf, sealPersonal } from "./personal";
import { acceptsSignups, signupAvailability } from "./availability";
import { limitSetting } from "@/lib/rate-limit/setting";
import type { SignupInput } from "./schemas";

// A venue's Wi-Fi or a mobile carrier puts hundreds behind one address: the per-client
// limit is generous; it stops floods, not crowds.
const CLIENT_LIMIT = limitSetting("PICKET_SIGNUP_LIMIT_PER_CLIENT", 300);
const CLIENT_WINDOW = 10 * 60;
const EVENT_LIMIT = limitSetting("PICKET_SIGNUP_LIMIT_PER_EVENT", 5000);
const EVENT_WINDOW = 60;

/**
 * What the sign-up answers. It depends only on the event's state, as if the sign-up were new: an address
 * already signed up, or a bot's filled-in honeypot, gets the same answer as a first sign-up would, so nobody
 * learns from it who is going. The private link is never in it: it goes to the address by email.
 * `stored` says whether this call stored a sign-up (for tests); it is never part of the answer.
 */
export type SignUpResult = ({ outcome: "confirmed" } | { outcome: "waitlisted"; position: number }) & { stored: boolean };

export interface SignUpContext {
  client: string;
  locale: string;
  now?: Date;
}

const HOUR_MS = 3_600_000;

/** Both limits are sliding windows taken in one statement each, before the event's row is locked. */
async function checkLimits(client: string, eventId: string, now: Date) {
  const [perClient, perEvent] = await Promise.all([
    rateLimit.take(`signup:client:${client}`, { limit: CLIENT_LIMIT, seconds: CLIENT_WINDOW }, now),
    rateLimit.take(`signup:event:${eventId}`, { limit: EVENT_LIMIT, seconds: EVENT_WINDOW }, now),
  ]);
  if (!perClient.allowed || !perEvent.allowed) throw new PublicError("signups.rateLimited");
}

/** The event, its campaign and organisation, with the event row locked: every sign-up change for it queues here. */
async function lockOpenEvent(tx: Tx, eventId: string, now: Date) {
  const [row] = await tx
    .select({
      event: events,
      campaignStatus: campaigns.status,
      campaignSlug: campaigns.slug,
      campaignTitle: campaigns.title,
      orgId: campaigns.orgId,
      orgName: organisations.name,
    })
    .from(events)
    .innerJoin(campaigns, eq(campaigns.id, events.campaignId))
    .innerJoin(organisations, eq(organisations.id, campaigns.orgId))
    .where(eq(events.id, eventId))
    .for("update", { of: events });
  if (!row || row.campaignStatus === "draft") throw new PublicError("errors.notFound");
  return {
    event: row.event,
    availability: signupAvailability(row.event, row.campaignStatus, now),
    campaign: { slug: row.campaignSlug, title: row.campaignTitle, orgName: row.orgName },
    orgId: row.orgId,
  };
}

/**
 * Someone signs up again with an address already signed up: nothing changes and nothing shows. The address
 * gets an email with a new private link (the old one stops working when it is sent), at most once an hour.
 */
async function resendLink(tx: Tx, existing: Signup, mail: SignupMailContext, now: Date) {
  if (existing.linkResentAt && now.getTime() - existing.linkResentAt.getTime() < HOUR_MS) return;
  const own = await personalOf(tx, existing);
  if (!own?.email) return;
  await tx.update(signups).set({ linkResentAt: now }).where(eq(signups.id, existing.id));
  const person = { id: existing.id, name: own.name, email: own.email, locale: existing.locale };
  await enqueue(tx, [signupMessage("signup_link", mail, person)], now);
}

/**
 * Signs a supporter up. Under the event's row lock: at most `capacity` confirmed, whatever
 * the concurrency; then the waitlist in arrival order, or a clear refusal. The insert and the
 * counters are one statement, so the lock is held for as few round trips as possible.
 */
export async function signUp(eventId: string, input: SignupInput, ctx: SignUpContext): Promise<SignUpResult> {
  const now = ctx.now ?? new Date();
  await checkLimits(ctx.client, eventId, now);
  const origin = siteOrigin();
  const db = await getDb();
  // The titles for the confirmation, in the supporter's language if the organizers translated them: read
  // before the event's row is locked, so the lock is held no longer for it.
  const titles = await loadMailTitles(db, eventId, ctx.locale);
  // The address itself is never stored: its blind index keeps "one sign-up per event and address" unique.
  const emailHash = await addressIndex(db, eventId, input.email);
  return db.transaction(async (tx) => {
    const { event, availability, campaign, orgId } = await lockOpenEvent(tx, eventId, now);
    if (!acceptsSignups(availability.state)) throw new PublicError(`signups.closed.${availability.state}`);
    if (input.role && !event.roles.includes(input.role)) throw new PublicError("signups.roleUnknown", "role");

    const status = availability.state === "open" ? "confirmed" : "waitlisted";
    // The answer, as if this sign-up were new, whatever happens below.
    const answer = (stored: boolean): SignUpResult =>
      status === "confirmed" ? { outcome: "confirmed", stored } : { outcome: "waitlisted", position: event.waitlistedCount + 1, stored };
    // The honeypot was filled: a bot. It is answered like anyone else, and nothing is stored.
    if (input.website) return answer(false);

    const key = await eventKey(tx, event, orgId);
    const id = randomUUID();
    const own = { name: input.name, email: input.email, phone: input.phone, comment: input.comment };
    const personal = {
      personal: sealPersonal(key, id, own),
      emailHash,
      role: input.role,
      consentToContact: input.consent,
      status,
      locale: ctx.locale,
      createdAt: now,
      updatedAt: now,
    } as const;
    const confirmed = status === "confirmed" ? 1 : 0;
    const result = await tx.execute(sql`
      with inserted as (
        insert into ${signups} (id, event_id, personal, email_hash, role, consent_to_contact, status, locale, created_at, updated_at)
        values (${id}, ${eventId}, ${personal.personal}, ${emailHash}, ${personal.role}, ${personal.consentToContact},
                ${status}, ${personal.locale}, ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz)
        on conflict (event_id, email_hash) do nothing
        returning id
      )
      update ${events} set
        confirmed_count = confirmed_count + ${confirmed} * (select count(*) from inserted),
        waitlisted_count = waitlisted_count + ${1 - confirmed} * (select count(*) from inserted)
      where id = ${eventId}
      returning (select id from inserted) as inserted`);
    let signupId = (result as unknown as { rows: { inserted: string | null }[] }).rows[0]?.inserted ?? null;
    const mail: SignupMailContext = { orgId, campaign, event, origin, titles };

    if (!signupId) {
      const [existing] = await tx
        .select()
        .from(signups)
        .where(and(eq(signups.eventId, eventId), eq(signups.emailHash, emailHash)))
        .for("update");
      if (!existing || existing.status !== "cancelled") {
        if (existing) await resendLink(tx, existing, mail, now);
        await outdateAsSignup(tx, event);
        return answer(false);
      }
      // Someone who cancelled comes back: the same row, with what they typed now, at the back of the queue.
      await tx
        .update(signups)
        .set({ ...personal, personal: sealPersonal(key, existing.id, own), checkedInAt: null, outsideCapacity: false, cancelledAt: null, linkResentAt: null })
        .where(eq(signups.id, existing.id));
      signupId = existing.id;
      await tx
        .update(events)
        .set(status === "confirmed" ? { confirmedCount: sql`${events.confirmedCount} + 1` } : { waitlistedCount: sql`${events.waitlistedCount} + 1` })
        .where(eq(events.id, eventId));
    }
    const person = { id: signupId, name: input.name, email: input.email, locale: ctx.locale };
    await enqueue(tx, [signupMessage(status === "confirmed" ? "signup_confirmed" : "signup_waitlisted", mail, person, event.waitlistedCount + 1)], now);
    return answer(true);
  });
}
