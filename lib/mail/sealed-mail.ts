import "server-only";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { events, type MailAttachment } from "@/db/schema";
import { accountsKey, eventKey, keysById, organisationKey } from "@/lib/crypto/keys";
import { open, seal, sealedKeyId, type DataKey } from "@/lib/crypto/envelope";

// The outbox holds a message's recipient and subject (its envelope) and its text, HTML and attachments (its
// content) sealed with the data key of the event it is about, or of the organisation for a message about no
// event: a held confirmation names its supporter, and erasing the event's personal data reaches it too.

export interface MailEnvelope {
  to: string;
  subject: string;
}

export interface MailContent {
  text: string;
  html: string;
  attachments: MailAttachment[];
}

const envelopeData = (id: string) => `outbox:${id}:envelope`;
const contentData = (id: string) => `outbox:${id}:content`;

export const sealEnvelope = (key: DataKey, id: string, envelope: MailEnvelope) => seal(key, JSON.stringify(envelope), envelopeData(id));
export const sealContent = (key: DataKey, id: string, content: MailContent) => seal(key, JSON.stringify(content), contentData(id));

/** The key messages about this event, or to this organisation, or about a person's account (no organisation) are sealed with. */
export async function mailKey(db: DbOrTx, orgId: string | null, eventId: string | null | undefined): Promise<DataKey> {
  if (!orgId) return accountsKey(db);
  if (!eventId) return organisationKey(db, orgId);
  const [event] = await db.select({ id: events.id, dataKeyId: events.dataKeyId }).from(events).where(eq(events.id, eventId));
  return event ? eventKey(db, event, orgId) : organisationKey(db, orgId);
}

interface SealedRow {
  id: string;
  envelope: string;
  content: string | null;
}

/** Messages with their envelope (and, with `content`, their content) opened; a message whose key is gone has neither. */
export async function openMessages<T extends SealedRow>(db: DbOrTx, rows: T[], withContent = false) {
  const ids = rows.flatMap((r) => [sealedKeyId(r.envelope), withContent ? sealedKeyId(r.content) : null]).filter((id): id is string => id !== null);
  const keys = await keysById(db, ids);
  return rows.map((r) => {
    const key = keys.get(sealedKeyId(r.envelope) ?? "");
    const envelope = key ? open(key, r.envelope, envelopeData(r.id)) : null;
    const content = withContent && key && r.content ? open(key, r.content, contentData(r.id)) : null;
    return { ...r, opened: envelope ? (JSON.parse(envelope) as MailEnvelope) : null, body: content ? (JSON.parse(content) as MailContent) : null };
  });
}
