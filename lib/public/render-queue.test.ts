import { describe, expect, it } from "vitest";
import { RenderQueue, renderLimit } from "./render-queue";

/** A task that runs until it is told to finish, and says when it started. */
function task(name: string, started: string[]) {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return {
    finish: () => finish(),
    run: async () => {
      started.push(name);
      await done;
      return name;
    },
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("render queue", () => {
  it("runs at most its limit at once, the others in the order they came", async () => {
    const queue = new RenderQueue(2);
    const started: string[] = [];
    const tasks = ["a", "b", "c", "d", "e"].map((n) => task(n, started));
    const results = tasks.map((t) => queue.run(t.run));
    await settle();
    expect(started).toEqual(["a", "b"]);
    expect(queue.load).toEqual({ running: 2, waiting: 3 });

    tasks[1]!.finish();
    await settle();
    expect(started).toEqual(["a", "b", "c"]);
    tasks[0]!.finish();
    await settle();
    expect(started).toEqual(["a", "b", "c", "d"]);
    expect(queue.load).toEqual({ running: 2, waiting: 1 });

    for (const t of tasks) t.finish();
    expect(await Promise.all(results)).toEqual(["a", "b", "c", "d", "e"]);
    expect(queue.load).toEqual({ running: 0, waiting: 0 });
  });

  it("frees the place of a task that fails", async () => {
    const queue = new RenderQueue(1);
    await expect(queue.run(() => Promise.reject(new Error("no database")))).rejects.toThrow("no database");
    expect(await queue.run(async () => "next")).toBe("next");
    expect(queue.load).toEqual({ running: 0, waiting: 0 });
  });
});

describe("render limit", () => {
  it("is 4 unless set to a whole number from 1 to 64", () => {
    expect(renderLimit({})).toBe(4);
    expect(renderLimit({ PICKET_RENDER_LIMIT: "2" })).toBe(2);
    for (const bad of ["", "0", "-1", "2.5", "many", "65"]) expect(renderLimit({ PICKET_RENDER_LIMIT: bad })).toBe(4);
  });
});
