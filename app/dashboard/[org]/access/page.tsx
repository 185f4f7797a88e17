import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AccessLog } from "@/components/audit/access-log";
import { PageTitle } from "@/components/ui/card";
import { accessFilters, listAccess, type AccessQuery } from "@/lib/audit/access-log";
import { loadOrganisationPage } from "@/lib/orgs/page-guard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("access"))("metaTitle"), robots: { index: false } };
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const ORDERS = { newest: { sort: "when", dir: "desc" }, oldest: { sort: "when", dir: "asc" }, mostRows: { sort: "rows", dir: "desc" } } as const;
export type AccessOrder = keyof typeof ORDERS;

/** Owners: who looked at which attendees, per member (?member=) and per event (?event=). */
export default async function AccessLogPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { org: slug } = await params;
  const { actor, org } = await loadOrganisationPage(slug, "owner", `/dashboard/${slug}/access`);
  const sp = await searchParams;
  const order: AccessOrder = (Object.keys(ORDERS) as AccessOrder[]).find((o) => o === one(sp.order)) ?? "newest";
  const query: AccessQuery = { member: one(sp.member) || undefined, event: one(sp.event) || undefined, page: Number(one(sp.page)) || 1, ...ORDERS[order] };
  const [log, filters] = await Promise.all([listAccess(actor, org.id, query), accessFilters(actor, org.id)]);
  const t = await getTranslations("access");
  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <AccessLog log={log} filters={filters} current={{ member: query.member ?? "", event: query.event ?? "", order }} base={`/dashboard/${org.slug}/access`} />
    </>
  );
}
