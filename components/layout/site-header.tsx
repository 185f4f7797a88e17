import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LanguageSwitcher } from "./language-switcher";

export async function SiteHeader() {
  const t = await getTranslations("app");
  const ta = await getTranslations("articleSearch");
  return (
    <header className="border-b border-stone-200 bg-white">
      <div className="relative mx-auto flex max-w-5xl items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="text-lg font-bold tracking-tight text-brand-700">
          {t("name")}
        </Link>
        <div className="flex items-center gap-3">
          <nav aria-label={ta("title")} className="flex items-center gap-3">
            <Link href="/articles" className="text-sm font-medium text-stone-700 underline-offset-2 hover:text-brand-700 hover:underline">
              {ta("title")}
            </Link>
            {/* The same for every reader (public pages are kept for a crowd): a member who is logged in goes on to the dashboard. */}
            <Link
              href="/login"
              prefetch={false}
              className="whitespace-nowrap text-sm font-medium text-stone-700 underline-offset-2 hover:text-brand-700 hover:underline"
              data-testid="header-login"
            >
              {t("members")}
            </Link>
          </nav>
          <LanguageSwitcher />
        </div>
      </div>
    </header>
  );
}
