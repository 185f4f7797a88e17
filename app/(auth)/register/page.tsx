import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RegisterForm } from "@/components/auth/register-form";
import { Card, PageTitle } from "@/components/ui/card";
import { safeReturnPath } from "@/lib/auth/session";
import { previewInvitation } from "@/lib/orgs/invitations";
import { register } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.register"))("title") };
}

export default async function RegisterPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const t = await getTranslations("auth.register");
  const next = typeof params.next === "string" ? safeReturnPath(params.next) : undefined;
  // Coming from an invitation: its address is filled in (read from the link, never put in the address bar).
  const token = next?.match(/^\/invite\/([A-Za-z0-9_-]{1,100})$/)?.[1];
  const invited = token ? ((await previewInvitation(token))?.email ?? undefined) : undefined;
  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <Card>
        <RegisterForm action={register} next={next} email={invited} />
      </Card>
    </>
  );
}
