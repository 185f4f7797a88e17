import { randomUUID } from "node:crypto";
import { eq, type SQL } from "drizzle-orm";
import type { DbHandle } from "../client";
import { campaigns, events, outbox, signups } from "../schema";
import { addressIndex, eventKey } from "@/lib/crypto/keys";
import { openMessages } from "@/lib/mail/sealed-mail";
import { sealPersonal, withPersonal } from "@/lib/signups/personal";

// Tests read what is sealed the way the app does: through its keys.

/** Sign-ups (of an event, or matching `where`) with their personal fields opened. */
export async function openedSignups(handle: DbHandle, where?: SQL) {
  const rows = await handle.db.select().from(signups).where(where);
  return withPersonal(handle.db, rows);
}

/** The sign-ups whose opened address is this one. */
export async function signupsOf(handle: DbHandle, email: string, where?: SQL) {
  return (await openedSignups(handle, where)).filter((r) => r.person?.email === email);
}

/** The one sign-up of this address (of the event, when given). */
export async function signupOf(handle: DbHandle, email: string, eventId?: string) {
  const [found] = await signupsOf(handle, email, eventId ? eq(signups.eventId, eventId) : undefined);
  if (!found) throw new Error(`no sign-up of ${email}`);
  return found;
}

/** Messages with their envelope and content opened (`opened.to`, `opened.subject`, `body.text`…). */
export async function openedMessages(handle: DbHandle, where?: SQL) {
  const rows = await handle.db.select().from(outbox).where(where);
  return openMessages(handle.db, rows, true);
}

/** The messages to this address. */
export async function messagesTo(handle: DbHandle, email: string, where?: SQL) {
  return (await openedMessages(handle, where)).filter((m) => m.opened?.to === email);
}

type PlainSignup = Omit<typeof signups.$inferInsert, "personal" | "emailHash"> & {
  name?: string | null;
  email?: string | null;
  phone?: string | null;
  comment?: string | null;
};

/**
 * Sign-up rows for an insert, their personal fields sealed as the app seals them: tests that build a list row by
 * row write what a real sign-up would hold. A row without name and email is one whose personal data is gone.
 */
export async function sealedSignups(handle: DbHandle, rows: PlainSignup[]): Promise<(typeof signups.$inferInsert)[]> {
  const out: (typeof signups.$inferInsert)[] = [];
  const keys = new Map<string, Awaited<ReturnType<typeof eventKey>>>();
  for (const { name, email, phone, comment, ...row } of rows) {
    const id = row.id ?? randomUUID();
    if (name == null && email == null) {
      out.push({ ...row, id, personal: null, emailHash: null });
      continue;
    }
    let key = keys.get(row.eventId);
    if (!key) {
      const [event] = await handle.db
        .select({ id: events.id, dataKeyId: events.dataKeyId, orgId: campaigns.orgId })
        .from(events)
        .innerJoin(campaigns, eq(campaigns.id, events.campaignId))
        .where(eq(events.id, row.eventId));
      keys.set(row.eventId, (key = await eventKey(handle.db, event!, event!.orgId)));
    }
    out.push({
      ...row,
      id,
      personal: sealPersonal(key, id, { name: name ?? "", email: email ?? null, phone: phone ?? null, comment: comment ?? null }),
      emailHash: email ? await addressIndex(handle.db, row.eventId, email) : null,
    });
  }
  return out;
}

/** Messages as the tests read them: the outbox row with its sealed parts opened into plain fields. */
export async function plainMessages(handle: DbHandle, where?: SQL) {
  return (await openedMessages(handle, where)).map(({ opened, body, envelope: _envelope, content: _content, ...m }) => ({
    ...m,
    toAddress: opened?.to ?? null,
    subject: opened?.subject ?? null,
    textBody: body?.text ?? "",
    htmlBody: body?.html ?? "",
    attachments: body?.attachments ?? [],
  }));
}

/** The plain messages to this address. */
export async function plainMessagesTo(handle: DbHandle, email: string, where?: SQL) {
  return (await plainMessages(handle, where)).filter((m) => m.toAddress === email);
}
