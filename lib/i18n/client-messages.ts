import type { AbstractIntlMessages } from "next-intl";

/** Messages the public pages' client components can show: their own texts and any key a public form may return. */
export const PUBLIC_CLIENT_NAMESPACES = ["app", "validation", "errors", "signups", "public.event"] as const;
/** Messages in those namespaces with plurals: the server formats them and hands the result down as props. */
export const PUBLIC_SERVER_FORMATTED = ["public.event.placesLeft", "signups.form.privacy", "signups.manage.privateLink"] as const;

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

/**
 * The public pages' client texts as one flat dictionary ("signups.form.name" → "Name or nickname"): plain
 * messages whose only syntax is {name} placeholders, filled in the browser without a message formatter.
 */
export function publicClientTexts(messages: AbstractIntlMessages): Record<string, string> {
  const texts: Record<string, string> = {};
  const walk = (node: AbstractIntlMessages | string, key: string) => {
    if (typeof node === "string") {
      if (!(PUBLIC_SERVER_FORMATTED as readonly string[]).includes(key)) texts[key] = node;
      return;
    }
    for (const [k, v] of Object.entries(node)) walk(v, key ? `${key}.${k}` : k);
  };
  walk(pickMessages(messages, PUBLIC_CLIENT_NAMESPACES), "");
  return texts;
}
