import { describe, expect, it } from "vitest";
import { articleSchema } from "./schemas";

const article = { url: "https://www.socialistworld.net/2012/07/kazakhstan", title: "Kazakhstan: Bloody, corrupt regime" };

describe("an article's publication date", () => {
  it("has passed already: a date in the future is refused next to the field", () => {
    const tomorrowEverywhere = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    expect(articleSchema.safeParse({ ...article, publishedOn: tomorrowEverywhere }).error?.issues.map((i) => [i.path[0], i.message])).toEqual([
      ["publishedOn", "validation.dateInFuture"],
    ]);
    expect(articleSchema.safeParse({ ...article, publishedOn: "2012-07-20" }).success).toBe(true);
    expect(articleSchema.safeParse({ ...article, publishedOn: new Date().toISOString().slice(0, 10) }).success).toBe(true);
  });
});
