// The mail worker on its own, for deployments that deliver outside the app servers
// (set PICKET_OUTBOX_INTERVAL_SECONDS=0 on those). Several may run against one PostgreSQL.
// `--once` delivers what is due and exits (for cron).
import "./node-version.mjs";
import { setDbHandle } from "../db/client";
import { mailRound } from "../lib/mail/runner";
import { transportFromEnv } from "../lib/mail/worker";
import { publicUrlProblem } from "../lib/mail/origin";
import { withDatabase } from "./db";

// The links it emails are made from PICKET_PUBLIC_URL alone: a worker that sends mail must know it.
const problem =
  process.env.SMTP_URL && !process.env.PICKET_PUBLIC_URL ? "PICKET_PUBLIC_URL is required to send mail: links in emails are made from it." : publicUrlProblem();
if (problem) {
  console.error(`picket: ${problem}`);
  process.exit(1);
}

const once = process.argv.includes("--once");
const every = Math.max(1, Number(process.env.PICKET_WORKER_INTERVAL_SECONDS ?? 5)) * 1000;

await withDatabase(async (handle) => {
  setDbHandle(handle);
  const transport = transportFromEnv();
  console.log(
    `picket: mail worker on ${handle.engine} (${handle.location}); ${transport ? "delivering over SMTP_URL" : "no SMTP_URL: messages are held in the outbox"}`,
  );
  let stopping = false;
  let wake: (() => void) | null = null;
  const stop = () => {
    stopping = true;
    wake?.();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  do {
    const round = await mailRound(transport);
    if (round.places || round.reminders || round.sent || round.retrying || round.failed || round.held) {
      console.log(
        `picket: mail worker: ${round.places} meeting points and ${round.reminders} reminders queued, ` +
          `${round.sent} sent, ${round.retrying} to retry, ${round.failed} failed, ${round.held} held`,
      );
    }
    if (once || stopping) break;
    await new Promise<void>((resolve) => {
      wake = resolve;
      setTimeout(resolve, every).unref();
    });
  } while (!stopping);
  transport?.close?.();
});
