import "server-only";
import { and, count, eq, lt, or, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { campaigns, events, organisations, outbox, signups, type Signup } from "@/db/schema";
import { getAuthSecret } from "@/lib/auth/secret";
import { PublicError } from "@/lib/errors";
import * as rateLimit from "@/lib/rate-limit";
import { siteOrigin } from "@/lib/mail/origin";
import { enqueue } from "@/lib/mail/outbox";
import { MANAGE_LINK, loadMailTitles, queuePromotions, signupMessage, type SignupMailContext } from "@/lib/mail/signup-mail";
import { seal, unseal } from "@/lib/security/seal";
import { hashToken, newToken } from "@/lib/security/tokens";
import { acceptsSignups, signupAvailability } from "./availability";
import type { SignupInput } from "./schemas";
import { lockEvent, promoteFromWaitlist } from "./waitlist";

// A venue's Wi-Fi or a mobile carrier puts hundreds behind one address: the per-client
// limit is generous; it stops floods, not crowds.
const CLIENT_LIMIT = Number(process.env.PICKET_SIGNUP_LIMIT_PER_CLIENT ?? 300);
const CLIENT_WINDOW = 10 * 60;
const EVENT_LIMIT = Number(process.env.PICKET_SIGNUP_LIMIT_PER_EVENT ?? 5000);
const EVENT_WINDOW = 60;

export type SignUpResult =
  | { outcome: "confirmed"; token: string }
  | { outcome: "waitlisted"; token: string; position: number }
  // Already signed up: nothing is revealed; the private link goes to the address by email.
  | { outcome: "duplicate" }
  // The honeypot was filled: look like success, store nothing.
  | { outcome: "ignored" };

export interface SignUpContext {
  client: string;
  locale: string;
  /** The public address links in the confirmation email point to; by default the site's. */
  origin?: string;
  now?: Date;
}

const HOUR_MS = 3_600_000;

async function checkClientLimit(client: string, now: Date) {
  const perClient = await rateLimit.hit(`signup:client:${client}`, CLIENT_WINDOW, now);
  if (perClient.count > CLIENT_LIMIT) throw new PublicError("signups.rateLimited");
  if (Math.random() < 0.01) await rateLimit.purgeEndedWindows(now);
}

/** The event, its campaign and organisation, with the event row locked: every sign-up change for it queues here. */
async function lockOpenEvent(tx: Tx, eventId: string, now: Date) {
  const [row] = await tx
    .select({ event: events, campaignStatus: campaigns.status, campaignSlug: campaigns.slug, campaignTitle: campaigns.title, orgId: campaigns.orgId, orgName: organisations.name })
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
 * Someone signs up again with an address already signed up: nothing is revealed on the page;
 * the existing private link goes to the address, at most once an hour per sign-up.
 */
async function resendLink(tx: Tx, existing: Signup, mail: SignupMailContext, now: Date) {
  if (!existing.name || !existing.email) return;
  if (existing.linkResentAt && now.getTime() - existing.linkResentAt.getTime() < HOUR_MS) return;
  const secret = getAuthSecret();
  let token = unseal(secret, MANAGE_LINK, existing.manageTokenSealed);
  const changes: Partial<Signup> = { linkResentAt: now };
  // Sealed under an earlier secret: a new link replaces the old one.
  if (!token) {
    token = newToken();
    Object.assign(changes, { manageTokenHash: hashToken(token), manageTokenSealed: seal(secret, MANAGE_LINK, token) });
  }
  await tx.update(signups).set(changes).where(eq(signups.id, existing.id));
  const person = { id: existing.id, name: existing.name, email: existing.email, locale: existing.locale };
  await enqueue(tx, [signupMessage("signup_link", mail, person, token)], now);
}

/**
 * Signs a supporter up. Under the event's row lock: at most `capacity` confirmed, whatever
 * the concurrency; then the waitlist in arrival order, or a clear refusal. The insert and the
 * counters are one statement, so the lock is held for as few round trips as possible.
 */
export async function signUp(eventId: string, input: SignupInput, ctx: SignUpContext): Promise<SignUpResult> {
  const now = ctx.now ?? new Date();
  if (input.website) return { outcome: "ignored" };
  await checkClientLimit(ctx.client, now);
  const origin = ctx.origin ?? (await siteOrigin());
  const db = await getDb();
  // The titles for the confirmation, in the supporter's language if the organizers translated them: read
  // before the event's row is locked, so the lock is held no longer for it.
  const titles = await loadMailTitles(db, eventId, ctx.locale);
  return db.transaction(async (tx) => {
    const { event, availability, campaign, orgId } = await lockOpenEvent(tx, eventId, now);
    const windowStart = new Date(Math.floor(now.getTime() / (EVENT_WINDOW * 1000)) * EVENT_WINDOW * 1000);
    const windowCount = event.signupWindowStart?.getTime() === windowStart.getTime() ? event.signupWindowCount + 1 : 1;
    if (windowCount > EVENT_LIMIT) throw new PublicError("signups.rateLimited");
    if (!acceptsSignups(availability.state)) throw new PublicError(`signups.closed.${availability.state}`);
    if (input.role && !event.roles.includes(input.role)) throw new PublicError("signups.roleUnknown", "role");

    const status = availability.state === "open" ? "confirmed" : "waitlisted";
    const token = newToken();
    const personal = {
      name: input.name,
      email: input.email,
      phone: input.phone,
      role: input.role,
      comment: input.comment,
      consentToContact: input.consent,
      status,
      manageTokenHash: hashToken(token),
      manageTokenSealed: seal(getAuthSecret(), MANAGE_LINK, token),
      locale: ctx.locale,
      createdAt: now,
      updatedAt: now,
    } as const;
    const confirmed = status === "confirmed" ? 1 : 0;
    const result = await tx.execute(sql`
      with inserted as (
        insert into ${signups} (event_id, name, email, phone, role, comment, consent_to_contact, status, manage_token_hash, manage_token_sealed, locale, created_at, updated_at)
        values (${eventId}, ${personal.name}, ${personal.email}, ${personal.phone}, ${personal.role}, ${personal.comment}, ${personal.consentToContact},
                ${status}, ${personal.manageTokenHash}, ${personal.manageTokenSealed}, ${personal.locale}, ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz)
        on conflict (event_id, email) do nothing
        returning id
      )
      update ${events} set
        confirmed_count = confirmed_count + ${confirmed} * (select count(*) from inserted),
        waitlisted_count = waitlisted_count + ${1 - confirmed} * (select count(*) from inserted),
        signup_window_start = ${windowStart.toISOString()}::timestamptz,
        signup_window_count = ${windowCount}
      where id = ${eventId}
      returning (select id from inserted) as inserted`);
    let signupId = (result as unknown as { rows: { inserted: string | null }[] }).rows[0]?.inserted ?? null;
    const mail: SignupMailContext = { orgId, campaign, event, origin, titles };

    if (!signupId) {
      const [existing] = await tx
        .select()
        .from(signups)
        .where(and(eq(signups.eventId, eventId), eq(signups.email, input.email)))
        .for("update");
      if (!existing || existing.status !== "cancelled") {
        if (existing) await resendLink(tx, existing, mail, now);
        return { outcome: "duplicate" as const };
      }
      // Someone who cancelled comes back: the same row, with what they typed now, at the back of the queue.
      await tx.update(signups).set({ ...personal, checkedInAt: null, cancelledAt: null, linkResentAt: null }).where(eq(signups.id, existing.id));
      signupId = existing.id;
      await tx
        .update(events)
        .set(status === "confirmed" ? { confirmedCount: sql`${events.confirmedCount} + 1` } : { waitlistedCount: sql`${events.waitlistedCount} + 1` })
        .where(eq(events.id, eventId));
    }
    const person = { id: signupId, name: input.name, email: input.email, locale: ctx.locale };
    const position = event.waitlistedCount + 1;
    await enqueue(tx, [signupMessage(status === "confirmed" ? "signup_confirmed" : "signup_waitlisted", mail, person, token, position)], now);
    if (status === "confirmed") return { outcome: "confirmed" as const, token };
    return { outcome: "waitlisted" as const, token, position };
  });
}

async function waitlistPosition(db: Tx | Awaited<ReturnType<typeof getDb>>, s: Signup): Promise<number | null> {
  if (s.status !== "waitlisted") return null;
  const [row] = await db
    .select({ n: count() })
    .from(signups)
    .where(
      and(
        eq(signups.eventId, s.eventId),
        eq(signups.status, "waitlisted"),
        or(lt(signups.createdAt, s.createdAt), and(eq(signups.createdAt, s.createdAt), lt(signups.id, s.id))),
      ),
    );
  return Number(row?.n ?? 0) + 1;
}

export interface OwnSignupView {
  name: string;
  email: string;
  phone: string | null;
  role: string | null;
  comment: string | null;
  consentToContact: boolean;
  status: Signup["status"];
  position: number | null;
  createdAt: Date;
  eventId: string;
}

/** What the holder of a private link sees: their own sign-up, nothing else. */
export async function getSignupByToken(token: string): Promise<OwnSignupView | null> {
  if (!token || token.length > 100) return null;
  const db = await getDb();
  const [s] = await db.select().from(signups).where(eq(signups.manageTokenHash, hashToken(token)));
  if (!s || s.erasedAt || !s.name || !s.email) return null;
  return {
    name: s.name,
    email: s.email,
    phone: s.phone,
    role: s.role,
    comment: s.comment,
    consentToContact: s.consentToContact,
    status: s.status,
    position: await waitlistPosition(db, s),
    createdAt: s.createdAt,
    eventId: s.eventId,
  };
}

async function withOwnSignup<T>(token: string, work: (tx: Tx, s: Signup, event: NonNullable<Awaited<ReturnType<typeof lockEvent>>>) => Promise<T>): Promise<T> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [found] = await tx.select({ eventId: signups.eventId }).from(signups).where(eq(signups.manageTokenHash, hashToken(token)));
    if (!found) throw new PublicError("signups.manage.unknown");
    // Event first, then the sign-up: the same lock order as signUp, so no deadlock.
    const event = (await lockEvent(tx, found.eventId))!;
    const [s] = await tx.select().from(signups).where(eq(signups.manageTokenHash, hashToken(token))).for("update");
    if (!s) throw new PublicError("signups.manage.unknown");
    return work(tx, s, event);
  });
}

async function release(tx: Tx, s: Signup, event: { id: string; capacity: number | null; confirmedCount: number }, now: Date) {
  if (s.status === "cancelled") return;
  await tx
    .update(events)
    .set(s.status === "confirmed" ? { confirmedCount: sql`${events.confirmedCount} - 1` } : { waitlistedCount: sql`${events.waitlistedCount} - 1` })
    .where(eq(events.id, event.id));
  if (s.status === "confirmed") {
    const promoted = await promoteFromWaitlist(tx, { ...event, confirmedCount: event.confirmedCount - 1 }, now);
    await queuePromotions(tx, event.id, promoted, now);
  }
}

/** Cancels; a freed place goes to the first on the waitlist in the same transaction. */
export async function cancelSignup(token: string, now = new Date()) {
  return withOwnSignup(token, async (tx, s, event) => {
    await release(tx, s, event, now);
    await tx.update(signups).set({ status: "cancelled", cancelledAt: s.cancelledAt ?? now, updatedAt: now }).where(eq(signups.id, s.id));
  });
}

/** Every personal field of a sign-up, emptied. */
export const ERASED = {
  name: null,
  email: null,
  phone: null,
  comment: null,
  manageTokenHash: null,
  manageTokenSealed: null,
  linkResentAt: null,
  consentToContact: false,
} as const;

/** Erases every personal field at once; only the anonymous fact of a cancelled sign-up remains. */
export async function eraseSignup(token: string, now = new Date()) {
  return withOwnSignup(token, async (tx, s, event) => {
    await release(tx, s, event, now);
    await tx
      .update(signups)
      .set({ status: "cancelled", ...ERASED, role: s.role, cancelledAt: s.cancelledAt ?? now, erasedAt: now, updatedAt: now })
      .where(eq(signups.id, s.id));
    // Messages to them, sent or not, go too: they held the address and the private link.
    await tx.delete(outbox).where(eq(outbox.signupId, s.id));
  });
}

export async function changeSignupRole(token: string, role: string | null, now = new Date()) {
  return withOwnSignup(token, async (tx, s, event) => {
    if (s.status === "cancelled") throw new PublicError("signups.manage.cancelled");
    if (role && !event.roles.includes(role)) throw new PublicError("signups.roleUnknown", "role");
    await tx.update(signups).set({ role, updatedAt: now }).where(eq(signups.id, s.id));
  });
}
