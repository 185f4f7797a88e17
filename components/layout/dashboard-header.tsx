import { ChevronDown, LogOut } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { HeaderMenus } from "./header-menus";
import { LanguageSwitcher } from "./language-switcher";
import { requestPath } from "@/lib/i18n/request-path";

// On a phone the menu spans the header; from sm on it hangs under its button.
const MENU =
  "absolute inset-x-4 top-full z-20 mt-1 rounded-md border border-stone-200 bg-white py-1 shadow-lg sm:inset-x-auto sm:left-0 sm:top-auto sm:min-w-64";

interface OrgLink {
  slug: string;
  name: string;
}

export async function DashboardHeader({
  orgs,
  current,
  userName,
  logout,
}: {
  orgs: OrgLink[];
  current?: OrgLink;
  userName: string;
  logout: () => Promise<void>;
}) {
  const t = await getTranslations("dashboard.header");
  const app = await getTranslations("app");
  return (
    <header className="border-b border-stone-200 bg-white">
      <HeaderMenus leaveWarning={t("leaveForm")} className="relative mx-auto flex max-w-6xl flex-wrap items-center gap-3 px-4 py-3">
        <Link href="/dashboard" className="text-lg font-bold tracking-tight text-brand-700">
          {app("name")}
        </Link>
        <details className="sm:relative" data-testid="org-switcher">
          <summary className="flex min-h-11 cursor-pointer list-none items-center gap-1 rounded-md border border-stone-300 px-3 py-2 text-sm font-medium">
            <span className="sr-only">{t("switchOrganisation")}: </span>
            {/* Outside an organisation's pages (the account page) the menu is still the way to each of them. */}
            {current?.name ?? (orgs.length ? t("yourOrganisations") : t("noOrganisation"))}
            <ChevronDown aria-hidden className="size-4" />
          </summary>
          <ul className={MENU}>
            {orgs.map((o) => (
              <li key={o.slug}>
                <Link
                  href={`/dashboard/${o.slug}`}
                  aria-current={o.slug === current?.slug ? "page" : undefined}
                  className="block px-3 py-2 text-sm hover:bg-stone-100 aria-[current=page]:font-semibold"
                >
                  {o.name}
                </Link>
              </li>
            ))}
            <li className="border-t border-stone-200">
              <Link href="/dashboard/new" className="block px-3 py-2 text-sm text-brand-700 hover:bg-stone-100">
                {t("newOrganisation")}
              </Link>
            </li>
          </ul>
        </details>
        <div className="ml-auto flex min-w-0 items-center gap-3 text-sm">
          <LanguageSwitcher path={await requestPath()} />
          <Link
            href="/account"
            className="inline-flex min-h-11 min-w-0 items-center text-stone-700 underline-offset-2 [overflow-wrap:anywhere] hover:underline"
            data-testid="account-name"
          >
            {userName}
          </Link>
          <form action={logout}>
            <button type="submit" className="inline-flex min-h-11 shrink-0 items-center gap-1 whitespace-nowrap rounded-md px-3 py-2 hover:bg-stone-100">
              <LogOut aria-hidden className="size-4" />
              {t("logOut")}
            </button>
          </form>
        </div>
      </HeaderMenus>
    </header>
  );
}
