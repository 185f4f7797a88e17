import { useTranslations } from "next-intl";
import { LanguageSwitcher } from "./language-switcher";

/** The header of public pages and of the pages before logging in; `path` is the page's address without a language. */
export function SiteHeader({ path }: { path: string }) {
  const t = useTranslations("app");
  const ta = useTranslations("articleSearch");
  return (
    <header className="border-b border-stone-200 bg-white">
      <div className="relative mx-auto flex max-w-5xl items-center justify-between gap-3 px-4 py-3">
        <a href="/" className="text-lg font-bold tracking-tight text-brand-700">
          {t("name")}
        </a>
        <div className="flex items-center gap-3">
          <nav aria-label={ta("title")} className="flex items-center gap-3">
            <a href="/articles" className="text-sm font-medium text-stone-700 underline-offset-2 hover:text-brand-700 hover:underline">
              {ta("title")}
            </a>
            {/* The same for every reader (public pages are kept for a crowd): a member who is logged in goes on to the dashboard. */}
            <a
              href="/login"
              className="whitespace-nowrap text-sm font-medium text-stone-700 underline-offset-2 hover:text-brand-700 hover:underline"
              data-testid="header-login"
            >
              {t("members")}
            </a>
          </nav>
          <LanguageSwitcher path={path} />
        </div>
      </div>
    </header>
  );
}
