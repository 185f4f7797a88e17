import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AcceptInvitationForm } from "@/components/orgs/accept-invitation-form";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Card, PageTitle } from "@/components/ui/card";
import { getActor } from "@/lib/auth/session";
import { previewInvitation } from "@/lib/orgs/invitations";
import { accept } from "./actions";

export const metadata = { robots: { index: false } };

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("invitations");
  const tr = await getTranslations("roles");
  const invitation = token.length <= 100 ? await previewInvitation(token) : null;
  if (!invitation) {
    return (
      <>
        <PageTitle>{t("accept.title")}</PageTitle>
        <Alert tone="error">{t("status.unknown")}</Alert>
      </>
    );
  }
  const actor = await getActor();
  const here = `/invite/${token}`;
  return (
    <>
      <PageTitle lead={t("accept.lead", { org: invitation.orgName, role: tr(invitation.role) })}>{t("accept.title")}</PageTitle>
      <Card>
        {invitation.status !== "pending" ? (
          <Alert tone="error">{t(`status.${invitation.status}`)}</Alert>
        ) : actor ? (
          <AcceptInvitationForm action={accept} token={token} />
        ) : (
          <div className="space-y-4">
            <p className="text-stone-700">{t("accept.needAccount")}</p>
            <div className="flex flex-wrap gap-3">
              <Link className={buttonClass("primary")} href={`/register?next=${encodeURIComponent(here)}`}>
                {t("accept.register")}
              </Link>
              <Link className={buttonClass("secondary")} href={`/login?next=${encodeURIComponent(here)}`}>
                {t("accept.logIn")}
              </Link>
            </div>
          </div>
        )}
      </Card>
    </>
  );
}
