// Public pages kept rendered, so that a crowd reading one event page costs one rendering, not one per reader.
//
// A page is kept with the tags of what it shows ("e:{event id}", "c:{campaign id}", "home", "articles"…).
// What changed is named by the database itself (migration 0015: a trigger on each table a public page shows
// notifies the changed rows' tags when their transaction commits), so an event's sign-up outdates that event's
// page, its campaign's and the home page, in every language, and nothing else; every instance listening on
// the same database hears it (lib/public/page-changes.ts).
//
// Stale while revalidating: the first reader after a change waits for a new rendering; readers who arrive while
// it is being made get the previous page, so at most one rendering of a page is in progress at a time. Entries
// also expire after PICKET_PAGE_CACHE_SECONDS (default 30): the bound for time passing (a deadline, a start).

export interface RenderedPage {
  status: number;
  html: string;
  /** What the page shows: a change to any of these outdates it. "*" is everything. */
  tags: readonly string[];
  /** An embed's: the sites that may show it in a frame (its Content-Security-Policy), kept with the page they belong to. */
  frameAncestors?: readonly string[];
}

interface KeptPage extends RenderedPage {
  renderedAt: number;
  /** The change count when its rendering began: a later change to one of its tags outdates it. */
  seen: number;
}

/** How a page was served: kept and fresh, rendered for this reader, or the previous page while another reader's rendering runs. */
export type CacheOutcome = "hit" | "miss" | "stale";

export interface PageCacheOptions {
  ttlMs: number;
  maxEntries?: number;
  now?: () => number;
}

const MAX_TAGS = 20_000;

export class PageCache {
  private readonly entries = new Map<string, KeptPage>();
  private readonly rendering = new Map<string, Promise<KeptPage>>();
  private readonly changedAt = new Map<string, number>();
  private changes = 0;
  private everythingAt = 0;
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(options: PageCacheOptions) {
    this.ttlMs = options.ttlMs;
    this.maxEntries = options.maxEntries ?? 500;
    this.now = options.now ?? Date.now;
  }

  /** What changed, by tag: every kept page that shows one of them is outdated. */
  changed(tags: Iterable<string>): void {
    this.changes++;
    for (const tag of tags) {
      if (tag === "*") this.everythingAt = this.changes;
      else this.changedAt.set(tag, this.changes);
    }
    // A crowd of changed events would grow the table without end: past a bound, everything is outdated once.
    if (this.changedAt.size > MAX_TAGS) {
      this.changedAt.clear();
      this.everythingAt = this.changes;
    }
  }

  /** Changes may have gone unheard (the listening connection was lost): everything kept is outdated. */
  lost(): void {
    this.changed(["*"]);
  }

  private fresh(page: KeptPage): boolean {
    if (this.now() - page.renderedAt >= this.ttlMs || this.everythingAt > page.seen) return false;
    return page.tags.every((tag) => (this.changedAt.get(tag) ?? 0) <= page.seen);
  }

  /**
   * The page for a key: kept and fresh, else rendered by `render` (one rendering per key at a time, while the
   * previous page, if any, serves the readers who arrive meanwhile). Only found pages (200) are kept.
   */
  async page(key: string, render: () => Promise<RenderedPage>): Promise<{ page: RenderedPage; outcome: CacheOutcome }> {
    if (this.ttlMs <= 0) return { page: await render(), outcome: "miss" };
    const kept = this.entries.get(key);
    if (kept && this.fresh(kept)) return { page: kept, outcome: "hit" };
    const running = this.rendering.get(key);
    if (running) return kept ? { page: kept, outcome: "stale" } : { page: await running, outcome: "miss" };
    const seen = this.changes;
    const renderedAt = this.now();
    const rendering = render()
      .then((rendered) => {
        const page: KeptPage = { ...rendered, renderedAt, seen };
        this.entries.delete(key);
        if (page.status === 200) {
          this.entries.set(key, page);
          while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
        }
        return page;
      })
      .finally(() => this.rendering.delete(key));
    this.rendering.set(key, rendering);
    return { page: await rendering, outcome: "miss" };
  }

  get size(): number {
    return this.entries.size;
  }
}

export function pageCacheSeconds(env: Record<string, string | undefined> = process.env): number {
  if (env.NODE_ENV === "development") return 0;
  const raw = env.PICKET_PAGE_CACHE_SECONDS;
  const seconds = raw === undefined || raw === "" ? 30 : Number(raw);
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 3600) : 0;
}
