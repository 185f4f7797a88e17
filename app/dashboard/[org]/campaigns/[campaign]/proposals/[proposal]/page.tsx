import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Breadcrumbs } from "@/components/dashboard/breadcrumbs";
import { EventForm, type EventValues } from "@/components/events/event-form";
import { countryOptions, zoneOptions } from "@/components/events/zone-options";
import { DeclineProposalForm } from "@/components/hosts/decline-form";
import { Card, PageTitle } from "@/components/ui/card";
import { NotFoundError } from "@/lib/errors";
import { getProposal } from "@/lib/hosts/proposals";
import { loadCampaignPage } from "@/lib/orgs/page-guard";
import { instantToZonedLocal } from "@/lib/time/zones";
import { approveProposalAction, declineProposalAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("hosts.dashboard"))("decideTitle") };
}

type Params = Promise<{ org: string; campaign: string; proposal: string }>;

/** One proposal: the event form filled in from it (any field may be changed before approving), and declining with a note. */
export default async function ProposalPage({ params }: { params: Params }) {
  const { org: orgSlug, campaign: campaignSlug, proposal: proposalId } = await params;
  const path = `/dashboard/${orgSlug}/campaigns/${campaignSlug}/proposals/${proposalId}`;
  const { actor, org, campaign } = await loadCampaignPage(orgSlug, campaignSlug, "organizer", path);
  if (!/^[0-9a-f-]{36}$/i.test(proposalId)) notFound();
  const found = await getProposal(actor, campaign.id, proposalId).catch((e: unknown) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const { proposal, host } = found;
  const t = await getTranslations("hosts.dashboard");
  const tc = await getTranslations("campaigns.dashboard");
  const values: EventValues = {
    slug: "",
    title: proposal.title,
    kind: proposal.kind,
    description: proposal.description,
    startsLocal: instantToZonedLocal(proposal.startsAt, proposal.timeZone),
    endsLocal: instantToZonedLocal(proposal.endsAt, proposal.timeZone),
    deadlineLocal: "",
    timeZone: proposal.timeZone,
    venue: proposal.venue,
    address: proposal.address,
    city: proposal.city,
    country: proposal.country,
    latitude: "",
    longitude: "",
    onlineUrl: "",
    capacity: "",
    waitlist: false,
    roles: "",
    signupMode: "named",
    approval: false,
    placeHidden: false,
    gatheringArea: "",
    placeRevealMinutes: "120",
    confirmed: 0,
    language: campaign.language,
  };
  return (
    <div className="max-w-3xl space-y-6">
      <Breadcrumbs
        items={[
          { href: `/dashboard/${org.slug}/campaigns`, label: tc("nav") },
          { href: `/dashboard/${org.slug}/campaigns/${campaign.slug}`, label: campaign.title },
          { label: t("decideTitle") },
        ]}
      />
      <PageTitle lead={t("decideLead")}>{proposal.title}</PageTitle>
      <Card title={t("host")}>
        {host ? (
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-stone-600">{t("hostName")}</dt>
            <dd data-testid="proposal-host">{host.name}</dd>
            <dt className="text-stone-600">{t("hostEmail")}</dt>
            <dd>{host.email}</dd>
          </dl>
        ) : null}
      </Card>
      <Card title={t("approveTitle")} lead={t("approveLead")}>
        <EventForm
          action={approveProposalAction.bind(null, proposal.id)}
          org={org.slug}
          campaign={campaign.slug}
          campaignId={campaign.id}
          values={values}
          countries={countryOptions(await getLocale())}
          zones={zoneOptions(proposal.timeZone)}
        />
      </Card>
      <Card title={t("declineTitle")} danger>
        <DeclineProposalForm action={declineProposalAction} org={org.slug} campaign={campaign.slug} proposalId={proposal.id} title={proposal.title} />
      </Card>
    </div>
  );
}
