import "server-only";
import { queueDuePlaceReveals } from "./place-reveals";
import { queueDueReminders } from "./reminders";
import { deliverDue, transportFromEnv, type MailTransport } from "./worker";
import { log, logFailure } from "@/lib/log";
import { reachRound } from "@/lib/deliveries/round";

// One round of the worker: queue the hidden places and the reminders that are due, then deliver what is due; then
// the same for other servers (followers in the fediverse, webhooks), whose failure does not hold back the mail.
export async function mailRound(transport: MailTransport | null, now = new Date()) {
  const places = await queueDuePlaceReveals(now);
  const reminders = await queueDueReminders(now);
  const delivered = await deliverDue({ transport });
  try {
    await reachRound(now);
  } catch (e) {
    logFailure("reach round failed", e);
  }
  return { places, reminders, ...delivered };
}

const store = globalThis as unknown as { __picketMailTimer?: NodeJS.Timeout | null };

function intervalMs() {
  const set = process.env.PICKET_OUTBOX_INTERVAL_SECONDS;
  const seconds = Number(set);
  if (set === undefined || set.trim() === "" || !Number.isFinite(seconds) || seconds < 0) return 5_000;
  return seconds * 1000;
}

/**
 * The worker inside the server: a round every PICKET_OUTBOX_INTERVAL_SECONDS (5 by default;
 * 0 leaves delivery to `npm run worker`). Rounds never overlap; a failure is logged and the
 * next round tries again.
 */
export function startMailWorker(): NodeJS.Timeout | null {
  if (store.__picketMailTimer !== undefined) return store.__picketMailTimer;
  const every = intervalMs();
  if (every === 0) {
    log.info("mail: delivery inside the server is off (PICKET_OUTBOX_INTERVAL_SECONDS=0); run npm run worker");
    store.__picketMailTimer = null;
    return null;
  }
  const transport = transportFromEnv();
  log.info(transport ? "mail: delivering over SMTP_URL" : "mail: no SMTP_URL; messages are kept in the outbox (dashboard → Mailbox)");
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      await mailRound(transport);
    } catch (e) {
      logFailure("mail round failed", e);
    } finally {
      running = false;
    }
  }, every);
  timer.unref();
  store.__picketMailTimer = timer;
  return timer;
}
