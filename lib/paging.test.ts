import { describe, expect, it } from "vitest";
import { pageNumber, pageOf, pageOffset } from "./paging";

describe("paging", () => {
  it("reads a page asked for, and the first for anything else", () => {
    expect(pageNumber(3)).toBe(3);
    for (const bad of [undefined, 0, -2, 1.5, Number.NaN, 100_001]) expect(pageNumber(bad)).toBe(1);
    expect(pageNumber(100_000)).toBe(100_000);
  });

  it("starts a page after the pages before it and counts at least one page", () => {
    expect(pageOffset(1, 25)).toBe(0);
    expect(pageOffset(3, 25)).toBe(50);
    expect(pageOf(["a"], "51", 3, 25)).toEqual({ entries: ["a"], total: 51, page: 3, pages: 3 });
    expect(pageOf([], undefined, 1, 25)).toEqual({ entries: [], total: 0, page: 1, pages: 1 });
    expect(pageOf([], 50, 2, 25).pages).toBe(2);
  });
});
