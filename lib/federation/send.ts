import "server-only";
import type { Sender } from "@/lib/deliveries/runner";
import { DeliveryError } from "@/lib/deliveries/runner";

/** Sends one queued activity to one inbox, signed by its campaign's actor (Fedify). */
export const sendActivity: Sender = async () => {
  throw new DeliveryError("federation is not set up");
};
