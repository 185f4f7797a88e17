// For cron: everything Picket forgets on a schedule (sign-ups past retention, old messages, ended limit
// counters, addresses of settled invitations), and how much of each.
import "./node-version.mjs";
import { setDbHandle } from "../db/client";
import { describeHousekeeping, runHousekeeping } from "../lib/retention/housekeeping";
import { withDatabase } from "./db";

await withDatabase(async (handle) => {
  setDbHandle(handle);
  const lines = describeHousekeeping(await runHousekeeping());
  for (const line of lines) console.log(`picket: ${line}`);
  if (lines.length === 0) console.log(`picket: retention: nothing to forget (${handle.engine}: ${handle.location})`);
});
