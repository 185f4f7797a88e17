import "server-only";
import { getDb, type Db } from "@/db/client";
import { queueFederation } from "@/lib/federation/queue";
import { sendActivity } from "@/lib/federation/send";
import { queueWebhooks } from "@/lib/webhooks/queue";
import { sendWebhook } from "@/lib/webhooks/send";
import { deliverDueRequests, type RequestDeliveryOptions } from "./runner";

/** One round of reach: queue what followers and webhooks have not yet been told, then deliver what is due. */
export async function reachRound(now = new Date(), options: RequestDeliveryOptions & { db?: Db } = {}) {
  const db = options.db ?? (await getDb());
  const activities = await queueFederation(db, now);
  const calls = await queueWebhooks(db, now);
  const delivered = await deliverDueRequests({ activity: sendActivity, webhook: sendWebhook }, { ...options, db });
  return { activities, calls, ...delivered };
}
