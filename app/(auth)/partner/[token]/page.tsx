import { getTranslations } from "next-intl/server";
import { AcceptPartnerForm } from "@/components/orgs/partners";
import { Alert } from "@/components/ui/alert";
import { Card, PageTitle } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/session";
import { viewPartnerInvitation } from "@/lib/orgs/partners";
import { acceptPartner } from "./actions";

export const metadata = { robots: { index: false } };

/** A partner invitation: an owner logs in, then chooses which of their organisations co-hosts the campaign. */
export default async function PartnerInvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const actor = await requireActor(`/partner/${token}`);
  const t = await getTranslations("partners");
  const view = await viewPartnerInvitation(actor, token);
  if (!view) {
    return (
      <>
        <PageTitle>{t("accept.title")}</PageTitle>
        <Alert tone="error">{t("linkInvalid")}</Alert>
      </>
    );
  }
  return (
    <>
      <PageTitle lead={t("accept.lead", { campaign: view.campaignTitle, lead: view.leadName })}>{t("accept.title")}</PageTitle>
      <Card>
        <p className="mb-4 text-sm text-stone-700">{t("accept.explained", { lead: view.leadName })}</p>
        {view.organisations.length ? (
          <AcceptPartnerForm action={acceptPartner} token={token} organisations={view.organisations} />
        ) : (
          <Alert tone="warning">{t("accept.noOrganisation")}</Alert>
        )}
      </Card>
    </>
  );
}
