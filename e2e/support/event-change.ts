// Changes an event of a server's database through lib/events, as the dashboard's forms do: for tests that watch
// what other servers are told of the change. Run with tsx and NODE_OPTIONS=--conditions=react-server (lib is
// server-only), with DATABASE_URL and PICKET_MASTER_KEY of the server's store. Prints the event as JSON.
//
//   event-change.ts create <owner email> <campaign slug> <title> <starts local> <ends local> <zone>
//   event-change.ts postpone <owner email> <event id> <starts local> <ends local> <zone>
import { eq } from "drizzle-orm";
import { closeDb, getDb } from "../../db/client";
import { campaigns, users } from "../../db/schema";
import { createEvent, postponeEvent } from "../../lib/events/events";
import { newEventSchema, postponeSchema } from "../../lib/events/schemas";

const [command, email, target, ...rest] = process.argv.slice(2);
const db = await getDb();
const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email!));
if (!user) throw new Error(`no user ${email}`);
const actor = { userId: user.id };

if (command === "create") {
  const [title, startsLocal, endsLocal, timeZone] = rest;
  const [campaign] = await db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.slug, target!));
  const event = await createEvent(
    actor,
    campaign!.id,
    newEventSchema.parse({ title, kind: "protest", startsLocal, endsLocal, timeZone, city: "Berlin", country: "DE", venue: "Pariser Platz" }),
  );
  console.log(JSON.stringify(event));
} else if (command === "postpone") {
  const [startsLocal, endsLocal, timeZone] = rest;
  console.log(JSON.stringify(await postponeEvent(actor, target!, postponeSchema.parse({ startsLocal, endsLocal, timeZone, reason: "Moved by the police" }))));
} else {
  throw new Error(`unknown command ${command}`);
}
await closeDb();
