import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LoginForm } from "@/components/auth/login-form";
import { Alert } from "@/components/ui/alert";
import { Card, PageTitle } from "@/components/ui/card";
import { getActor, safeReturnPath } from "@/lib/auth/session";
import { login, passkeyLoginOptionsAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.login"))("title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const t = await getTranslations("auth.login");
  const next = typeof params.next === "string" ? safeReturnPath(params.next) : undefined;
  // Already logged in ("Log in" in the public header is the way back): on to the dashboard, or where they were going.
  if (!params.loggedOut && (await getActor())) redirect(next ?? "/dashboard");
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      {params.loggedOut || params.registered || params.reset ? (
        <div className="mb-4">
          <Alert tone="success">{t(params.registered ? "registered" : params.reset ? "passwordReset" : "loggedOut")}</Alert>
        </div>
      ) : null}
      <Card>
        <LoginForm action={login} next={next} passkeyOptions={passkeyLoginOptionsAction} />
      </Card>
    </>
  );
}
