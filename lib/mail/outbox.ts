import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { outbox, signups, type MailAttachment, type MailKind, type SignupStatus } from "@/db/schema";
import { DEFAULT_LOCALE, LOCALES } from "@/lib/i18n/config";
import type { RenderedMail } from "./render";

// Messages are written by the transaction that causes them: if it rolls back, so do they.

export interface QueuedMail {
  orgId: string;
  kind: MailKind;
  to: string;
  locale: string;
  mail: RenderedMail;
  attachments?: MailAttachment[];
  eventId?: string | null;
  signupId?: string | null;
  /** A message that must exist once: a second one with the same key is not written. */
  dedupeKey?: string | null;
}

export async function enqueue(tx: DbOrTx, messages: QueuedMail[], now = new Date()): Promise<number> {
  if (messages.length === 0) return 0;
  const written = await tx
    .insert(outbox)
    .values(
      messages.map((m) => ({
        orgId: m.orgId,
        kind: m.kind,
        toAddress: m.to,
        locale: m.locale,
        subject: m.mail.subject,
        textBody: m.mail.text,
        htmlBody: m.mail.html,
        attachments: m.attachments ?? [],
        eventId: m.eventId ?? null,
        signupId: m.signupId ?? null,
        dedupeKey: m.dedupeKey ?? null,
        createdAt: now,
        nextAttemptAt: now,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: outbox.id });
  return written.length;
}

export interface Audience {
  statuses: SignupStatus[];
  role?: string | null;
  checkedIn?: boolean | null;
  /** Only sign-ups made at or before this instant. */
  createdBefore?: Date;
}

/** Sign-ups of the event in the audience that still have an address. */
function audienceConditions(eventId: string, audience: Audience): SQL[] {
  const conditions: SQL[] = [
    sql`${signups.eventId} = ${eventId}`,
    sql`${signups.email} is not null`,
    sql`${signups.erasedAt} is null`,
    sql`${signups.status}::text in (${sql.join(audience.statuses.map((s) => sql`${s}`), sql`, `)})`,
  ];
  if (audience.role) conditions.push(sql`${signups.role} = ${audience.role}`);
  if (audience.checkedIn === true) conditions.push(sql`${signups.checkedInAt} is not null`);
  if (audience.checkedIn === false) conditions.push(sql`${signups.checkedInAt} is null`);
  if (audience.createdBefore) conditions.push(sql`${signups.createdAt} <= ${audience.createdBefore.toISOString()}::timestamptz`);
  return conditions;
}

/**
 * One message to many sign-ups of an event, written by one statement per language, in the
 * database: an event of 20,000 people costs no more round trips than one of twenty.
 * `dedupePrefix` + the sign-up's id keeps each person's copy unique.
 */
export async function enqueueForEvent(
  tx: DbOrTx,
  target: { orgId: string; eventId: string; kind: MailKind; audience: Audience; dedupePrefix?: string },
  render: (locale: string) => RenderedMail,
  now = new Date(),
): Promise<number> {
  const { audience } = target;
  if (audience.statuses.length === 0) return 0;
  let total = 0;
  for (const locale of LOCALES) {
    const mail = render(locale);
    const inLocale: SQL =
      locale === DEFAULT_LOCALE
        ? sql`(${signups.locale} = ${locale} or ${signups.locale} not in (${sql.join(LOCALES.map((l) => sql`${l}`), sql`, `)}))`
        : sql`${signups.locale} = ${locale}`;
    const conditions = [...audienceConditions(target.eventId, audience), inLocale];
    const dedupe = target.dedupePrefix ? sql`${target.dedupePrefix} || ${signups.id}::text` : sql`null`;
    const at = now.toISOString();
    const result = await tx.execute(sql`
      with written as (
        insert into ${outbox} (org_id, kind, to_address, locale, subject, text_body, html_body, event_id, signup_id, dedupe_key, created_at, next_attempt_at)
        select ${target.orgId}, ${target.kind}, ${signups.email}, ${locale}, ${mail.subject}, ${mail.text}, ${mail.html}, ${target.eventId}, ${signups.id}, ${dedupe},
               ${at}::timestamptz, ${at}::timestamptz
        from ${signups}
        where ${sql.join(conditions, sql` and `)}
        on conflict do nothing
        returning 1
      )
      select count(*)::int as n from written`);
    total += Number((result as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0);
  }
  return total;
}

/** How many people a message to this audience would reach (the preview's count). */
export async function countAudience(db: DbOrTx, eventId: string, audience: Audience): Promise<number> {
  if (audience.statuses.length === 0) return 0;
  const conditions = audienceConditions(eventId, audience);
  const result = await db.execute(sql`select count(*)::int as n from ${signups} where ${sql.join(conditions, sql` and `)}`);
  return Number((result as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0);
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
