export const LOCALES = ["en", "ru", "kk", "de", "fr", "pl"] as const;
export type AppLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: AppLocale = "en";

/** Each language by its own name: the switcher shows them so whoever reads it finds theirs. */
export const LOCALE_NAMES: Record<AppLocale, string> = { en: "English", ru: "Русский", kk: "Қазақша", de: "Deutsch", fr: "Français", pl: "Polski" };

/** The cookie that remembers a language chosen in the address (/ru/…) for the addresses without one. */
export const LOCALE_COOKIE = "picket-locale";
/** Request headers the proxy sets: the language named in the address, and the address without it. */
export const LOCALE_HEADER = "x-picket-locale";
export const PATH_HEADER = "x-picket-path";

export function isLocale(value: string | null | undefined): value is AppLocale {
  return !!value && (LOCALES as readonly string[]).includes(value);
}

/** The best supported language for an Accept-Language header. */
export function pickLocale(acceptLanguage: string | null | undefined): AppLocale {
  const wanted = (acceptLanguage ?? "")
    .split(",")
    .map((part) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.find((p) => p.trim().startsWith("q="));
      return { base: (tag ?? "").toLowerCase().split("-")[0] ?? "", q: q ? Number(q.split("=")[1]) : 1 };
    })
    .filter((x) => x.base && x.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { base } of wanted) {
    const hit = LOCALES.find((l) => l === base);
    if (hit) return hit;
  }
  return DEFAULT_LOCALE;
}

function cookieValue(cookieHeader: string | null, name: string): string | null {
  for (const part of (cookieHeader ?? "").split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k !== name) continue;
    // A value nobody's browser would send (a malformed escape) is no choice at all, never an error.
    try {
      return decodeURIComponent(v.join("="));
    } catch {
      return null;
    }
  }
  return null;
}

/** The reader's language: named in the address, else remembered from an earlier choice, else from Accept-Language. */
export function localeFromHeaders(headers: Headers): AppLocale {
  const named = headers.get(LOCALE_HEADER);
  if (isLocale(named)) return named;
  return rememberedLocale(headers.get("cookie"), headers.get("accept-language"));
}

/** The language a reader chose earlier (the cookie), else the best for their Accept-Language header. */
export function rememberedLocale(cookieHeader: string | null | undefined, acceptLanguage: string | null | undefined): AppLocale {
  const remembered = cookieHeader ? cookieValue(cookieHeader, LOCALE_COOKIE) : null;
  if (isLocale(remembered)) return remembered;
  return pickLocale(acceptLanguage);
}

/** "/ru/c/x" → { locale: "ru", path: "/c/x" }; an address without a language has none. */
export function splitLocalePath(pathname: string): { locale: AppLocale | null; path: string } {
  const [, first, ...rest] = pathname.split("/");
  if (isLocale(first)) return { locale: first, path: `/${rest.join("/")}` };
  return { locale: null, path: pathname };
}
