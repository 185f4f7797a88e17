import type { AbstractIntlMessages } from "next-intl";

/** Messages the public pages' client components can show: their own texts and any key a public form may return. */
export const PUBLIC_CLIENT_NAMESPACES = ["app", "validation", "errors", "signups"] as const;
/** Messages in those namespaces with plurals: the server formats them and hands the result down as props. */
export const PUBLIC_SERVER_FORMATTED = ["signups.form.privacy", "signups.manage.privateLink"] as const;

/**
 * The public pages' client texts as one flat dictionary ("signups.form.name" → "Name or nickname"): plain
 * messages whose only syntax is {name} placeholders, filled in the browser without a message formatter.
 */
export function publicClientTexts(messages: AbstractIntlMessages): Record<string, string> {
  const texts: Record<string, string> = {};
  const inside = (key: string) => PUBLIC_CLIENT_NAMESPACES.some((ns) => key === ns || key.startsWith(`${ns}.`));
  const walk = (node: AbstractIntlMessages | string, key: string) => {
    if (typeof node === "string") {
      if (inside(key) && !(PUBLIC_SERVER_FORMATTED as readonly string[]).includes(key)) texts[key] = node;
      return;
    }
    if (key && !inside(key)) return;
    for (const [k, v] of Object.entries(node)) walk(v, key ? `${key}.${k}` : k);
  };
  walk(messages, "");
  return texts;
}
