import "server-only";
import { and, count, eq, lt, or, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { campaigns, deliveries, events, outbox, signups, type Signup } from "@/db/schema";
import { PublicError } from "@/lib/errors";
import { queuePromotions } from "@/lib/mail/signup-mail";
import { hashToken } from "@/lib/security/tokens";
import { erasedFields } from "./erasure";
import { personalOf } from "./personal";
import { lockEvent, promoteFromWaitlist } from "./waitlist";
import { checkRoleRoom } from "./roles";
import { outdateAsSignup } from "@/lib/public/page-changes";
import { releaseShifts } from "@/lib/shifts/places";

// A supporter manages their own sign-up from its private link: see it, change the role, cancel, erase.

/** Where a waitlisted sign-up stands in the line (first come, first served); null for any other. */
export async function waitlistPosition(db: Tx | Awaited<ReturnType<typeof getDb>>, s: Signup): Promise<number | null> {
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
  id: string;
  name: string;
  /** Null for a pseudonymous sign-up: it gave no address. */
  email: string | null;
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
  const [s] = await db
    .select()
    .from(signups)
    .where(eq(signups.manageTokenHash, hashToken(token)));
  if (!s || s.erasedAt) return null;
  // A headcount keeps nobody's data: its token is a browser's, never a link.
  const own = await personalOf(db, s);
  if (!own) return null;
  return {
    id: s.id,
    name: own.name,
    email: own.email,
    phone: own.phone,
    role: s.role,
    comment: own.comment,
    consentToContact: s.consentToContact,
    status: s.status,
    position: await waitlistPosition(db, s),
    createdAt: s.createdAt,
    eventId: s.eventId,
  };
}

export async function withOwnSignup<T>(
  token: string,
  work: (tx: Tx, s: Signup, event: NonNullable<Awaited<ReturnType<typeof lockEvent>>>) => Promise<T>,
): Promise<T> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [found] = await tx
      .select({ eventId: signups.eventId })
      .from(signups)
      .where(eq(signups.manageTokenHash, hashToken(token)));
    if (!found) throw new PublicError("signups.manage.unknown");
    // Event first, then the sign-up: the same lock order as signUp, so no deadlock.
    const event = (await lockEvent(tx, found.eventId))!;
    const [s] = await tx
      .select()
      .from(signups)
      .where(eq(signups.manageTokenHash, hashToken(token)))
      .for("update");
    if (!s) throw new PublicError("signups.manage.unknown");
    return work(tx, s, event);
  });
}

const COUNTER_DOWN = {
  confirmed: { confirmedCount: sql`${events.confirmedCount} - 1` },
  waitlisted: { waitlistedCount: sql`${events.waitlistedCount} - 1` },
  requested: { requestedCount: sql`${events.requestedCount} - 1` },
};

async function release(tx: Tx, s: Signup, event: { id: string; capacity: number | null; confirmedCount: number }, now: Date) {
  // Its places in the shifts of an event split into shifts go too; the promotion below fills them.
  await releaseShifts(tx, s.id);
  // Confirmed at the door beyond the capacity: held no place, frees none. Declined: was never counted.
  if (s.status === "cancelled" || s.status === "declined" || (s.status === "confirmed" && s.outsideCapacity)) return;
  await tx.update(events).set(COUNTER_DOWN[s.status]).where(eq(events.id, event.id));
  if (s.status === "confirmed") {
    const promoted = await promoteFromWaitlist(tx, { ...event, confirmedCount: event.confirmedCount - 1 }, now);
    await queuePromotions(tx, event.id, promoted, now);
  }
}

/** Cancels; a freed place goes to the first on the waitlist in the same transaction. */
export async function cancelSignup(token: string, now = new Date()) {
  return withOwnSignup(token, async (tx, s, event) => {
    await release(tx, s, event, now);
    await tx
      .update(signups)
      .set({ status: "cancelled", cancelledAt: s.cancelledAt ?? now, updatedAt: now })
      .where(eq(signups.id, s.id));
  });
}

/** Erases every personal field at once; only the anonymous fact of a cancelled sign-up remains. */
/** Erases one's own sign-up; answers with the event's public address, where the person is taken next. */
export async function eraseSignup(token: string, now = new Date()): Promise<{ campaign: string; event: string }> {
  return withOwnSignup(token, async (tx, s, event) => {
    await release(tx, s, event, now);
    await tx
      .update(signups)
      .set({
        ...erasedFields(now),
        status: "cancelled",
        role: s.role,
        cancelledAt: sql`date_trunc('hour', coalesce(${signups.cancelledAt}, ${now.toISOString()}::timestamptz))`,
      })
      .where(eq(signups.id, s.id));
    // Messages to them, sent or not, go too: they held the address and the private link.
    await tx.delete(outbox).where(eq(outbox.signupId, s.id));
    // So do the webhook calls that carry their details and are still waiting.
    await tx.delete(deliveries).where(eq(deliveries.signupId, s.id));
    const [campaign] = await tx.select({ slug: campaigns.slug }).from(campaigns).where(eq(campaigns.id, event.campaignId));
    return { campaign: campaign!.slug, event: event.slug };
  });
}

export async function changeSignupRole(token: string, role: string | null, now = new Date()) {
  return withOwnSignup(token, async (tx, s, event) => {
    if (s.status === "cancelled" || s.status === "declined") throw new PublicError("signups.manage.cancelled");
    if (role === s.role) return;
    await checkRoleRoom(tx, event, role, s.id);
    await tx.update(signups).set({ role, updatedAt: now }).where(eq(signups.id, s.id));
    // What the public page shows as still missing has changed.
    if (Object.keys(event.roleNeeds).length) await outdateAsSignup(tx, event);
  });
}
