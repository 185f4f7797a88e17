import { describe, expect, it } from "vitest";
import { SLUG_PATTERN, slugify } from "./slug";

describe("slugify", () => {
  it.each([
    ["Campaign Kazakhstan", "campaign-kazakhstan"],
    ["  Solidarność — Warszawa!  ", "solidarnosc-warszawa"],
    ["Жанаозен: суд над нефтяниками", "zhanaozen-sud-nad-neftyanikami"],
    ["Қазақстан", "qazaqstan"],
    ["Straße der Pariser Kommune", "strasse-der-pariser-kommune"],
    ["!!!", ""],
  ])("%s → %s", (input, slug) => {
    expect(slugify(input)).toBe(slug);
    if (slug) expect(SLUG_PATTERN.test(slug)).toBe(true);
  });

  it("never ends in a hyphen when cut short", () => {
    expect(slugify("a ".repeat(100), 10)).toMatch(SLUG_PATTERN);
  });
});

describe("firstFreeSlug", () => {
  it("counts up past taken slugs and never gives the dashboard's fixed path", async () => {
    const { firstFreeSlug } = await import("./slug");
    expect(firstFreeSlug("london", ["london", "london-2"])).toBe("london-3");
    expect(firstFreeSlug("new", [])).toBe("new-2");
  });
});
