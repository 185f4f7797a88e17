import { sql } from "drizzle-orm";
import type { Db } from "./client";
import { addressIndex, eventKey, organisationKey } from "@/lib/crypto/keys";
import { sealContent, sealEnvelope } from "@/lib/mail/sealed-mail";
import { sealPersonal } from "@/lib/signups/personal";

// Migration 0008 moved the personal fields of sign-ups and messages into sealed columns and kept the old plaintext
// columns under legacy_ names. Sealing needs the master key, which the database never sees, so it happens here,
// in the migrating process, 500 rows a transaction; then the plaintext columns are dropped. Nothing to do on a
// database created after 0008, or on a second run.

const BATCH = 500;

type Row = Record<string, unknown>;
const rowsOf = (result: unknown) => (result as { rows: Row[] }).rows;

async function hasColumn(db: Db, table: string, column: string): Promise<boolean> {
  const result = await db.execute(
    sql`select 1 from information_schema.columns where table_schema = current_schema() and table_name = ${table} and column_name = ${column}`,
  );
  return rowsOf(result).length > 0;
}

async function sealSignups(db: Db): Promise<number> {
  let sealed = 0;
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const rows = rowsOf(
        await tx.execute(sql`
          select s.id, s.event_id, c.org_id, e.data_key_id, s.legacy_name, s.legacy_email, s.legacy_phone, s.legacy_comment
          from signups s join events e on e.id = s.event_id join campaigns c on c.id = e.campaign_id
          where s.legacy_name is not null or s.legacy_email is not null or s.legacy_phone is not null or s.legacy_comment is not null
          order by s.event_id, s.id limit ${BATCH} for update of s`),
      );
      for (const r of rows) {
        const eventId = r.event_id as string;
        const [event] = rowsOf(await tx.execute(sql`select id, data_key_id from events where id = ${eventId}`));
        const key = await eventKey(tx, { id: eventId, dataKeyId: (event?.data_key_id as string | null) ?? null }, r.org_id as string);
        const email = (r.legacy_email as string | null) ?? null;
        const personal = sealPersonal(key, r.id as string, {
          name: (r.legacy_name as string | null) ?? "",
          email,
          phone: (r.legacy_phone as string | null) ?? null,
          comment: (r.legacy_comment as string | null) ?? null,
        });
        const emailHash = email ? await addressIndex(tx, eventId, email) : null;
        await tx.execute(sql`
          update signups set personal = ${personal}, email_hash = ${emailHash},
            legacy_name = null, legacy_email = null, legacy_phone = null, legacy_comment = null
          where id = ${r.id as string}`);
      }
      return rows.length;
    });
    sealed += done;
    if (done < BATCH) return sealed;
  }
}

async function sealOutbox(db: Db): Promise<number> {
  let sealed = 0;
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const rows = rowsOf(
        await tx.execute(sql`
          select id, org_id, event_id, status, legacy_to_address, legacy_subject, legacy_text_body, legacy_html_body, legacy_attachments
          from outbox where envelope is null order by id limit ${BATCH} for update`),
      );
      for (const r of rows) {
        const id = r.id as string;
        let key;
        if (r.event_id) {
          const [event] = rowsOf(await tx.execute(sql`select id, data_key_id from events where id = ${r.event_id as string}`));
          key = await eventKey(tx, { id: r.event_id as string, dataKeyId: (event?.data_key_id as string | null) ?? null }, r.org_id as string);
        } else {
          key = await organisationKey(tx, r.org_id as string);
        }
        const envelope = sealEnvelope(key, id, { to: r.legacy_to_address as string, subject: r.legacy_subject as string });
        const sent = r.status === "sent";
        const attachments = typeof r.legacy_attachments === "string" ? JSON.parse(r.legacy_attachments) : (r.legacy_attachments ?? []);
        const content = sent ? null : sealContent(key, id, { text: r.legacy_text_body as string, html: r.legacy_html_body as string, attachments });
        await tx.execute(sql`update outbox set envelope = ${envelope}, content = ${content} where id = ${id}`);
      }
      return rows.length;
    });
    sealed += done;
    if (done < BATCH) return sealed;
  }
}

/** Seals what migration 0008 left in plaintext, then drops the plaintext columns. Returns how many rows it sealed. */
export async function sealLegacyPlaintext(db: Db): Promise<{ signups: number; messages: number }> {
  const result = { signups: 0, messages: 0 };
  if (await hasColumn(db, "signups", "legacy_name")) {
    result.signups = await sealSignups(db);
    await db.execute(sql`alter table signups drop column legacy_name, drop column legacy_email, drop column legacy_phone, drop column legacy_comment`);
  }
  if (await hasColumn(db, "outbox", "legacy_to_address")) {
    result.messages = await sealOutbox(db);
    await db.execute(sql`alter table outbox alter column envelope set not null`);
    await db.execute(
      sql`alter table outbox drop column legacy_to_address, drop column legacy_subject, drop column legacy_text_body,
        drop column legacy_html_body, drop column legacy_attachments`,
    );
  }
  return result;
}
