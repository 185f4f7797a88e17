import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ExportLogTable } from "@/components/exports/export-log";
import { PageTitle } from "@/components/ui/card";
import { listAuditLog } from "@/lib/audit/log";
import { loadOrganisationPage } from "@/lib/orgs/page-guard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("exports.dashboard.log"))("metaTitle"), robots: { index: false } };
}

export default async function ExportLogPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { org: slug } = await params;
  const { actor, org } = await loadOrganisationPage(slug, "owner", `/dashboard/${slug}/exports`);
  const raw = (await searchParams).page;
  const page = Number(Array.isArray(raw) ? raw[0] : raw);
  const log = await listAuditLog(actor, org.id, Number.isInteger(page) && page > 0 ? page : 1);
  const t = await getTranslations("exports.dashboard.log");
  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <ExportLogTable log={log} base={`/dashboard/${org.slug}/exports`} />
    </>
  );
}
