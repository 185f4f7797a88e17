import { describe, expect, it, vi } from "vitest";
import { log } from "@/lib/log";
import { limitSetting } from "./setting";

describe("limits set in the environment", () => {
  it("takes a whole number above zero, and the default when unset or empty", () => {
    expect(limitSetting("L", 10, { L: "300" })).toBe(300);
    expect(limitSetting("L", 10, {})).toBe(10);
    expect(limitSetting("L", 10, { L: " " })).toBe(10);
  });

  it("keeps the default, and says so, for anything that would turn the limit off or make it meaningless", () => {
    const warn = vi.spyOn(log, "warn").mockImplementation(() => undefined);
    for (const bad of ["ten", "0", "-5", "2.5", "Infinity", "1e400"]) expect(limitSetting("L", 10, { L: bad })).toBe(10);
    expect(warn).toHaveBeenCalledTimes(6);
    warn.mockRestore();
  });
});
