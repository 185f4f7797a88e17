import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { signups } from "@/db/schema";
import { closeTestDatabase, makeEvent, makeOrg, openTestDatabase } from "@/db/testing";
import { safeError, withoutAddresses } from "./log";

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(closeTestDatabase);

const failure = (promise: Promise<unknown>) => promise.then(() => expect.unreachable("the query should fail"), (e: unknown) => e);

describe("what the logs keep of an error", () => {
  it("a failed insert keeps its code and query, never the values it carried", async () => {
    const { event } = await makeEvent(handle, (await makeOrg(handle)).org.id);
    const values = { eventId: event.id, name: "Vera Smirnova", email: "VERA.SMIRNOVA@EXAMPLE.ORG", phone: "+7 701 555 01 02", comment: "meet at the bridge", status: "confirmed" as const };
    // Not normalised: the check constraint refuses it, and the driver's error names the row.
    const e = await failure(handle.db.insert(signups).values(values));
    const kept = JSON.stringify(safeError(e));
    expect(kept).toContain("23514");
    expect(kept).toContain("insert into");
    for (const value of ["Vera", "SMIRNOVA", "701 555", "bridge"]) expect(kept).not.toContain(value);
  });

  it("an error quoting a value in its message keeps only the code", async () => {
    const e = await failure(handle.db.execute(sql`select ${"vera@example.org"}::uuid`));
    const kept = JSON.stringify(safeError(e));
    expect(kept).toContain("22P02");
    expect(kept).not.toContain("vera@example.org");
  });

  it("other errors keep their message, with any address replaced", () => {
    expect(safeError(new Error("550 <vera@example.org>: mailbox unavailable"))).toEqual({ type: "Error", message: "550 <address>: mailbox unavailable" });
    expect(withoutAddresses("to a.b@c.de and x@y.org.")).toBe("to <address> and <address>");
  });
});
