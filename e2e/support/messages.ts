import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createTranslator } from "use-intl/core";
import type { AppLocale } from "../../lib/i18n/config";

// The app's message files, read from disk: tests check pages against whatever the translations say.
export function translator(locale: AppLocale) {
  const dir = path.join(process.cwd(), "lib", "i18n", "messages", locale);
  const messages = Object.assign({}, ...readdirSync(dir).map((f) => JSON.parse(readFileSync(path.join(dir, f), "utf8")) as object));
  return createTranslator({ locale, messages });
}
