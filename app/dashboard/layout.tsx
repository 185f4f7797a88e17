import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { Providers } from "@/components/layout/providers";

export const metadata = { robots: { index: false } };

export default function DashboardRoot({ children }: { children: ReactNode }) {
  return (
    <NextIntlClientProvider>
      <Providers>{children}</Providers>
    </NextIntlClientProvider>
  );
}
