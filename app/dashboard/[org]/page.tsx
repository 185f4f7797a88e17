import { HydrationBoundary } from "@tanstack/react-query";
import { getTranslations } from "next-intl/server";
import { LiveOverview } from "@/components/dashboard/live-overview";
import { RemoveMemberForm } from "@/components/orgs/member-forms";
import { Alert } from "@/components/ui/alert";
import { Card, PageTitle } from "@/components/ui/card";
import { loadOrganisationPage } from "@/lib/orgs/page-guard";
import { heavyReaders } from "@/lib/audit/access-log";
import Link from "next/link";
import { organisationSummary } from "@/lib/orgs/orgs";
import { ROLES, roleAllows } from "@/lib/orgs/roles";
import { removeMemberAction } from "../actions";
import { prefetchDashboard } from "./campaigns/load";

export default async function OrganisationOverview({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { org: slug } = await params;
  const { joined } = await searchParams;
  const { actor, org } = await loadOrganisationPage(slug, "coordinator", `/dashboard/${slug}`);
  const [summary, dashboard] = await Promise.all([organisationSummary(actor, org.id), prefetchDashboard(actor, org.id, org.slug)]);
  // Owners are told when one member reads far more attendee data than everyone signed up (lib/audit/access-log.ts).
  const heavy = org.role === "owner" ? await heavyReaders(actor, org.id) : [];
  const ta = await getTranslations("access");
  const t = await getTranslations("dashboard.overview");
  const tr = await getTranslations("roles");
  return (
    <>
      <PageTitle lead={t("yourRole", { role: tr(org.role) })}>{org.name}</PageTitle>
      {joined ? (
        <div className="mb-6">
          <Alert tone="success">{t("joined", { org: org.name })}</Alert>
        </div>
      ) : null}
      {heavy.map((h) => (
        <div key={h.userId} className="mb-6" data-testid="access-alert">
          <Alert tone="warning" title={ta("alertTitle")}>
            {ta("alertBody", { name: h.name, rows: h.rows, signups: h.signups })}{" "}
            <Link className="underline" href={`/dashboard/${org.slug}/access?member=${h.userId}&order=mostRows`}>
              {ta("alertLink", { name: h.name })}
            </Link>
          </Alert>
        </div>
      ))}
      <HydrationBoundary state={dashboard}>
        <LiveOverview org={org.slug} canEdit={roleAllows(org.role, "organizer")} />
      </HydrationBoundary>
      <div className="mt-10 grid gap-6 md:grid-cols-2">
        <Card title={t("team")}>
          <dl className="mt-3 grid grid-cols-3 gap-3 text-center">
            {ROLES.map((r) => (
              <div key={r} className="rounded-md bg-stone-100 px-1 py-3 sm:px-3">
                <dt className="text-xs uppercase tracking-normal text-stone-600 sm:tracking-wide">{tr(r)}</dt>
                <dd className="text-2xl font-bold" data-testid={`count-${r}`}>
                  {summary.members[r] ?? 0}
                </dd>
              </div>
            ))}
          </dl>
          <p className="mt-4 text-sm text-stone-700">{org.role === "owner" ? t("ownerHint") : t("memberHint")}</p>
        </Card>
        <Card title={t("leaveTitle")}>
          <p className="mt-2 text-sm text-stone-700">{t("leaveHint")}</p>
          <div className="mt-4">
            <RemoveMemberForm action={removeMemberAction} org={org.slug} userId={actor.userId} memberName="" self />
          </div>
        </Card>
      </div>
    </>
  );
}
