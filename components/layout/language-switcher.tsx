import { Languages } from "@/components/ui/icons";
import { useLocale, useTranslations } from "next-intl";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/config";

// On a phone the menu spans the header; from sm on it hangs under its button.
const MENU =
  "absolute inset-x-4 top-full z-30 mt-1 rounded-md border border-stone-200 bg-white py-1 shadow-lg sm:inset-x-auto sm:right-0 sm:top-auto sm:min-w-40";

/**
 * The languages, each a plain link to this page's address with the language in front ("/ru/c/…"):
 * it works without JavaScript, and the choice is remembered for the addresses without one. `path` is this
 * page's address without a language (with its query).
 */
export function LanguageSwitcher({ path }: { path: string }) {
  const locale = useLocale();
  const t = useTranslations("app");
  const here = path.startsWith("/") && !path.startsWith("//") ? path : "/";
  return (
    // On a phone the menu spans the header (the positioned box around it), so it never runs off an edge.
    <details className="sm:relative" data-testid="language-menu">
      <summary className="flex min-h-11 cursor-pointer list-none items-center gap-1 rounded-md px-2 py-2 text-sm font-medium text-stone-700 hover:bg-stone-100">
        <Languages aria-hidden className="size-4" />
        <span className="sr-only">{t("language")}: </span>
        <span lang={locale}>{LOCALE_NAMES[locale as keyof typeof LOCALE_NAMES] ?? locale}</span>
      </summary>
      <ul className={MENU}>
        {LOCALES.map((l) => (
          <li key={l}>
            <a
              href={`/${l}${here === "/" ? "" : here}`}
              hrefLang={l}
              data-locale-link={l}
              lang={l}
              aria-current={l === locale ? "true" : undefined}
              className="block px-3 py-2 text-sm hover:bg-stone-100 aria-[current=true]:font-semibold"
            >
              {LOCALE_NAMES[l]}
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}
