import "server-only";
import { eq, sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import type SMTPPool from "nodemailer/lib/smtp-pool";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import { getDb, type Db } from "@/db/client";
import { outbox, type OutboxMessage } from "@/db/schema";
import { issueManageLink } from "@/lib/signups/links";
import { hostUrl, issueHostLink } from "@/lib/hosts/host";
import { HOST_LINK_KINDS } from "@/lib/hosts/mail";
import { siteOrigin } from "./origin";
import { privateUrl, withPrivateLink } from "./render";
import { openMessages, type MailContent } from "./sealed-mail";
import { LINK_KINDS } from "./signup-mail";
import { log as logger, withoutAddresses } from "@/lib/log";
import { claimDue } from "@/lib/deliveries/claim";

// Delivery from the outbox. A worker claims a batch in one statement (FOR UPDATE SKIP LOCKED),
// so two workers never hold the same message; each message is marked sent as soon as the
// SMTP server has accepted it. A worker that dies leaves its claimed messages locked until
// their lease ends; then another worker takes them over. Only a death in the instant between
// the server's acceptance and the mark can send one message twice; every copy carries the
// same Message-ID, so mail programs show it once.

export interface OutgoingMail {
  messageId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments: { filename: string; contentType: string; content: string }[];
}

export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  close?(): void;
}

export interface DeliveryOptions {
  /** Null: no SMTP. Messages are held in the outbox, for the mailbox page. */
  transport: MailTransport | null;
  db?: Db;
  now?: () => Date;
  batchSize?: number;
  leaseMs?: number;
  maxAttempts?: number;
  retryBaseMs?: number;
  log?: (line: string) => void;
}

export interface DeliveryReport {
  sent: number;
  retrying: number;
  failed: number;
  held: number;
}

const envNumber = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return process.env[name] && Number.isFinite(v) && v >= 0 ? v : fallback;
};

export const deliverySettings = () => ({
  batchSize: envNumber("PICKET_OUTBOX_BATCH", 20),
  leaseMs: envNumber("PICKET_OUTBOX_LEASE_SECONDS", 600) * 1000,
  maxAttempts: Math.max(1, envNumber("PICKET_OUTBOX_MAX_ATTEMPTS", 8)),
  retryBaseMs: envNumber("PICKET_OUTBOX_RETRY_SECONDS", 60) * 1000,
});

/** 1, 2, 4, 8 … times the base after each failed attempt, at most a day. */
export function backoffMs(attempts: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempts - 1), 86_400_000);
}

/**
 * A message as the log names it: its row and its kind, nothing of whom it went to or what it said. A keyed hash of
 * the address and the subject (an event's title) would let whoever holds the logs and the server's secret test a
 * known address for a sign-up even after its data was erased; owners see each message in the mailbox.
 */
const logged = (m: { id: string; kind: string }) => `${m.kind} ${m.id}`;

/**
 * smtp://user:password@host:587 (STARTTLS when offered) or smtps://…:465, read with the WHATWG URL parser
 * (nodemailer's own reader uses the url.parse that Node deprecates). Query options, such as
 * ?requireTLS=true, are passed on as nodemailer options.
 */
export function smtpOptions(url: string): SMTPTransport.Options {
  const u = new URL(url);
  const secure = u.protocol === "smtps:";
  if (!secure && u.protocol !== "smtp:") throw new Error("SMTP_URL must start with smtp:// or smtps://");
  const options: Record<string, unknown> = { host: u.hostname.replace(/^\[|\]$/g, ""), port: u.port ? Number(u.port) : secure ? 465 : 587, secure };
  if (u.username) options.auth = { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) };
  for (const [key, value] of u.searchParams) options[key] = value === "true" ? true : value === "false" ? false : /^\d+$/.test(value) ? Number(value) : value;
  return options as SMTPTransport.Options;
}

export function smtpTransport(url: string, from: string): MailTransport {
  // A few kept-open connections, and timeouts well inside a claim's lease.
  const options: SMTPPool.Options = {
    ...smtpOptions(url),
    pool: true,
    maxConnections: 3,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  };
  const transporter = nodemailer.createTransport(options, { from });
  return {
    async send(mail) {
      await transporter.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
        attachments: mail.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
      });
    },
    close: () => transporter.close(),
  };
}

/** SMTP_URL and MAIL_FROM, or null when mail is not set up (the demo). */
export function transportFromEnv(): MailTransport | null {
  const url = process.env.SMTP_URL;
  if (!url) return null;
  return smtpTransport(url, process.env.MAIL_FROM || "Picket <picket@localhost>");
}

async function claim(db: Db, now: Date, batchSize: number, leaseMs: number) {
  const ids = await claimDue(db, outbox, now, batchSize, leaseMs);
  if (ids.length === 0) return [];
  const rows = await db
    .select()
    .from(outbox)
    .where(
      sql`${outbox.id} in (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    );
  rows.sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime() || a.id.localeCompare(b.id));
  return openMessages(db, rows, true);
}

/** Without SMTP: pending messages stay readable in the mailbox, each logged once. */
async function hold(db: Db, now: Date, batchSize: number, log: (line: string) => void): Promise<number> {
  const result = await db.execute(sql`
    update ${outbox} set status = 'held'
    where id in (
      select id from ${outbox} where status = 'pending' and next_attempt_at <= ${now.toISOString()}::timestamptz
      order by next_attempt_at, id limit ${batchSize} for update skip locked
    )
    returning id, kind`);
  const rows = (result as unknown as { rows: { id: string; kind: string }[] }).rows;
  // Logged by row and kind: nothing needs opening to say a message is held.
  for (const r of rows) log(`picket: mail held (no SMTP_URL): ${logged(r)}`);
  return rows.length;
}

/**
 * The bodies as sent. A message that carries a private link gets a new one now: the stored message has only a
 * placeholder, and the sign-up keeps only the new link's hash (the link it had before stops working). If the
 * server dies after this and before the send, the next attempt makes another link: the supporter gets the newest.
 */
async function bodyToSend(db: Db, m: OutboxMessage, body: MailContent): Promise<{ text: string; html: string } | null> {
  if (HOST_LINK_KINDS.has(m.kind) && m.proposalId) {
    const token = await issueHostLink(db, m.proposalId);
    return token ? withPrivateLink(body, hostUrl(siteOrigin(), token)) : null;
  }
  if (!LINK_KINDS.has(m.kind) || !m.signupId) return body;
  const token = await issueManageLink(db, m.signupId);
  return token ? withPrivateLink(body, privateUrl(siteOrigin(), token)) : null;
}

/** Delivers every message that is due, batch after batch, until none is left. */
export async function deliverDue(options: DeliveryOptions): Promise<DeliveryReport> {
  const defaults = deliverySettings();
  const settings = {
    batchSize: Math.max(1, options.batchSize ?? defaults.batchSize),
    leaseMs: options.leaseMs ?? defaults.leaseMs,
    maxAttempts: options.maxAttempts ?? defaults.maxAttempts,
    retryBaseMs: options.retryBaseMs ?? defaults.retryBaseMs,
  };
  const db = options.db ?? (await getDb());
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((line: string) => logger.info(line));
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0, held: 0 };

  if (!options.transport) {
    for (;;) {
      const held = await hold(db, now(), settings.batchSize, log);
      report.held += held;
      if (held < settings.batchSize) return report;
    }
  }

  for (;;) {
    const batch = await claim(db, now(), settings.batchSize, settings.leaseMs);
    for (const m of batch) {
      try {
        const body = m.opened && m.body ? await bodyToSend(db, m, m.body) : null;
        if (!m.opened || !m.body || !body) {
          // Its sign-up, or its event's personal data, was erased meanwhile: there is nobody to write to.
          await db.update(outbox).set({ status: "failed", lockedUntil: null, lastError: "erased", content: null }).where(eq(outbox.id, m.id));
          report.failed += 1;
          continue;
        }
        await options.transport.send({
          messageId: `<${m.id}@picket>`,
          to: m.opened.to,
          subject: m.opened.subject,
          text: body.text,
          html: body.html,
          attachments: m.body.attachments,
        });
        // Delivered: the bodies (with any private link) are not kept.
        await db.update(outbox).set({ status: "sent", sentAt: now(), lockedUntil: null, lastError: null, content: null }).where(eq(outbox.id, m.id));
        report.sent += 1;
        log(`picket: mail sent: ${logged(m)}`);
      } catch (e) {
        // SMTP replies usually name the recipient: kept and logged without addresses.
        const error = withoutAddresses((e as Error).message || String(e)).slice(0, 500);
        const last = m.attempts >= settings.maxAttempts;
        await db
          .update(outbox)
          .set(
            last
              ? { status: "failed", lockedUntil: null, lastError: error }
              : {
                  status: "pending",
                  lockedUntil: null,
                  lastError: error,
                  nextAttemptAt: new Date(now().getTime() + backoffMs(m.attempts, settings.retryBaseMs)),
                },
          )
          .where(eq(outbox.id, m.id));
        if (last) report.failed += 1;
        else report.retrying += 1;
        log(`picket: mail ${last ? "failed for good" : "failed, will retry"} (attempt ${m.attempts} of ${settings.maxAttempts}): ` + `${logged(m)}: ${error}`);
      }
    }
    if (batch.length < settings.batchSize) return report;
  }
}
