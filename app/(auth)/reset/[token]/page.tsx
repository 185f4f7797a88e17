import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/account/action-form";
import { Alert } from "@/components/ui/alert";
import { Card, PageTitle } from "@/components/ui/card";
import { resetLinkWorks } from "@/lib/accounts/password";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-rules";
import { resetPasswordAction } from "../../actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account.reset"))("newTitle"), referrer: "no-referrer" };
}

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("account.reset");
  const works = token.length <= 100 && (await resetLinkWorks(token));
  return (
    <>
      <PageTitle lead={works ? t("newLead") : undefined}>{t("newTitle")}</PageTitle>
      {works ? (
        <Card>
          <ActionForm
            action={resetPasswordAction}
            hidden={{ token }}
            fields={[
              { name: "password", type: "password", label: t("newPassword"), autoComplete: "new-password", hint: t("newHint", { min: MIN_PASSWORD_LENGTH }) },
            ]}
            submit={t("save")}
            pending={t("saving")}
          />
        </Card>
      ) : (
        <Alert tone="error">
          {t("linkInvalid")}{" "}
          <Link href="/reset" className="underline">
            {t("again")}
          </Link>
        </Alert>
      )}
    </>
  );
}
