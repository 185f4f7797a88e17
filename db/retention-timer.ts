import { describeHousekeeping, runHousekeeping } from "@/lib/retention/housekeeping";
import { log, logFailure } from "@/lib/log";

const MINUTE = 60_000;

/** How often the server erases sign-ups past retention: PICKET_PURGE_INTERVAL_MINUTES, else hourly; 0 leaves it to cron. */
function intervalMs() {
  const set = process.env.PICKET_PURGE_INTERVAL_MINUTES;
  const minutes = Number(set);
  if (set === undefined || set.trim() === "" || !Number.isFinite(minutes) || minutes < 0) return 60 * MINUTE;
  return minutes * MINUTE;
}

const store = globalThis as unknown as { __picketRetentionTimer?: NodeJS.Timeout };

/**
 * Runs the purge a minute after start, then on the interval. A run that is still going when
 * the next is due is not overlapped; a failure is logged and the next run tries again.
 */
export function startRetentionTimer(firstRunMs = MINUTE): NodeJS.Timeout | null {
  if (store.__picketRetentionTimer) return store.__picketRetentionTimer;
  const every = intervalMs();
  if (every === 0) {
    log.info("retention purge on an interval is off (PICKET_PURGE_INTERVAL_MINUTES=0); run npm run purge from cron");
    return null;
  }
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      for (const line of describeHousekeeping(await runHousekeeping())) log.info(line);
    } catch (e) {
      logFailure("retention purge failed", e);
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => {
    void run();
    const timer = setInterval(() => void run(), every);
    timer.unref();
    store.__picketRetentionTimer = timer;
  }, firstRunMs);
  first.unref();
  store.__picketRetentionTimer = first;
  return first;
}
