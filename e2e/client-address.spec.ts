import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { postSignup, seedStore, startServer, testPort, type Store } from "./support/server";
import { unique } from "./support/data";

// Per-client limits count connections, not what a client writes in X-Forwarded-For: with no trusted proxy
// the header is the client's word and is dropped; behind proxies, only the address the outermost trusted
// one appended counts. The limit is a sliding window that starts at a client's first sign-up (lib/rate-limit), so
// the fourth sign-up is refused whatever the time of day: no round time of the clock resets the count mid-test.

const CAMPAIGN = "embassy-day-of-action";
const EVENT = "embassy-protest-berlin"; // no capacity: every sign-up is confirmed

test.describe.configure({ mode: "serial" });

test("a client cannot escape the per-client sign-up limit by writing X-Forwarded-For; behind a proxy, the address it appended counts", async () => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(path.join(tmpdir(), "picket-client-"));
  const store: Store = { PICKET_DATA_DIR: dir };
  try {
    await seedStore(store);
    const run = unique();
    const signUp = (base: string, n: string, forwardedFor?: string) =>
      postSignup(
        base,
        CAMPAIGN,
        EVENT,
        { name: `Limit ${n}`, email: `limit-${run}-${n}@example.org` },
        forwardedFor ? { "x-forwarded-for": forwardedFor } : {},
      );

    const direct = await startServer(store, testPort(14), { PICKET_SIGNUP_LIMIT_PER_CLIENT: "3" });
    try {
      const statuses = [];
      for (let i = 1; i <= 4; i++) statuses.push(await signUp(direct.base, `direct-${i}`, `198.51.100.${i}`));
      // Four made-up addresses, one connection's address: the fourth is over the limit of three.
      expect(statuses).toEqual([201, 201, 201, 429]);
    } finally {
      await direct.stop();
    }

    const proxied = await startServer(store, testPort(14), { PICKET_SIGNUP_LIMIT_PER_CLIENT: "3", PICKET_TRUSTED_PROXIES: "1" });
    try {
      // The proxy appended 203.0.113.9 each time; what the client wrote before it changes nothing.
      const same = [];
      for (let i = 1; i <= 4; i++) same.push(await signUp(proxied.base, `same-${i}`, `10.0.0.${i}, 203.0.113.9`));
      expect(same).toEqual([201, 201, 201, 429]);
      // Another client behind the same proxy has its own count.
      expect(await signUp(proxied.base, "other", "203.0.113.10")).toBe(201);
    } finally {
      await proxied.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
