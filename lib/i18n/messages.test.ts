import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { LOCALES, localeFromHeaders, pickLocale, splitLocalePath } from "./config";
import { messagesByLocale } from "./messages";

type Tree = { [key: string]: string | Tree };

function entries(tree: Tree, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [[prefix + k, v] as [string, string]] : entries(v, `${prefix}${k}.`)));
}
const keys = (tree: Tree) => entries(tree).map(([k]) => k);

// Every file of every language, read from disk, so a file left out of messages/index.ts is noticed too.
const files = (locale: string) => readdirSync(path.join(__dirname, "messages", locale)).sort();
const load = (locale: string) =>
  Object.assign({}, ...files(locale).map((f) => JSON.parse(readFileSync(path.join(__dirname, "messages", locale, f), "utf8")) as Tree)) as Tree;

/** The arguments, plurals, selects and tags of a message: what every translation must keep. */
function shape(ast: MessageFormatElement[], acc = new Set<string>()): Set<string> {
  for (const el of ast) {
    if (el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time) acc.add(`${el.type}:${el.value}`);
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      acc.add(`${el.type}:${el.value}`);
      for (const option of Object.values(el.options)) shape(option.value, acc);
    }
    if (el.type === TYPE.tag) {
      acc.add(`tag:${el.value}`);
      shape(el.children, acc);
    }
  }
  return acc;
}

describe("messages", () => {
  const english = load("en");
  const englishKeys = keys(english).sort();

  it.each(LOCALES)("%s has the same files as English, every key English has and no others", (locale) => {
    expect(files(locale)).toEqual(files("en"));
    expect(keys(load(locale)).sort()).toEqual(englishKeys);
  });

  it.each(LOCALES)("every %s message parses and keeps English's placeholders, plurals and tags", (locale) => {
    const theirs = new Map(entries(load(locale)));
    const wrong: string[] = [];
    for (const [key, text] of entries(english)) {
      const translated = theirs.get(key);
      if (!translated?.trim()) {
        wrong.push(`${key}: empty`);
        continue;
      }
      try {
        const want = [...shape(parse(text))].sort().join(" ");
        const got = [...shape(parse(translated))].sort().join(" ");
        if (want !== got) wrong.push(`${key}: ${got} instead of ${want}`);
      } catch (e) {
        wrong.push(`${key}: ${(e as Error).message}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("each namespace is one capability's and lives in one file: no two files share a top-level name, none is named 'UI'", () => {
    for (const locale of LOCALES) {
      const owner = new Map<string, string>();
      for (const file of files(locale)) {
        for (const namespace of Object.keys(JSON.parse(readFileSync(path.join(__dirname, "messages", locale, file), "utf8")) as Tree)) {
          expect(owner.get(namespace), `${locale}: "${namespace}" in ${file} and ${owner.get(namespace)}`).toBeUndefined();
          expect(namespace, `${locale}/${file}: a screen of a capability is a key inside it ("attendees.dashboard")`).not.toMatch(
            /UI$|Public$|^dashboard[A-Z]/,
          );
          owner.set(namespace, file);
        }
      }
    }
  });

  it("the app serves every file's keys", () => {
    for (const locale of LOCALES) expect(keys(messagesByLocale[locale] as unknown as Tree).sort()).toEqual(keys(load(locale)).sort());
  });

  it.each(LOCALES)("in %s, the labels English marks optional say so with the language's own word, and no other message does", (locale) => {
    // The word is the one the sign-up form's phone label carries: "(optional)", "(необязательно)", "(міндетті емес)"…
    const theirs = new Map(entries(load(locale)));
    const marker = theirs.get("signups.form.phone")?.match(/\([^()]+\)$/)?.[0];
    expect(marker, "the phone label ends with the word in brackets").toBeTruthy();
    const wrong: string[] = [];
    for (const [key, text] of entries(english)) {
      const optional = text.endsWith("(optional)");
      if (optional !== theirs.get(key)!.endsWith(marker!)) wrong.push(`${key}: ${theirs.get(key)}`);
    }
    expect(wrong).toEqual([]);
  });

  it("every key the code throws or uses exists in English", () => {
    const used = [
      "errors.notFound",
      "errors.forbidden",
      "errors.generic",
      "accounts.register.emailTaken",
      "orgs.create.slugTaken",
      "members.lastOwner",
      "invitations.alreadyMember",
      "validation.passwordTooShort",
    ];
    for (const key of used) expect(englishKeys).toContain(key);
  });
});

describe("the reader's language", () => {
  it("takes the best supported language from Accept-Language", () => {
    expect(pickLocale("kk-KZ,ru;q=0.8")).toBe("kk");
    expect(pickLocale("uk-UA,ru;q=0.8,en;q=0.5")).toBe("ru");
    expect(pickLocale("pt-BR,de;q=0.3,fr;q=0.7")).toBe("fr");
    expect(pickLocale("pl-PL,en;q=0.5")).toBe("pl");
    expect(pickLocale("ja")).toBe("en");
    expect(pickLocale(null)).toBe("en");
  });

  it("prefers the language named in the address, then the one remembered, then Accept-Language", () => {
    const h = (init: Record<string, string>) => new Headers(init);
    expect(localeFromHeaders(h({ "x-picket-locale": "fr", cookie: "picket-locale=de", "accept-language": "kk" }))).toBe("fr");
    expect(localeFromHeaders(h({ cookie: "other=1; picket-locale=de", "accept-language": "kk" }))).toBe("de");
    expect(localeFromHeaders(h({ cookie: "picket-locale=xx", "accept-language": "kk" }))).toBe("kk");
    expect(localeFromHeaders(h({ "x-picket-locale": "zz" }))).toBe("en");
    // A malformed cookie is no choice, never an error.
    expect(localeFromHeaders(h({ cookie: "picket-locale=%E0%A4%A; other=%", "accept-language": "pl" }))).toBe("pl");
  });

  it("reads a language at the start of an address and leaves other addresses alone", () => {
    expect(splitLocalePath("/de/c/embassy-day-of-action")).toEqual({ locale: "de", path: "/c/embassy-day-of-action" });
    expect(splitLocalePath("/kk")).toEqual({ locale: "kk", path: "/" });
    expect(splitLocalePath("/c/de")).toEqual({ locale: null, path: "/c/de" });
    expect(splitLocalePath("/deutsch")).toEqual({ locale: null, path: "/deutsch" });
  });
});
