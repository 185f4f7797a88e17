import "server-only";
import type { Db } from "@/db/client";

/**
 * Compares each federated, published campaign's public events and trial updates with what its followers were last
 * told (federated_objects) and queues the Create, Update and Delete activities for the difference (deliveries).
 * Returns how many deliveries it queued.
 */
export async function queueFederation(_db: Db, _now: Date): Promise<number> {
  return 0;
}
