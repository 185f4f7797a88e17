import "server-only";
import { sql } from "drizzle-orm";
import { getDbHandle, type DbOrTx } from "@/db/client";
import type { PageCache } from "./page-cache";

/** The channel migration 0015's trigger notifies: the tags of what changed, separated by spaces. */
export const PAGE_CHANNEL = "picket_public_pages";

export function changedTags(payload: string): string[] {
  return payload.split(" ").filter(Boolean);
}

/**
 * Outdates an event's pages as a stored sign-up does (the event's, its campaign's, the home page's), when its
 * transaction commits. For a sign-up by an address already signed up: its pages are rendered again just the same,
 * so that no reader can tell from them, or from how fast they come, whether the address was new.
 */
export async function outdateAsSignup(tx: DbOrTx, event: { id: string; campaignId: string }): Promise<void> {
  await tx.execute(sql`select pg_notify(${PAGE_CHANNEL}, ${`c:${event.campaignId} e:${event.id} home`})`);
}

const following = new WeakMap<PageCache, Promise<void>>();
const listening = new WeakSet<PageCache>();

/** Whether `cache` already hears of every change (then a page may be kept without waiting for anything). */
export function hearsPageChanges(cache: PageCache): boolean {
  return listening.has(cache);
}

/**
 * Keeps `cache` told of every change to what public pages show, from this instance and every other on the same
 * database. Resolves once it listens: a page kept before that could miss a change. On failure the next call
 * tries again.
 */
export function followPageChanges(cache: PageCache): Promise<void> {
  let started = following.get(cache);
  if (!started) {
    started = getDbHandle()
      .then((handle) =>
        handle.listen(
          PAGE_CHANNEL,
          (payload) => cache.changed(changedTags(payload)),
          () => cache.lost(),
        ),
      )
      .then(() => void listening.add(cache));
    started.catch(() => following.delete(cache));
    following.set(cache, started);
  }
  return started;
}
