import type { AbstractIntlMessages } from "next-intl";

/** Messages the public pages' client components can show: their own texts and any key a public form may return. */
export const PUBLIC_CLIENT_NAMESPACES = ["app", "validation", "errors", "signups", "public.event"] as const;

/**
 * The part of a language's messages that client components need. Every message handed to the client is
 * serialised into each page's HTML, so the public pages carry a few namespaces rather than the dashboard's
 * hundreds of strings. A namespace may be nested ("public.event").
 */
export function pickMessages(messages: AbstractIntlMessages, namespaces: readonly string[]): AbstractIntlMessages {
  const picked: AbstractIntlMessages = {};
  for (const namespace of namespaces) {
    const parts = namespace.split(".");
    let from: AbstractIntlMessages | string | undefined = messages;
    for (const part of parts) from = typeof from === "object" ? from[part] : undefined;
    if (from === undefined) continue;
    let into = picked;
    for (const part of parts.slice(0, -1)) {
      const next = (into[part] ??= {});
      if (typeof next === "string") break;
      into = next;
    }
    into[parts.at(-1)!] = from;
  }
  return picked;
}
