import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { SiteHeader } from "@/components/layout/site-header";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <NextIntlClientProvider>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-md px-4 py-10">
        {children}
      </main>
    </NextIntlClientProvider>
  );
}
