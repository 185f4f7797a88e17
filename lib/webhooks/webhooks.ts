import "server-only";
import { and, asc, count, desc, eq, inArray, ne, or, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { campaigns, deliveries, webhooks, type Delivery } from "@/db/schema";
import { audited } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { NotFoundError, PublicError } from "@/lib/errors";
import { requireRole } from "@/lib/orgs/authz";
import { partnerCampaignIds } from "@/lib/orgs/partners";
import { pageNumber, pageOf, pageOffset } from "@/lib/paging";
import { checkWebhookAddress, type AddressOptions } from "./address";
import { newSecret, sealSecret } from "./secret";
import type { WebhookInput } from "./schemas";

// An organisation's webhooks: owners only, each change audited in its own transaction. The secret is shown once,
// when Picket makes it; the address is checked against the network when it is registered, and before every call.

export const DELIVERY_PAGE_SIZE = 25;

/** The campaigns a webhook may cover: the organisation's own, and those it co-hosts as a partner (not a lead's draft). */
export async function webhookCampaigns(actor: Actor, orgId: string, db?: DbOrTx) {
  const conn = db ?? (await getDb());
  await requireRole(actor, orgId, "owner", conn);
  const partnerOf = await partnerCampaignIds(conn, orgId);
  return conn
    .select({ id: campaigns.id, title: campaigns.title })
    .from(campaigns)
    .where(or(eq(campaigns.orgId, orgId), partnerOf.length ? and(inArray(campaigns.id, partnerOf), ne(campaigns.status, "draft")) : sql`false`))
    .orderBy(asc(campaigns.title));
}

/** Only the host: the rest of an address (a path, a token in it) stays out of the audit log. */
const hostOf = (url: string) => new URL(url).host;

/**
 * Registers a webhook. Answers with its id and, when Picket made the secret, the secret: the one time it is shown.
 */
export async function createWebhook(
  actor: Actor,
  orgId: string,
  input: WebhookInput,
  now = new Date(),
  opts: AddressOptions = {},
): Promise<{ id: string; secret: string | null }> {
  const db = await getDb();
  await requireRole(actor, orgId, "owner", db);
  if (input.campaign && !(await webhookCampaigns(actor, orgId, db)).some((c) => c.id === input.campaign))
    throw new PublicError("validation.choose", "campaign");
  // Resolved before anything is written: a refusal is a message next to the address.
  const { url } = await checkWebhookAddress(input.url, opts);
  const secret = input.secret ?? newSecret();
  return audited(db, actor, "webhook.create", async (tx) => {
    await requireRole(actor, orgId, "owner", tx);
    const id = crypto.randomUUID();
    await tx.insert(webhooks).values({
      id,
      orgId,
      campaignId: input.campaign,
      url: url.toString(),
      secret: await sealSecret(tx, orgId, id, secret),
      personal: input.personal,
      // Sign-ups made before the webhook existed are never sent.
      signupCursor: input.personal ? now : null,
      createdBy: actor?.userId ?? null,
      createdAt: now,
    });
    return {
      result: { id, secret: input.secret ? null : secret },
      audit: { orgId, campaignId: input.campaign, details: { webhookId: id, host: url.host, personal: input.personal }, at: now },
    };
  });
}

async function ownWebhook(db: DbOrTx, orgId: string, webhookId: string) {
  const [hook] = await db
    .select()
    .from(webhooks)
    .where(and(eq(webhooks.id, webhookId), eq(webhooks.orgId, orgId)));
  if (!hook) throw new NotFoundError();
  return hook;
}

/** Deletes a webhook; its waiting calls and its delivery log go with it. */
export async function deleteWebhook(actor: Actor, orgId: string, webhookId: string): Promise<void> {
  const db = await getDb();
  await audited(db, actor, "webhook.delete", async (tx) => {
    await requireRole(actor, orgId, "owner", tx);
    const hook = await ownWebhook(tx, orgId, webhookId);
    await tx.delete(webhooks).where(eq(webhooks.id, hook.id));
    return { result: undefined, audit: { orgId, campaignId: hook.campaignId, details: { webhookId: hook.id, host: hostOf(hook.url) } } };
  });
}

/** Queues a `ping` to the webhook, as any other call: it shows in the delivery log. */
export async function sendTestWebhook(actor: Actor, orgId: string, webhookId: string, now = new Date()): Promise<{ id: string }> {
  const db = await getDb();
  return audited(db, actor, "webhook.test", async (tx) => {
    await requireRole(actor, orgId, "owner", tx);
    const hook = await ownWebhook(tx, orgId, webhookId);
    if (hook.disabledAt) throw new PublicError("webhooks.test.disabled");
    const [row] = await tx
      .insert(deliveries)
      .values({
        orgId,
        kind: "webhook",
        webhookId: hook.id,
        campaignId: hook.campaignId,
        target: hook.url,
        topic: "ping",
        payload: JSON.stringify({ webhook: { id: hook.id }, message: "A test from Picket." }),
        createdAt: now,
        nextAttemptAt: now,
      })
      .returning({ id: deliveries.id });
    return { result: { id: row!.id }, audit: { orgId, campaignId: hook.campaignId, details: { webhookId: hook.id, deliveryId: row!.id }, at: now } };
  });
}

/** A 410 Gone: the receiver says the address is gone for good, so nothing more is queued for it. */
export async function disableWebhook(db: DbOrTx, webhookId: string, now = new Date()): Promise<void> {
  await audited(db, null, "webhook.disable", async (tx) => {
    const [hook] = await tx
      .update(webhooks)
      .set({ disabledAt: now })
      .where(and(eq(webhooks.id, webhookId), sql`${webhooks.disabledAt} is null`))
      .returning();
    if (!hook) return { result: undefined, audit: null };
    return {
      result: undefined,
      audit: { orgId: hook.orgId, campaignId: hook.campaignId, details: { webhookId, host: hostOf(hook.url), status: 410 }, at: now },
    };
  });
}

export type DeliveryStatus = Delivery["status"];

export interface WebhookEntry {
  id: string;
  url: string;
  host: string;
  campaignId: string | null;
  campaignTitle: string | null;
  personal: boolean;
  createdAt: Date;
  disabledAt: Date | null;
  lastStatus: Delivery["status"] | null;
  lastAt: Date | null;
}

/** The organisation's webhooks, newest first, each with the state of its latest call. */
export async function listWebhooks(actor: Actor, orgId: string): Promise<WebhookEntry[]> {
  const db = await getDb();
  await requireRole(actor, orgId, "owner", db);
  const latest = sql`(select ld.id from ${deliveries} ld where ld.webhook_id = ${webhooks.id} order by ld.created_at desc, ld.id desc limit 1)`;
  const rows = await db
    .select({
      id: webhooks.id,
      url: webhooks.url,
      campaignId: webhooks.campaignId,
      campaignTitle: campaigns.title,
      personal: webhooks.personal,
      createdAt: webhooks.createdAt,
      disabledAt: webhooks.disabledAt,
      lastStatus: deliveries.status,
      lastAt: deliveries.createdAt,
    })
    .from(webhooks)
    .leftJoin(campaigns, eq(campaigns.id, webhooks.campaignId))
    .leftJoin(deliveries, eq(deliveries.id, latest))
    .where(eq(webhooks.orgId, orgId))
    .orderBy(desc(webhooks.createdAt), desc(webhooks.id));
  return rows.map((r) => ({ ...r, host: hostOf(r.url) }));
}

/** One webhook of the organisation and a page of its delivery log, newest first. Never a payload. */
export async function listWebhookDeliveries(actor: Actor, orgId: string, webhookId: string, page?: number) {
  const db = await getDb();
  await requireRole(actor, orgId, "owner", db);
  const hook = await ownWebhook(db, orgId, webhookId);
  const n = pageNumber(page);
  const where = eq(deliveries.webhookId, hook.id);
  const [entries, [total]] = await Promise.all([
    db
      .select({
        id: deliveries.id,
        topic: deliveries.topic,
        status: deliveries.status,
        attempts: deliveries.attempts,
        responseStatus: deliveries.responseStatus,
        lastError: deliveries.lastError,
        createdAt: deliveries.createdAt,
        sentAt: deliveries.sentAt,
        nextAttemptAt: deliveries.nextAttemptAt,
      })
      .from(deliveries)
      .where(where)
      .orderBy(desc(deliveries.createdAt), desc(deliveries.id))
      .limit(DELIVERY_PAGE_SIZE)
      .offset(pageOffset(n, DELIVERY_PAGE_SIZE)),
    db.select({ n: count() }).from(deliveries).where(where),
  ]);
  return { webhook: { id: hook.id, url: hook.url, host: hostOf(hook.url), disabledAt: hook.disabledAt }, ...pageOf(entries, total?.n, n, DELIVERY_PAGE_SIZE) };
}

export type DeliveryLogPage = Awaited<ReturnType<typeof listWebhookDeliveries>>;
