import "server-only";
import { lookup } from "node:dns/promises";
import { eq } from "drizzle-orm";
import { SendActivityError } from "@fedify/fedify";
import { Activity } from "@fedify/vocab";
import { campaigns } from "@/db/schema";
import { isBlockedAddress } from "@/lib/articles/address-guard";
import type { Sender } from "@/lib/deliveries/runner";
import { DeliveryError } from "@/lib/deliveries/runner";
import { siteOrigin } from "@/lib/mail/origin";
import { federation } from "./federation";
import { campaignKeyPairs } from "./keys";

/** Whether an inbox's host is one this server must not connect to (a private or loopback address). */
async function blockedInbox(inbox: URL): Promise<boolean> {
  const allowLoopback = process.env.PICKET_FETCH_ALLOW_LOOPBACK === "1";
  const host = inbox.hostname.replace(/^\[|\]$/g, "");
  try {
    const found = await lookup(host, { all: true });
    return found.length === 0 || found.some((a) => isBlockedAddress(a.address, { allowLoopback }));
  } catch {
    return false; // not resolvable now: the sending fails and is retried
  }
}

/**
 * Sends one queued activity (its JSON-LD as lib/federation/queue.ts or the inbox wrote it) to one inbox, signed
 * with its campaign's keys (HTTP Signatures, by Fedify), at once: the delivery runner retries a failure and marks
 * the row sent when the inbox took it, so it is never sent twice.
 */
export const sendActivity: Sender = async (delivery, db) => {
  if (!delivery.payload || !delivery.campaignId) throw new DeliveryError("the activity is gone", null, true);
  const [campaign] = await db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.id, delivery.campaignId));
  if (!campaign) throw new DeliveryError("the campaign is gone", null, true);
  const inbox = new URL(delivery.target);
  if (inbox.protocol !== "https:" && inbox.protocol !== "http:") throw new DeliveryError("not an inbox address", null, true);
  if (await blockedInbox(inbox)) throw new DeliveryError("the inbox is on a private address", null, true);

  const activity = await Activity.fromJsonLd(JSON.parse(delivery.payload));
  const actor = activity.actorId;
  if (!actor) throw new DeliveryError("the activity names no actor", null, true);
  const keys = await campaignKeyPairs(db, campaign.id);
  // The key ids Fedify gives an actor's key pairs (the first is the one Mastodon reads).
  const senders = keys.map((k, i) => ({ privateKey: k.privateKey, keyId: new URL(i === 0 ? "#main-key" : `#key-${i + 1}`, actor) }));
  const ctx = federation().createContext(new URL(siteOrigin()), undefined);
  try {
    // Fedify wants a recipient id; the inbox stands for whoever reads it (a shared inbox serves many).
    await ctx.sendActivity(senders, { id: inbox, inboxId: inbox, endpoints: null }, activity, { immediate: true });
  } catch (e) {
    if (e instanceof SendActivityError) throw new DeliveryError(`the inbox answered ${e.statusCode}`, e.statusCode);
    throw new DeliveryError((e as Error).message || "the inbox did not answer");
  }
  // Fedify throws on anything but a 2xx; which 2xx it was, it does not say.
  return { status: 202 };
};
