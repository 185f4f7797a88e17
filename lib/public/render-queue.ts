/**
 * At most `limit` page renderings at a time, the others waiting in the order they came. Rendering is work for the
 * processor alone once a page's rows are read: run side by side, every rendering of a crowd's requests advances a
 * little at a time and all finish late; taken in turn, the first come are served first, and no reader waits for
 * the whole crowd. It bounds the memory a crowd of renderings can hold, too.
 */
export class RenderQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running < this.limit) this.running++;
    else await new Promise<void>((start) => this.waiting.push(start));
    try {
      return await task();
    } finally {
      // The place passes straight to the next in line; it is freed only when no one waits.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }

  /** Renderings under way and waiting, for tests. */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }
}

/** PICKET_RENDER_LIMIT: renderings at once, 4 unless set to a whole number from 1 to 64. */
export function renderLimit(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.PICKET_RENDER_LIMIT);
  return Number.isInteger(n) && n >= 1 && n <= 64 ? n : 4;
}
