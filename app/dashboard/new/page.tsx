import { getTranslations } from "next-intl/server";
import { DashboardHeader } from "@/components/layout/dashboard-header";
import { CreateOrganisationForm } from "@/components/orgs/create-organisation-form";
import { Card, PageTitle } from "@/components/ui/card";
import { getAccount } from "@/lib/accounts/accounts";
import { requireActor } from "@/lib/auth/session";
import { listMyOrganisations } from "@/lib/orgs/orgs";
import { logout } from "@/app/(auth)/actions";
import { createOrganisationAction } from "../actions";

export default async function NewOrganisationPage() {
  const actor = await requireActor("/dashboard/new");
  const [orgs, account] = await Promise.all([listMyOrganisations(actor), getAccount(actor.userId)]);
  const t = await getTranslations("orgs.create");
  return (
    <>
      <DashboardHeader orgs={orgs} userName={account?.name ?? ""} logout={logout} />
      <main id="main" className="mx-auto max-w-xl px-4 py-10">
        <PageTitle lead={orgs.length === 0 ? t("leadFirst") : t("lead")}>{t("title")}</PageTitle>
        <Card>
          <CreateOrganisationForm action={createOrganisationAction} />
        </Card>
        <p className="mt-6 text-sm text-stone-700">{t("invited")}</p>
      </main>
    </>
  );
}
