import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/account/action-form";
import { Card, PageTitle } from "@/components/ui/card";
import { confirmRegistrationAction } from "../../../actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account.register"))("confirmTitle"), referrer: "no-referrer" };
}

// A button, not the link itself, makes the account: mail scanners that open links do not.
export default async function ConfirmRegistrationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("account.register");
  return (
    <>
      <PageTitle lead={t("confirmLead")}>{t("confirmTitle")}</PageTitle>
      <Card>
        <ActionForm action={confirmRegistrationAction} hidden={{ token }} submit={t("confirm")} pending={t("confirming")} />
      </Card>
    </>
  );
}
