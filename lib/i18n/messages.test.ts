import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LOCALES, pickLocale } from "./config";
import { messagesByLocale } from "./messages";

type Tree = { [key: string]: string | Tree };

function keys(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [prefix + k] : keys(v, `${prefix}${k}.`)));
}

// Every file of every language, read from disk, so a file left out of messages/index.ts is noticed too.
const load = (locale: string) =>
  Object.assign(
    {},
    ...readdirSync(path.join(__dirname, "messages", locale)).map((f) => JSON.parse(readFileSync(path.join(__dirname, "messages", locale, f), "utf8")) as Tree),
  ) as Tree;

describe("messages", () => {
  const english = keys(load("en")).sort();

  it.each(LOCALES)("%s has every key English has, and no others", (locale) => {
    expect(keys(load(locale)).sort()).toEqual(english);
  });

  it("the app serves every file's keys", () => {
    for (const locale of LOCALES) expect(keys(messagesByLocale[locale] as unknown as Tree).sort()).toEqual(keys(load(locale)).sort());
  });

  it("every key the code throws or uses exists in English", () => {
    const used = ["errors.notFound", "errors.forbidden", "errors.generic", "accounts.register.emailTaken", "orgs.create.slugTaken", "members.lastOwner", "invitations.alreadyMember", "validation.passwordTooShort"];
    for (const key of used) expect(english).toContain(key);
  });
});

describe("pickLocale", () => {
  it("falls back to English for languages not yet translated", () => {
    expect(pickLocale("kk-KZ,ru;q=0.8")).toBe("en");
    expect(pickLocale(null)).toBe("en");
    expect(pickLocale("en-GB,en;q=0.9")).toBe("en");
  });
});
