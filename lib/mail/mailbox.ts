import "server-only";
import { and, count, desc, eq, gt, inArray, isNotNull, type SQL } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { events, outbox, signups, type MailKind } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { NotFoundError, PublicError } from "@/lib/errors";
import { audited, recordAccess } from "@/lib/audit";
import { requireRole } from "@/lib/orgs/authz";
import { pageNumber, pageOf, pageOffset } from "@/lib/paging";
import { PRIVATE_LINK } from "./render";
import { openMessages } from "./sealed-mail";
import type { MailboxStatus } from "./schemas";

// Private links (a supporter's /s/…, an invitation's /invite/…) in a stored body: none should be there, since a
// supporter's link is made only when its message is sent, but whatever is found is never shown.
const LINK = /https?:\/\/[^\s<>"']*\/(?:s|invite)\/[A-Za-z0-9_-]{16,}/g;

/** The text an owner may read: every private link replaced by the placeholder the page shows as "private link". */
export function maskPrivateLinks(text: string): string {
  return text.replace(LINK, PRIVATE_LINK);
}

// The owners' view of the outbox: what was sent, what waits, what failed, and (without SMTP)
// the messages themselves, kept here instead of being sent.

export const MAILBOX_PAGE_SIZE = 50;

/** Whether messages leave the server at all: without SMTP_URL they are held in the mailbox. */
export function isSmtpConfigured(): boolean {
  return Boolean(process.env.SMTP_URL);
}

/**
 * Whether mail reaches people, as the dashboard says it: "off" without SMTP_URL (messages are held), "failing"
 * when the organisation's messages of the last day met only delivery errors, "working" otherwise.
 */
export type MailState = "off" | "failing" | "working";

export async function mailState(actor: Actor, orgId: string, now = new Date()): Promise<MailState> {
  await requireRole(actor, orgId, "organizer");
  if (!isSmtpConfigured()) return "off";
  const db = await getDb();
  const since = new Date(now.getTime() - 86_400_000);
  const [failed] = await db
    .select({ n: count() })
    .from(outbox)
    .where(and(eq(outbox.orgId, orgId), inArray(outbox.status, ["pending", "failed"]), isNotNull(outbox.lastError), gt(outbox.createdAt, since)));
  if (!Number(failed?.n ?? 0)) return "working";
  const [sent] = await db
    .select({ n: count() })
    .from(outbox)
    .where(and(eq(outbox.orgId, orgId), eq(outbox.status, "sent"), gt(outbox.sentAt, since)));
  return Number(sent?.n ?? 0) > 0 ? "working" : "failing";
}

export interface MailboxEntry {
  id: string;
  kind: MailKind;
  /** Null when the message's personal data was erased with its event's (its key is gone). */
  to: string | null;
  subject: string | null;
  status: MailboxStatus;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
  nextAttemptAt: Date;
}

export interface MailboxMessage extends MailboxEntry {
  /**
   * The plain text as it was (or will be) sent, with PRIVATE_LINK where a private link is (or will be); null
   * once delivered, when it is no longer kept.
   */
  text: string | null;
}

export interface MailboxPage {
  entries: MailboxEntry[];
  total: number;
  page: number;
  pages: number;
}

const entryColumns = {
  id: outbox.id,
  kind: outbox.kind,
  envelope: outbox.envelope,
  status: outbox.status,
  attempts: outbox.attempts,
  lastError: outbox.lastError,
  createdAt: outbox.createdAt,
  sentAt: outbox.sentAt,
  nextAttemptAt: outbox.nextAttemptAt,
};

const isId = (id: string) => z.uuid().safeParse(id).success;

/** A message as the mailbox lists it; one whose key was destroyed with its event's personal data shows as erased. */
function entry(
  m: Awaited<ReturnType<typeof openMessages<{ id: string; envelope: string; content: string | null } & Omit<MailboxEntry, "to" | "subject">>>>[number],
): MailboxEntry {
  const { envelope: _envelope, content: _content, opened, body: _body, ...rest } = m;
  return { ...rest, to: opened?.to ?? null, subject: opened?.subject ?? null };
}

/** An organisation's messages, newest first, fifty a page: owners only. */
export async function listMailbox(actor: Actor, orgId: string, query: { status?: MailboxStatus; page?: number } = {}): Promise<MailboxPage> {
  const db = await getDb();
  await requireRole(actor, orgId, "owner", db);
  const page = pageNumber(query.page);
  const conditions: SQL[] = [eq(outbox.orgId, orgId)];
  if (query.status) conditions.push(eq(outbox.status, query.status));
  const where = and(...conditions);
  const [entries, [total]] = await Promise.all([
    db
      .select(entryColumns)
      .from(outbox)
      .where(where)
      .orderBy(desc(outbox.createdAt), desc(outbox.id))
      .limit(MAILBOX_PAGE_SIZE)
      .offset(pageOffset(page, MAILBOX_PAGE_SIZE)),
    db.select({ n: count() }).from(outbox).where(where),
  ]);
  const opened = await openMessages(
    db,
    entries.map((e) => ({ ...e, content: null })),
  );
  const shown = opened.map(entry);
  // The page shows recipients' addresses: a look at personal data, on record like a list page.
  const people = shown.filter((e) => e.to).length;
  if (people) await recordAccess(db, actor, { orgId, kind: "mailbox", pageKey: JSON.stringify({ status: query.status ?? null, page }), rowCount: people });
  return pageOf(shown, total?.n, page, MAILBOX_PAGE_SIZE);
}

/** One message with its text; another organisation's message does not exist. */
export async function getMailboxMessage(actor: Actor, orgId: string, id: string): Promise<MailboxMessage> {
  const db = await getDb();
  await requireRole(actor, orgId, "owner", db);
  if (!isId(id)) throw new NotFoundError();
  const [row] = await db
    .select({ ...entryColumns, content: outbox.content, eventId: outbox.eventId })
    .from(outbox)
    .where(and(eq(outbox.id, id), eq(outbox.orgId, orgId)));
  if (!row) throw new NotFoundError();
  const [message] = await openMessages(db, [row], true);
  // The worker empties a delivered message's content; erasure leaves none to open.
  const text = row.status === "sent" ? null : (message!.body?.text ?? null);
  if (message!.opened?.to) await recordAccess(db, actor, { orgId, kind: "mailbox", eventId: row.eventId ?? null, pageKey: `message:${id}`, rowCount: 1 });
  return { ...entry(message!), text: text === null || text === "" ? null : maskPrivateLinks(text) };
}

/**
 * A held message that may no longer be true is never sent: its event is over or changed since it was written,
 * or the sign-up it is about changed (cancelled, moved off the waitlist, erased…).
 */
async function heldAndOutdated(db: Awaited<ReturnType<typeof getDb>>, orgId: string, id: string, now: Date): Promise<boolean> {
  const [m] = await db
    .select({
      status: outbox.status,
      createdAt: outbox.createdAt,
      signupId: outbox.signupId,
      eventEnds: events.endsAt,
      eventUpdated: events.updatedAt,
      signupUpdated: signups.updatedAt,
    })
    .from(outbox)
    .leftJoin(events, eq(events.id, outbox.eventId))
    .leftJoin(signups, eq(signups.id, outbox.signupId))
    .where(and(eq(outbox.id, id), eq(outbox.orgId, orgId)));
  if (!m || m.status !== "held") return false;
  if (m.eventEnds && m.eventEnds <= now) return true;
  if (m.eventUpdated && m.eventUpdated > m.createdAt) return true;
  if (m.signupId && (!m.signupUpdated || m.signupUpdated > m.createdAt)) return true;
  return false;
}

/**
 * A failed message goes back in line with fresh attempts; so does a held one, once email is set up. Held
 * messages are never sent on their own when SMTP_URL appears later: a message may no longer be true (a
 * moved event, a reminder for a day gone), so an owner reads it and decides.
 */
export async function retryMessage(actor: Actor, orgId: string, id: string, now = new Date()): Promise<void> {
  const db = await getDb();
  await requireRole(actor, orgId, "owner", db);
  if (!isId(id)) throw new NotFoundError();
  if (await heldAndOutdated(db, orgId, id, now)) throw new PublicError("mailbox.retry.outdated");
  const done = await audited(db, actor, "mailbox.send", async (tx) => {
    const rows = await tx
      .update(outbox)
      .set({ status: "pending", attempts: 0, nextAttemptAt: now, lockedUntil: null })
      .where(and(eq(outbox.id, id), eq(outbox.orgId, orgId), isSmtpConfigured() ? inArray(outbox.status, ["failed", "held"]) : eq(outbox.status, "failed")))
      .returning({ id: outbox.id, kind: outbox.kind, eventId: outbox.eventId });
    const sent = rows[0];
    return { result: rows, audit: sent ? { orgId, eventId: sent.eventId, details: { message: id, kind: sent.kind }, rowCount: 1, at: now } : null };
  });
  if (done.length > 0) return;
  const [exists] = await db
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(eq(outbox.id, id), eq(outbox.orgId, orgId)));
  if (!exists) throw new NotFoundError();
  throw new PublicError("mailbox.retry.notFailed");
}
