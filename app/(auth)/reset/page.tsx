import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/account/action-form";
import { Card, PageTitle } from "@/components/ui/card";
import { requestResetAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account.reset"))("title") };
}

export default async function ResetRequestPage() {
  const t = await getTranslations("account.reset");
  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <Card>
        <ActionForm
          action={requestResetAction}
          fields={[{ name: "email", type: "email", label: t("email"), autoComplete: "username", keep: true }]}
          submit={t("send")}
          pending={t("sending")}
        />
      </Card>
    </>
  );
}
