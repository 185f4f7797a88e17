import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { NavLink } from "@/components/dashboard/nav-link";
import { DashboardHeader } from "@/components/layout/dashboard-header";
import { MailStateBanner } from "@/components/mail/mail-state-banner";
import { mailState } from "@/lib/mail/mailbox";
import { getAccount } from "@/lib/accounts/accounts";
import { listMyOrganisations } from "@/lib/orgs/orgs";
import { loadOrganisationPage } from "@/lib/orgs/page-guard";
import { logout } from "@/app/(auth)/actions";

export default async function OrganisationLayout({ children, params }: { children: ReactNode; params: Promise<{ org: string }> }) {
  const { org: slug } = await params;
  const { actor, org } = await loadOrganisationPage(slug, "coordinator", `/dashboard/${slug}`);
  const [orgs, account] = await Promise.all([listMyOrganisations(actor), getAccount(actor.userId)]);
  // Until mail reaches people, those who write to them are told so on every page.
  const mail = org.role !== "coordinator" ? await mailState(actor, org.id) : "working";
  const t = await getTranslations("dashboard.nav");
  const tc = await getTranslations("campaigns.dashboard");
  const tabs = [
    { href: `/dashboard/${org.slug}`, label: t("overview"), exact: true },
    { href: `/dashboard/${org.slug}/campaigns`, label: tc("nav") },
    ...(org.role !== "coordinator" ? [{ href: `/dashboard/${org.slug}/articles`, label: (await getTranslations("articles.dashboard"))("nav") }] : []),
    ...(org.role !== "coordinator" ? [{ href: `/dashboard/${org.slug}/members`, label: t("members") }] : []),
    ...(org.role === "owner" ? [{ href: `/dashboard/${org.slug}/exports`, label: (await getTranslations("exports.dashboard.log"))("nav") }] : []),
    ...(org.role === "owner" ? [{ href: `/dashboard/${org.slug}/access`, label: (await getTranslations("access"))("nav") }] : []),
    ...(org.role === "owner" ? [{ href: `/dashboard/${org.slug}/mailbox`, label: (await getTranslations("mailbox"))("nav") }] : []),
    ...(org.role === "owner" ? [{ href: `/dashboard/${org.slug}/webhooks`, label: (await getTranslations("webhooks"))("nav") }] : []),
  ];
  return (
    <>
      <DashboardHeader orgs={orgs} current={org} userName={account?.name ?? ""} logout={logout} />
      <nav aria-label={t("label")} className="border-b border-stone-200 bg-white">
        <ul className="mx-auto flex max-w-6xl flex-wrap gap-x-1 px-4">
          {tabs.map((tab) => (
            <li key={tab.href} className="shrink-0 whitespace-nowrap">
              <NavLink href={tab.href} label={tab.label} exact={tab.exact} />
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        <MailStateBanner state={mail} org={org.slug} owner={org.role === "owner"} />
        {children}
      </main>
    </>
  );
}
