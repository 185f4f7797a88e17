import { getDbHandle } from "./client";
import { log } from "@/lib/log";

/** Server start: open, lock and migrate the database, or stop with the reason. */
export async function bootDatabase() {
  try {
    const handle = await getDbHandle();
    log.info(`database ready (${handle.engine}: ${handle.location}); Node.js ${process.version}`);
    (await import("./retention-timer")).startRetentionTimer();
    (await import("@/lib/mail/runner")).startMailWorker();
  } catch (e) {
    log.fatal({ err: e }, "the database could not be opened");
    process.exit(1);
  }
}
