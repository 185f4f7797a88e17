import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { seal, type DataKey } from "./envelope";
import { openBatch } from "./open-pool";

const key = (id: string): DataKey => ({ id, key: randomBytes(32) });

describe("openBatch", () => {
  afterEach(() => {
    delete process.env.PICKET_OPEN_THREAD;
  });

  for (const threaded of [true, false]) {
    it(`opens each value in order by the key it names, and nothing it should not (${threaded ? "on the worker thread" : "in this thread"})`, async () => {
      if (!threaded) process.env.PICKET_OPEN_THREAD = "0";
      const a = key("aaaa"),
        b = key("bbbb"),
        gone = key("gone");
      const sealed = [seal(a, "Айгуль", "row:1"), seal(b, "Zofia", "row:2"), null, seal(gone, "erased", "row:4"), seal(a, "moved", "row:5"), "not sealed"];
      const associated = ["row:1", "row:2", "row:3", "row:4", "row:other", "row:6"];
      const plain = await openBatch(
        new Map([
          ["aaaa", a],
          ["bbbb", b],
        ]),
        sealed,
        associated,
      );
      // A null stays null, a value whose key is gone does not open, nor one moved to another row, nor garbage.
      expect(plain).toEqual(["Айгуль", "Zofia", null, null, null, null]);
    });
  }

  it("keeps batches apart when many are in flight at once", async () => {
    const k = key("many");
    const batches = Array.from({ length: 20 }, (_, n) => Array.from({ length: 50 }, (_, i) => `person ${n}-${i}`));
    const opened = await Promise.all(
      batches.map((names, n) =>
        openBatch(
          new Map([["many", k]]),
          names.map((name, i) => seal(k, name, `b${n}:${i}`)),
          names.map((_, i) => `b${n}:${i}`),
        ),
      ),
    );
    expect(opened).toEqual(batches);
  });
});
