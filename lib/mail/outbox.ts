import "server-only";
import { randomUUID } from "node:crypto";
import { and, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { outbox, signups, type MailAttachment, type MailKind, type SignupStatus } from "@/db/schema";
import { withPersonal } from "@/lib/signups/personal";
import { mailLocale, type RenderedMail } from "./render";
import { mailKey, sealContent, sealEnvelope } from "./sealed-mail";

// Messages are written by the transaction that causes them: if it rolls back, so do they.

export interface QueuedMail {
  /** Null for a message about a person's own account. */
  orgId: string | null;
  kind: MailKind;
  to: string;
  locale: string;
  mail: RenderedMail;
  attachments?: MailAttachment[];
  eventId?: string | null;
  signupId?: string | null;
  /** A message to the host of a proposed event (lib/hosts). */
  proposalId?: string | null;
  /** A message that must exist once: a second one with the same key is not written. */
  dedupeKey?: string | null;
}

/** The rows of messages, sealed with the key of their event or organisation (lib/mail/sealed-mail.ts). */
async function sealedRows(tx: DbOrTx, messages: QueuedMail[], now: Date) {
  const keys = new Map<string, Awaited<ReturnType<typeof mailKey>>>();
  const rows = [];
  for (const m of messages) {
    const owner = `${m.orgId}:${m.eventId ?? ""}`;
    let key = keys.get(owner);
    if (!key) keys.set(owner, (key = await mailKey(tx, m.orgId, m.eventId)));
    const id = randomUUID();
    rows.push({
      id,
      orgId: m.orgId,
      kind: m.kind,
      locale: m.locale,
      envelope: sealEnvelope(key, id, { to: m.to, subject: m.mail.subject }),
      content: sealContent(key, id, { text: m.mail.text, html: m.mail.html, attachments: m.attachments ?? [] }),
      eventId: m.eventId ?? null,
      signupId: m.signupId ?? null,
      proposalId: m.proposalId ?? null,
      dedupeKey: m.dedupeKey ?? null,
      createdAt: now,
      nextAttemptAt: now,
    });
  }
  return rows;
}

export async function enqueue(tx: DbOrTx, messages: QueuedMail[], now = new Date()): Promise<number> {
  if (messages.length === 0) return 0;
  let written = 0;
  const rows = await sealedRows(tx, messages, now);
  for (let i = 0; i < rows.length; i += 500) {
    written += (
      await tx
        .insert(outbox)
        .values(rows.slice(i, i + 500))
        .onConflictDoNothing()
        .returning({ id: outbox.id })
    ).length;
  }
  return written;
}

export interface Audience {
  statuses: SignupStatus[];
  role?: string | null;
  checkedIn?: boolean | null;
  /** Only sign-ups made at or before this instant. */
  createdBefore?: Date;
}

/** Sign-ups of the event in the audience that still have their personal data. */
function audienceConditions(eventId: string, audience: Audience): SQL[] {
  const conditions: SQL[] = [
    sql`${signups.eventId} = ${eventId}`,
    sql`${signups.personal} is not null`,
    sql`${signups.erasedAt} is null`,
    sql`${signups.status}::text in (${sql.join(
      audience.statuses.map((s) => sql`${s}`),
      sql`, `,
    )})`,
  ];
  if (audience.role) conditions.push(sql`${signups.role} = ${audience.role}`);
  if (audience.checkedIn === true) conditions.push(sql`${signups.checkedInAt} is not null`);
  if (audience.checkedIn === false) conditions.push(sql`${signups.checkedInAt} is null`);
  if (audience.createdBefore) conditions.push(sql`${signups.createdAt} <= ${audience.createdBefore.toISOString()}::timestamptz`);
  return conditions;
}

/** The people of an event's audience who have an address, with their language. */
async function audienceOf(tx: DbOrTx, eventId: string, audience: Audience) {
  const rows = await tx
    .select({ id: signups.id, personal: signups.personal, locale: signups.locale })
    .from(signups)
    .where(and(...audienceConditions(eventId, audience)));
  return (await withPersonal(tx, rows)).flatMap((r) => (r.person?.email ? [{ id: r.id, email: r.person.email, locale: mailLocale(r.locale) }] : []));
}

/**
 * One message to many sign-ups of an event, rendered once per language and sealed per person (the addresses are
 * opened in this server, not in the database), written in batches. `dedupePrefix` + the sign-up's id keeps each
 * person's copy unique.
 */
export async function enqueueForEvent(
  tx: DbOrTx,
  target: { orgId: string; eventId: string; kind: MailKind; audience: Audience; dedupePrefix?: string },
  render: (locale: string) => RenderedMail,
  now = new Date(),
): Promise<number> {
  if (target.audience.statuses.length === 0) return 0;
  const people = await audienceOf(tx, target.eventId, target.audience);
  const rendered = new Map<string, RenderedMail>();
  const messages: QueuedMail[] = people.map((p) => {
    let mail = rendered.get(p.locale);
    if (!mail) rendered.set(p.locale, (mail = render(p.locale)));
    return {
      orgId: target.orgId,
      kind: target.kind,
      to: p.email,
      locale: p.locale,
      mail,
      eventId: target.eventId,
      signupId: p.id,
      dedupeKey: target.dedupePrefix ? target.dedupePrefix + p.id : null,
    };
  });
  return enqueue(tx, messages, now);
}

/** How many people a message to this audience would reach (the preview's count). */
export async function countAudience(db: DbOrTx, eventId: string, audience: Audience): Promise<number> {
  if (audience.statuses.length === 0) return 0;
  return (await audienceOf(db, eventId, audience)).length;
}

/** How long the record of a delivered, failed or held message stays (its body is long gone if sent). */
export const MESSAGE_RECORD_DAYS = 30;

/** Forgets messages that are done with, addresses included; pending ones stay. */
export async function purgeOldMessages(db: DbOrTx, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - MESSAGE_RECORD_DAYS * 86_400_000).toISOString();
  const result = await db.execute(sql`
    with gone as (delete from ${outbox} where status in ('sent', 'failed', 'held') and created_at < ${before}::timestamptz returning 1)
    select count(*)::int as n from gone`);
  return Number((result as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0);
}
