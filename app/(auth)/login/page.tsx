import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LoginForm } from "@/components/auth/login-form";
import { Alert } from "@/components/ui/alert";
import { Card, PageTitle } from "@/components/ui/card";
import { safeReturnPath } from "@/lib/auth/session";
import { login } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.login"))("title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const t = await getTranslations("auth.login");
  const next = typeof params.next === "string" ? safeReturnPath(params.next) : undefined;
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      {params.loggedOut || params.registered || params.reset ? (
        <div className="mb-4">
          <Alert tone="success">{t(params.registered ? "registered" : params.reset ? "passwordReset" : "loggedOut")}</Alert>
        </div>
      ) : null}
      <Card>
        <LoginForm action={login} next={next} />
      </Card>
    </>
  );
}
