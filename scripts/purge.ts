// For cron: erases the personal fields of sign-ups past their campaign's retention, and says how many.
import "./node-version.mjs";
import { setDbHandle } from "../db/client";
import { purgeOldMessages } from "../lib/mail/outbox";
import { purgeExpiredSignups } from "../lib/retention/retention";
import { withDatabase } from "./db";

await withDatabase(async (handle) => {
  setDbHandle(handle);
  const erased = await purgeExpiredSignups();
  const forgotten = await purgeOldMessages(handle.db);
  if (forgotten > 0) console.log(`picket: retention: forgot ${forgotten} messages older than 30 days`);
  console.log(
    erased.events === 0
      ? `picket: retention: nothing past retention (${handle.engine}: ${handle.location})`
      : `picket: retention: erased the personal data of ${erased.signups} sign-ups of ${erased.events} events (${handle.engine}: ${handle.location})`,
  );
});
