import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { events, outbox, signups } from "@/db/schema";
import { closeTestDatabase, makeEvent, openWithOrg, unique } from "@/db/testing";
import { PublicError } from "@/lib/errors";
import { signupSchema } from "./schemas";
import { signUp } from "./signups";

let handle: DbHandle;
let orgId: string;
beforeAll(async () => {
  ({
    handle,
    org: { id: orgId },
  } = await openWithOrg());
});
afterAll(closeTestDatabase);

it("1,000 people sign up at once for 120 places without a waitlist: exactly 120 confirmed, everyone else told it is full", async () => {
  const { event } = await makeEvent(handle, orgId, { capacity: 120, waitlist: false });
  const results = await Promise.allSettled(
    Array.from({ length: 1000 }, (_, i) =>
      signUp(event.id, signupSchema.parse({ name: `Crowd ${i}`, email: `crowd-${i}-${unique("c")}@test.example` }), { client: unique("client"), locale: "en" }),
    ),
  );
  const confirmed = results.filter((r) => r.status === "fulfilled" && r.value.outcome === "confirmed");
  const refused = results.filter((r) => r.status === "rejected");
  expect(confirmed).toHaveLength(120);
  expect(refused).toHaveLength(880);
  for (const r of refused) {
    expect((r as PromiseRejectedResult).reason).toBeInstanceOf(PublicError);
    expect(((r as PromiseRejectedResult).reason as PublicError).messageKey).toBe("signups.closed.full");
  }
  const rows = await handle.db.select({ status: signups.status }).from(signups).where(eq(signups.eventId, event.id));
  expect(rows).toHaveLength(120);
  expect(rows.every((r) => r.status === "confirmed")).toBe(true);
  const [after] = await handle.db.select().from(events).where(eq(events.id, event.id));
  expect(after).toMatchObject({ confirmedCount: 120, waitlistedCount: 0 });
  // One confirmation each for the 120, none for the others.
  expect(await handle.db.select({ id: outbox.id }).from(outbox).where(eq(outbox.eventId, event.id))).toHaveLength(120);
}, 120_000);
