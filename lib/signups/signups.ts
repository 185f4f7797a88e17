import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, ne, sql, type SQL } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { campaigns, eventShifts, events, organisations, signups, type Event, type Signup } from "@/db/schema";
import { PublicError } from "@/lib/errors";
import * as rateLimit from "@/lib/rate-limit";
import { siteOrigin } from "@/lib/mail/origin";
import { enqueue } from "@/lib/mail/outbox";
import { outdateAsSignup } from "@/lib/public/page-changes";
import { loadMailTitles, signupMessage, type SignupMailContext } from "@/lib/mail/signup-mail";
import { addressIndex, eventKey } from "@/lib/crypto/keys";
import { personalOf, sealPersonal, type Personal } from "./personal";
import { hashToken, newToken } from "@/lib/security/tokens";
import { acceptsSignups, signupAvailability } from "./availability";
import { checkRoleRoom } from "./roles";
import { limitSetting } from "@/lib/rate-limit/setting";
import { applyShifts, planShifts, plannedShifts } from "@/lib/shifts/places";
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
 * learns from it who is going. The private link is never in it when it can go by email: only a pseudonymous
 * sign-up, which has no address, gets its link here, to be shown once.
 * `stored` says whether this call stored a sign-up (for tests); it is never part of the answer.
 */
export type SignUpOutcome = { outcome: "confirmed" } | { outcome: "waitlisted"; position: number } | { outcome: "requested" };
export type SignUpResult = SignUpOutcome & {
  stored: boolean;
  /** A pseudonymous sign-up's private link (its token): no email carries it, so the page shows it, once. */
  link?: string;
  /** A headcount's token, which the browser keeps until the event ends, so that it is counted once. */
  counted?: { token: string; until: Date };
};

export interface SignUpContext {
  client: string;
  locale: string;
  now?: Date;
  /** The headcount token this browser was given before for the event, if it sent one back. */
  counted?: string | null;
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
      // The organisation that runs the event: its key seals the sign-up, its name signs the messages.
      orgId: events.hostOrgId,
      orgName: organisations.name,
      // Split into shifts: read in the same statement, so an event without shifts costs no other query.
      shifted: sql<boolean>`exists (select 1 from ${eventShifts} where ${eventShifts.eventId} = ${events.id})`,
    })
    .from(events)
    .innerJoin(campaigns, eq(campaigns.id, events.campaignId))
    .innerJoin(organisations, eq(organisations.id, events.hostOrgId))
    .where(eq(events.id, eventId))
    .for("update", { of: events });
  if (!row || row.campaignStatus === "draft") throw new PublicError("errors.notFound");
  return {
    event: row.event,
    availability: signupAvailability(row.event, row.campaignStatus, now),
    campaign: { slug: row.campaignSlug, title: row.campaignTitle, orgName: row.orgName },
    orgId: row.orgId,
    shifted: row.shifted,
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

type Status = "confirmed" | "waitlisted" | "requested";

/** The event's counter of sign-ups in a status, raised by `by`. */
const countersFor = (status: Status, by: SQL | number) =>
  status === "confirmed"
    ? { confirmedCount: sql`${events.confirmedCount} + ${by}` }
    : status === "waitlisted"
      ? { waitlistedCount: sql`${events.waitlistedCount} + ${by}` }
      : { requestedCount: sql`${events.requestedCount} + ${by}` };

const MAIL_FOR = { confirmed: "signup_confirmed", waitlisted: "signup_waitlisted", requested: "signup_requested" } as const;

/** What a sign-up keeps of what was typed, by what the event asks for: a headcount keeps nothing. */
function keptOf(mode: Event["signupMode"], input: SignupInput): { own: Personal | null; role: string | null } {
  if (mode === "headcount") return { own: null, role: null };
  if (mode === "named" && !input.email) throw new PublicError("validation.required", "email");
  if (!input.name) throw new PublicError("validation.required", "name");
  const named = mode === "named";
  return { own: { name: input.name, email: named ? input.email : null, phone: named ? input.phone : null, comment: input.comment }, role: input.role };
}

/**
 * Signs a supporter up. Under the event's row lock: at most `capacity` confirmed, whatever
 * the concurrency; then the waitlist in arrival order, or a clear refusal. An event that vets its sign-ups
 * takes each as a request, which holds no place until approved (lib/signups/approval.ts). The insert and the
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
  const addressHash = input.email ? await addressIndex(db, eventId, input.email) : null;
  return db.transaction(async (tx) => {
    const { event, availability, campaign, orgId, shifted } = await lockOpenEvent(tx, eventId, now);
    const mode = event.signupMode;
    if (!acceptsSignups(availability.state) || (mode === "headcount" && availability.state === "waitlist"))
      throw new PublicError(`signups.closed.${availability.state === "waitlist" ? "full" : availability.state}`);
    const { own, role } = keptOf(mode, input);
    await checkRoleRoom(tx, event, role);
    const emailHash = own?.email ? addressHash : null;

    const request = event.approval && mode !== "headcount";
    // An event split into shifts: each chosen shift's own places and waitlist decide (lib/shifts/places.ts).
    const plan = shifted ? await planShifts(tx, event, input.shifts ?? [], request, mode === "headcount") : null;
    const status: Status = plan ? plan.status : request ? "requested" : availability.state === "open" ? "confirmed" : "waitlisted";
    const position = plan ? Math.min(...plan.shifts.map((s) => s.position ?? Infinity)) : event.waitlistedCount + 1;
    const outcome: SignUpOutcome = status === "waitlisted" ? { outcome: "waitlisted", position } : { outcome: status };
    // The token a pseudonymous sign-up's link carries, or the one a headcount's browser keeps.
    const token = mode === "named" ? null : newToken();
    // The answer, as if this sign-up were new, whatever happens below.
    const answer = (stored: boolean, kept = token): SignUpResult => ({
      ...outcome,
      stored,
      ...(mode === "pseudonymous" && kept ? { link: kept } : {}),
      ...(mode === "headcount" && kept ? { counted: { token: kept, until: event.endsAt } } : {}),
    });
    // The honeypot was filled: a bot. It is answered like anyone else, and nothing is stored.
    if (input.website) return answer(false);
    if (mode === "headcount" && ctx.counted) {
      // This browser was counted already (and has not said it will not come): counted once.
      const [already] = await tx
        .select({ id: signups.id })
        .from(signups)
        .where(and(eq(signups.eventId, eventId), eq(signups.manageTokenHash, hashToken(ctx.counted)), ne(signups.status, "cancelled")));
      if (already) return answer(false, ctx.counted);
    }

    const key = own ? await eventKey(tx, event, orgId) : null;
    const id = randomUUID();
    const personal = {
      personal: key && own ? sealPersonal(key, id, own) : null,
      emailHash,
      role,
      consentToContact: mode === "named" && input.consent,
      status,
      locale: ctx.locale,
      manageTokenHash: token ? hashToken(token) : null,
      createdAt: now,
      updatedAt: now,
    } as const;
    const result = await tx.execute(sql`
      with inserted as (
        insert into ${signups} (id, event_id, personal, email_hash, role, consent_to_contact, status, locale, manage_token_hash, created_at, updated_at)
        values (${id}, ${eventId}, ${personal.personal}, ${emailHash}, ${personal.role}, ${personal.consentToContact},
                ${status}, ${personal.locale}, ${personal.manageTokenHash}, ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz)
        on conflict (event_id, email_hash) do nothing
        returning id
      )
      update ${events} set
        confirmed_count = confirmed_count + ${status === "confirmed" ? 1 : 0} * (select count(*) from inserted),
        waitlisted_count = waitlisted_count + ${status === "waitlisted" ? 1 : 0} * (select count(*) from inserted),
        requested_count = requested_count + ${status === "requested" ? 1 : 0} * (select count(*) from inserted)
      where id = ${eventId}
      returning (select id from inserted) as inserted`);
    let signupId = (result as unknown as { rows: { inserted: string | null }[] }).rows[0]?.inserted ?? null;
    const mail: SignupMailContext = { orgId, campaign, event, origin, titles };

    if (!signupId && emailHash && key && own) {
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
      await tx.update(events).set(countersFor(status, 1)).where(eq(events.id, eventId));
    }
    if (!signupId) throw new Error("sign-up neither stored nor found");
    if (plan) await applyShifts(tx, signupId, plan, now);
    if (own?.email) {
      const person = { id: signupId, name: own.name, email: own.email, locale: ctx.locale, ...(plan ? { shifts: plannedShifts(plan) } : {}) };
      await enqueue(tx, [signupMessage(MAIL_FOR[status], mail, person, position)], now);
    }
    return answer(true);
  });
}
