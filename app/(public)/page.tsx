import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { SiteHeader } from "@/components/layout/site-header";

export default async function HomePage() {
  const t = await getTranslations("home");
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-3xl px-4 py-12">
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{t("title")}</h1>
        <p className="mt-4 text-lg text-stone-700">{t("lead")}</p>
        <div className="mt-8 flex flex-wrap gap-3">
          <Link href="/register" className={buttonClass("primary")}>
            {t("startOrganising")}
          </Link>
          <Link href="/login" className={buttonClass("secondary")}>
            {t("logIn")}
          </Link>
        </div>
        <p className="mt-10 text-sm text-stone-600">{t("privacy")}</p>
      </main>
    </>
  );
}
