import type { ReactNode } from "react";
import { getMessages, getTranslations } from "next-intl/server";
import { SiteHeader } from "@/components/layout/site-header";
import { PublicTexts } from "@/components/public/texts";
import { publicClientTexts } from "@/lib/i18n/client-messages";

export default async function PublicLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations("public.footer");
  return (
    <PublicTexts texts={publicClientTexts(await getMessages())}>
      <SiteHeader />
      {/* A long address typed into a title or a text breaks where it must instead of widening the page. */}
      <main id="main" className="mx-auto max-w-3xl px-4 py-8 [overflow-wrap:anywhere]">
        {children}
      </main>
      <footer className="mx-auto max-w-3xl px-4 pb-10 text-sm text-stone-600">{t("privacy")}</footer>
    </PublicTexts>
  );
}
