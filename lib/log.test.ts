import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { organisations } from "@/db/schema";
import { closeTestDatabase, openTestDatabase } from "@/db/testing";
import { safeError, withoutAddresses } from "./log";

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(closeTestDatabase);

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable("the query should fail"),
    (e: unknown) => e,
  );

describe("what the logs keep of an error", () => {
  it("a failed insert keeps its code and query, never the values it carried", async () => {
    // The slug breaks a check constraint: the driver's error names the whole row, the name in it.
    const e = await failure(handle.db.insert(organisations).values({ name: "Vera Smirnova's group, +7 701 555 01 02", slug: "Not A Slug" }));
    expect(JSON.stringify(e)).toContain("Vera Smirnova");
    const kept = JSON.stringify(safeError(e));
    expect(kept).toContain("23514");
    expect(kept).toContain("insert into");
    for (const value of ["Vera", "Smirnova", "701 555", "Not A Slug"]) expect(kept).not.toContain(value);
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
