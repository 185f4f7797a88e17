import { describe, expect, it } from "vitest";
import { fill } from "@/components/public/texts";
import { LOCALES } from "./config";
import { PUBLIC_SERVER_FORMATTED, publicClientTexts } from "./client-messages";
import { messagesByLocale } from "./messages";

describe("the public pages' client texts", () => {
  it.each(LOCALES)("in %s: the sign-up and private-page texts, every form message, and nothing the browser could not fill", (locale) => {
    const texts = publicClientTexts(messagesByLocale[locale]);
    for (const key of [
      "signups.form.name",
      "signups.form.submit",
      "signups.manage.cancel",
      "validation.required",
      "validation.email",
      "errors.generic",
      "signups.rateLimited",
    ]) {
      expect(texts[key], `${locale} ${key}`).toBeTruthy();
    }
    // Only {name} placeholders: plurals, selects, rich text and ICU quoting need the server's formatter.
    for (const [key, text] of Object.entries(texts)) {
      expect(text, `${locale} ${key}`).not.toMatch(/\{\s*\w+\s*,|<\w+>|'[{}']/);
    }
    for (const key of PUBLIC_SERVER_FORMATTED) expect(texts[key]).toBeUndefined();
    // Nothing from the dashboard, nor the pages' own texts (the server renders those; the page's script gets
    // its few as attributes).
    expect(Object.keys(texts).some((k) => k.startsWith("dashboard") || k.startsWith("members") || k.startsWith("public."))).toBe(false);
  });

  it("fills placeholders and leaves unknown ones", () => {
    expect(fill("Your time: {when}", { when: "Sat 12:00" })).toBe("Your time: Sat 12:00");
    expect(fill("{a} and {b}", { a: 1 })).toBe("1 and {b}");
    expect(fill("$& {x}", { x: "$1" })).toBe("$& $1");
  });
});
