import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LanguageSwitcher } from "./language-switcher";

export async function SiteHeader() {
  const t = await getTranslations("app");
  const ta = await getTranslations("articleSearch");
  return (
    <header className="border-b border-stone-200 bg-white">
      <div className="mx-auto flex max-w-5xl items-center justify-between px-4 py-3">
        <Link href="/" className="text-lg font-bold tracking-tight text-brand-700">
          {t("name")}
        </Link>
        <div className="flex items-center gap-3">
          <nav aria-label={ta("title")}>
            <Link href="/articles" className="text-sm font-medium text-stone-700 underline-offset-2 hover:text-brand-700 hover:underline">
              {ta("title")}
            </Link>
          </nav>
          <LanguageSwitcher />
        </div>
      </div>
    </header>
  );
}
