import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { DashboardHeader } from "@/components/layout/dashboard-header";
import { getAccount } from "@/lib/accounts/accounts";
import { requireActor } from "@/lib/auth/session";
import { listMyOrganisations } from "@/lib/orgs/orgs";
import { logout } from "@/app/(auth)/actions";

export const metadata = { robots: { index: false } };

export default async function AccountLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor("/account");
  const [orgs, account] = await Promise.all([listMyOrganisations(actor), getAccount(actor.userId)]);
  return (
    <NextIntlClientProvider>
      <DashboardHeader orgs={orgs} userName={account?.name ?? ""} logout={logout} />
      <main id="main" className="mx-auto max-w-2xl px-4 py-8">
        {children}
      </main>
    </NextIntlClientProvider>
  );
}
