import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { eq } from "drizzle-orm";
import { closeTestDatabase, openTestDatabase, unique } from "@/db/testing";
import type { DbHandle } from "@/db/client";
import { rateLimits } from "@/db/schema";
import { clear, countInWindow, hit, peek, purgeEndedWindows, take } from "./index";
import { estimate, rolled, whole, type WindowState } from "./sliding";

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(closeTestDatabase);

const at = (iso: string, plusMs = 0) => new Date(new Date(iso).getTime() + plusMs);

describe("sliding-window limits in the database", () => {
  it("refuses the attempt over the limit even when the attempts straddle a round time of the clock", async () => {
    const key = unique("straddle");
    const rule = { limit: 3, seconds: 600 };
    // 12:09:59.900, 12:09:59.950, 12:10:00.000, 12:10:00.050: a clock-aligned 10-minute window would reset at 12:10.
    const times = [-100, -50, 0, 50].map((ms) => at("2026-07-01T12:10:00Z", ms));
    const answers = [];
    for (const now of times) answers.push((await take(key, rule, now)).allowed);
    expect(answers).toEqual([true, true, true, false]);
  });

  it("lets a refused client back in at the time it names, not a moment before", async () => {
    const key = unique("retry");
    const rule = { limit: 2, seconds: 60 };
    const t0 = at("2026-07-01T08:00:07Z");
    await take(key, rule, t0);
    await take(key, rule, at("2026-07-01T08:00:37Z"));
    const refused = await take(key, rule, at("2026-07-01T08:00:40Z"));
    expect(refused.allowed).toBe(false);
    expect(refused.retryAt.getTime()).toBeGreaterThan(at("2026-07-01T08:00:40Z").getTime());
    expect((await peek(key, rule, new Date(refused.retryAt.getTime() - 500))).allowed).toBe(false);
    expect((await take(key, rule, refused.retryAt)).allowed).toBe(true);
    // A refused attempt took nothing: the count is the two it allowed, then the third.
    expect((await countInWindow(key, 60, refused.retryAt)).count).toBeLessThanOrEqual(3);
  });

  it("never lets parallel attempts exceed the limit", async () => {
    const key = unique("parallel");
    const now = at("2026-07-01T09:59:59.999Z");
    const results = await Promise.all(Array.from({ length: 40 }, () => take(key, { limit: 7, seconds: 600 }, now)));
    expect(results.filter((r) => r.allowed)).toHaveLength(7);
    const [row] = await handle.db.select().from(rateLimits).where(eq(rateLimits.key, key));
    expect(row?.currentCount).toBe(7);
  });

  it("counts in SQL exactly what the arithmetic of sliding.ts says, for any sequence of hits", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 90_000 }), { minLength: 1, maxLength: 25 }),
        fc.integer({ min: 5, max: 40 }),
        async (gaps, seconds) => {
          const key = unique("model");
          let now = at("2026-07-01T10:00:00Z");
          let model: WindowState | null = null;
          for (const gap of gaps) {
            now = new Date(now.getTime() + gap);
            const answer = await hit(key, seconds, now);
            model = model ? rolled(model, now) : { windowStart: now, windowSeconds: seconds, currentCount: 0, previousCount: 0 };
            model = { ...model, currentCount: model.currentCount + 1 };
            expect(answer.count).toBe(whole(estimate(model, now)));
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it("forgets keys once they count nothing, and clears a key on demand", async () => {
    const key = unique("purge");
    const now = at("2026-08-01T00:00:00Z");
    await hit(key, 60, now);
    await purgeEndedWindows(at("2026-08-01T00:01:30Z"));
    expect((await countInWindow(key, 60, at("2026-08-01T00:01:30Z"))).count).toBe(1);
    await purgeEndedWindows(at("2026-08-01T00:02:01Z"));
    expect(await handle.db.select().from(rateLimits).where(eq(rateLimits.key, key))).toHaveLength(0);
    await hit(key, 60, now);
    await clear(key);
    expect((await countInWindow(key, 60, now)).count).toBe(0);
  });
});
