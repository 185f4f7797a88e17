// A sliding-window counter: the count of the key's current window plus its previous window's count, weighted by
// how much of that previous window still lies within the last `seconds`. Windows start at the key's first hit,
// never at a round time of the clock, and the estimate falls smoothly as time passes: no moment of the day resets it.
// The same arithmetic runs in SQL (./index.ts); this copy answers retry times and is tested against it.

export interface WindowState {
  windowStart: Date;
  windowSeconds: number;
  currentCount: number;
  previousCount: number;
}

/** The state as of `now`: whole windows that have passed roll the counts over (two or more: it starts afresh). */
export function rolled(s: WindowState, now: Date): WindowState {
  const w = s.windowSeconds * 1000;
  const elapsed = now.getTime() - s.windowStart.getTime();
  if (elapsed < w) return s;
  if (elapsed < 2 * w) return { ...s, windowStart: new Date(s.windowStart.getTime() + w), previousCount: s.currentCount, currentCount: 0 };
  return { ...s, windowStart: now, previousCount: 0, currentCount: 0 };
}

/** Hits within the last `windowSeconds`, estimated. */
export function estimate(s: WindowState, now: Date): number {
  const r = rolled(s, now);
  const f = Math.min(1, Math.max(0, (now.getTime() - r.windowStart.getTime()) / (r.windowSeconds * 1000)));
  return r.previousCount * (1 - f) + r.currentCount;
}

/** A whole count from an estimate, without float noise turning 3.0000000001 into 4. */
export const whole = (n: number) => Math.max(0, Math.ceil(n - 1e-9));

/** The first moment the estimate is below `limit` again (now, if it already is). */
export function retryAt(s: WindowState, limit: number, now: Date): Date {
  const r = rolled(s, now);
  if (estimate(r, now) < limit) return now;
  const w = r.windowSeconds * 1000;
  const start = r.windowStart.getTime();
  // In the current window the estimate falls from previous + current to current; then to nothing in the next one.
  if (r.currentCount < limit && r.previousCount > 0) return new Date(Math.ceil(start + w * (1 - (limit - r.currentCount) / r.previousCount)) + 1);
  return new Date(Math.ceil(start + w + w * Math.max(0, 1 - limit / Math.max(1, r.currentCount))) + 1);
}

/** When the count is back to nothing. */
export function resetAt(s: WindowState, now: Date): Date {
  const r = rolled(s, now);
  const w = r.windowSeconds * 1000;
  return new Date(r.windowStart.getTime() + (r.currentCount > 0 ? 2 * w : w));
}
