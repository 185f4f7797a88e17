import "server-only";
import { createHmac } from "node:crypto";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { webhooks, type Delivery } from "@/db/schema";
import { keysById } from "@/lib/crypto/keys";
import { open, sealedKeyId } from "@/lib/crypto/envelope";
import type { Sender } from "@/lib/deliveries/runner";
import { DeliveryError } from "@/lib/deliveries/runner";
import { PublicError } from "@/lib/errors";
import { checkWebhookAddress } from "./address";
import { payloadAssociated } from "./queue";
import { openSecret } from "./secret";
import { disableWebhook } from "./webhooks";

// One call: the queued payload (opened here if sealed, and only here), wrapped with its id, topic and time, signed
// with HMAC-SHA-256 under the webhook's secret, POSTed to the address checked again now and connected to at the
// address that was checked. Redirects are not followed. The messages thrown name no person and no address.

export const WEBHOOK_TIMEOUT_MS = 10_000;

/** The Picket-Signature header: `t=<unix seconds>,v1=<hex HMAC-SHA-256(secret, "<t>.<body>")>`. */
export function signature(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${createHmac("sha256", secret).update(`${t}.${body}`, "utf8").digest("hex")}`;
}

async function openPayload(db: Db, d: Delivery): Promise<string> {
  if (d.payload === null) throw new DeliveryError("payload erased", null, true);
  if (!d.sealed) return d.payload;
  const keyId = sealedKeyId(d.payload);
  const key = keyId ? (await keysById(db, [keyId])).get(keyId) : undefined;
  const plain = key ? open(key, d.payload, payloadAssociated(d.id)) : null;
  if (plain === null) throw new DeliveryError("payload erased", null, true);
  return plain;
}

function post(url: URL, pinned: { address: string; family: 4 | 6 }, headers: Record<string, string>, body: string): Promise<number> {
  // The socket connects to the checked address, never to a second answer from DNS.
  const lookup: LookupFunction = (_host, options, callback) => {
    if (options.all)
      (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address: pinned.address, family: pinned.family }]);
    else callback(null, pinned.address, pinned.family);
  };
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      { method: "POST", lookup, agent: false, headers: { ...headers, "content-length": String(Buffer.byteLength(body)) } },
      (res) => {
        // The answer's body is not read: nothing in it is kept.
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.setTimeout(WEBHOOK_TIMEOUT_MS, () => req.destroy(new DeliveryError(`no answer within ${WEBHOOK_TIMEOUT_MS / 1000} s`)));
    req.on("error", (e) => reject(e instanceof DeliveryError ? e : new DeliveryError(`connection failed (${(e as NodeJS.ErrnoException).code ?? "error"})`)));
    req.end(body);
  });
}

/** Calls one webhook with its queued payload, signed with HMAC-SHA-256 under the webhook's secret. */
export const sendWebhook: Sender = async (d, db) => {
  const [hook] = d.webhookId ? await db.select().from(webhooks).where(eq(webhooks.id, d.webhookId)) : [];
  if (!hook || hook.disabledAt) throw new DeliveryError("webhook switched off", null, true);
  const secret = await openSecret(db, hook);
  if (!secret) throw new DeliveryError("webhook secret unreadable", null, true);
  const data = JSON.parse(await openPayload(db, d)) as unknown;
  let checked;
  try {
    checked = await checkWebhookAddress(d.target);
  } catch (e) {
    if (e instanceof PublicError)
      throw new DeliveryError(`address refused (${e.messageKey.split(".").pop()})`, null, e.messageKey !== "webhooks.address.unreachable");
    throw e;
  }
  const body = JSON.stringify({ id: d.id, topic: d.topic, createdAt: d.createdAt.toISOString(), data });
  const status = await post(
    checked.url,
    checked,
    {
      "content-type": "application/json",
      "user-agent": "Picket-Webhooks/1.0",
      "picket-delivery": d.id,
      "picket-topic": d.topic,
      "picket-signature": signature(secret, body, new Date()),
    },
    body,
  );
  if (status >= 200 && status < 300) return { status };
  if (status === 410) await disableWebhook(db, hook.id);
  // A redirect is never followed: it would lead the call past the address check.
  throw new DeliveryError(`answered ${status}`, status, status >= 300 && status < 400 ? true : undefined);
};
