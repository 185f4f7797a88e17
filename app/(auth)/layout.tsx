import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { SiteHeader } from "@/components/layout/site-header";
import { requestPath } from "@/lib/i18n/request-path";

export default async function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <NextIntlClientProvider>
      <SiteHeader path={await requestPath()} />
      <main id="main" className="mx-auto max-w-md px-4 py-10">
        {children}
      </main>
    </NextIntlClientProvider>
  );
}
