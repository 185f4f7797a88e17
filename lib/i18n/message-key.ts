import "server-only";
import type { MessageKey } from "./keys";
import { messagesByLocale } from "./messages";

/** Whether a text is the key of a message (in English, which every language matches: lib/i18n/messages.test.ts). */
export function isMessageKey(text: string): text is MessageKey {
  let node: unknown = messagesByLocale.en;
  for (const part of text.split(".")) {
    if (typeof node !== "object" || node === null || !Object.hasOwn(node, part)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string";
}
