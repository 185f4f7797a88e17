import { getDbHandle } from "./client";

/** Server start: open, lock and migrate the database, or stop with the reason. */
export async function bootDatabase() {
  try {
    const handle = await getDbHandle();
    console.log(`picket: database ready (${handle.engine}: ${handle.location}); Node.js ${process.version}`);
    (await import("./retention-timer")).startRetentionTimer();
    (await import("@/lib/mail/runner")).startMailWorker();
  } catch (e) {
    console.error(`picket: ${(e as Error).message}`);
    process.exit(1);
  }
}
