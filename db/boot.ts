import { getDbHandle } from "./client";
import { masterKeyProblem } from "@/lib/crypto/master";
import { log } from "@/lib/log";
import { publicUrlProblem } from "@/lib/mail/origin";

/**
 * Server start: the settings production cannot do without (the public address links in emails are made from,
 * the master key the attendees' data is sealed under), then open, lock and migrate the database; or stop with
 * the reason.
 */
export async function bootDatabase() {
  const problem = publicUrlProblem() ?? masterKeyProblem();
  if (problem) {
    log.fatal(problem);
    process.exit(1);
  }
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
