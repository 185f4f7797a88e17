import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { PageTitle } from "@/components/ui/card";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account.register"))("sentTitle") };
}

/** The one answer to a registration, whether or not the address had an account. */
export default async function RegistrationSentPage() {
  const t = await getTranslations("account.register");
  return (
    <>
      <PageTitle>{t("sentTitle")}</PageTitle>
      <Alert tone="success">{t("sent")}</Alert>
    </>
  );
}
