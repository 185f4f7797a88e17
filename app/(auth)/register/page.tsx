import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RegisterForm } from "@/components/auth/register-form";
import { Card, PageTitle } from "@/components/ui/card";
import { safeReturnPath } from "@/lib/auth/session";
import { register } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.register"))("title") };
}

export default async function RegisterPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const t = await getTranslations("auth.register");
  const next = typeof params.next === "string" ? safeReturnPath(params.next) : undefined;
  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <Card>
        <RegisterForm action={register} next={next} />
      </Card>
    </>
  );
}
