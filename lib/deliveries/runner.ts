import "server-only";
import { eq, inArray } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { deliveries, type Delivery } from "@/db/schema";
import { backoffMs, deliverySettings, type DeliveryOptions } from "@/lib/mail/worker";
import { claimDue } from "./claim";
import { log as logger, withoutAddresses } from "@/lib/log";

// Delivery of requests to other servers (lib/federation's activities, lib/webhooks' calls), the way the mail outbox
// is delivered (lib/mail/worker.ts): a worker claims a batch in one statement (FOR UPDATE SKIP LOCKED), so two
// workers never hold the same row; each row is marked sent as soon as the other server accepted it; a worker that
// dies leaves its rows locked until their lease ends, and then another takes them over. Failures are retried with
// the same backoff as mail, and a refusal that no retry can change (a 4xx other than 408 and 429) fails at once.

export type DeliveryKind = Delivery["kind"];

/** Sends one claimed row; resolves with the other server's status once it accepted, throws otherwise. */
export type Sender = (delivery: Delivery, db: Db) => Promise<{ status: number }>;

/** Thrown by a sender: the other server's answer (or none) and whether trying again could help. */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly status: number | null = null,
    readonly permanent = status !== null && status >= 400 && status < 500 && status !== 408 && status !== 429,
  ) {
    super(message);
  }
}

/** The same settings as the mail outbox's delivery, without its mail transport. */
export type RequestDeliveryOptions = Omit<DeliveryOptions, "transport">;

export interface RequestDeliveryReport {
  sent: number;
  retrying: number;
  failed: number;
}

async function claim(db: Db, now: Date, batchSize: number, leaseMs: number): Promise<Delivery[]> {
  const ids = await claimDue(db, deliveries, now, batchSize, leaseMs);
  if (ids.length === 0) return [];
  const rows = await db.select().from(deliveries).where(inArray(deliveries.id, ids));
  return rows.sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime() || a.id.localeCompare(b.id));
}

/** A row as the log names it: its kind, topic and id; never its address (a webhook's may name a person's server). */
const logged = (d: Delivery) => `${d.kind} ${d.topic} ${d.id}`;

/** Delivers every due row, batch after batch, each with the sender for its kind. */
export async function deliverDueRequests(senders: Record<DeliveryKind, Sender>, options: RequestDeliveryOptions = {}): Promise<RequestDeliveryReport> {
  const defaults = deliverySettings();
  const batchSize = Math.max(1, options.batchSize ?? defaults.batchSize);
  const leaseMs = options.leaseMs ?? defaults.leaseMs;
  const maxAttempts = options.maxAttempts ?? defaults.maxAttempts;
  const retryBaseMs = options.retryBaseMs ?? defaults.retryBaseMs;
  const db = options.db ?? (await getDb());
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((line: string) => logger.info(line));
  const report: RequestDeliveryReport = { sent: 0, retrying: 0, failed: 0 };

  for (;;) {
    const batch = await claim(db, now(), batchSize, leaseMs);
    for (const d of batch) {
      try {
        const { status } = await senders[d.kind](d, db);
        // A sealed payload (personal data) is not kept once delivered.
        await db
          .update(deliveries)
          .set({ status: "sent", sentAt: now(), lockedUntil: null, lastError: null, responseStatus: status, ...(d.sealed ? { payload: null } : {}) })
          .where(eq(deliveries.id, d.id));
        report.sent += 1;
      } catch (e) {
        const error = withoutAddresses((e as Error).message || String(e)).slice(0, 500);
        const status = e instanceof DeliveryError ? e.status : null;
        const last = d.attempts >= maxAttempts || (e instanceof DeliveryError && e.permanent);
        await db
          .update(deliveries)
          .set(
            last
              ? { status: "failed", lockedUntil: null, lastError: error, responseStatus: status, ...(d.sealed ? { payload: null } : {}) }
              : {
                  status: "pending",
                  lockedUntil: null,
                  lastError: error,
                  responseStatus: status,
                  nextAttemptAt: new Date(now().getTime() + backoffMs(d.attempts, retryBaseMs)),
                },
          )
          .where(eq(deliveries.id, d.id));
        if (last) report.failed += 1;
        else report.retrying += 1;
        log(`picket: delivery ${last ? "failed for good" : "failed, will retry"} (attempt ${d.attempts} of ${maxAttempts}): ${logged(d)}: ${error}`);
      }
    }
    if (batch.length < batchSize) return report;
  }
}
