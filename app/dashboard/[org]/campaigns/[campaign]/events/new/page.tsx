import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Breadcrumbs } from "@/components/dashboard/breadcrumbs";
import { EventForm, type EventValues } from "@/components/events/event-form";
import { countryOptions, zoneOptions } from "@/components/events/zone-options";
import { Card, PageTitle } from "@/components/ui/card";
import { listCaseChoices } from "@/lib/trials/trials";
import { createEventAction } from "../../../actions";
import { loadCampaignPage } from "@/lib/orgs/page-guard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("editor.event"))("newTitle") };
}

// A sensible first kind for the campaign's kind: trial watches follow hearings.
const FIRST_KIND: Record<string, string> = { embassy_protest: "protest", trial_watch: "hearing", solidarity_action: "protest", appeal: "meeting" };

export default async function NewEventPage({ params }: { params: Promise<{ org: string; campaign: string }> }) {
  const { org: orgSlug, campaign: campaignSlug } = await params;
  const { actor, org, campaign } = await loadCampaignPage(orgSlug, campaignSlug, "organizer", `/dashboard/${orgSlug}/campaigns/${campaignSlug}/events/new`);
  const t = await getTranslations("editor.event");
  // A trial watch's cases are its lead's: a partner's hearing is not attached to one.
  const cases = campaign.lead ? await listCaseChoices(actor, campaign.id) : [];
  const tc = await getTranslations("campaigns.dashboard");
  const values: EventValues = {
    slug: "",
    title: "",
    kind: FIRST_KIND[campaign.kind] ?? "protest",
    description: "",
    startsLocal: "",
    endsLocal: "",
    deadlineLocal: "",
    timeZone: "",
    venue: "",
    address: "",
    city: "",
    country: "",
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
    <div className="max-w-3xl">
      <Breadcrumbs
        items={[
          { href: `/dashboard/${org.slug}/campaigns`, label: tc("nav") },
          { href: `/dashboard/${org.slug}/campaigns/${campaign.slug}`, label: campaign.title },
          { label: t("newTitle") },
        ]}
      />
      <PageTitle lead={t("newLead", { campaign: campaign.title })}>{t("newTitle")}</PageTitle>
      <Card>
        <EventForm
          action={createEventAction}
          org={org.slug}
          campaign={campaign.slug}
          campaignId={campaign.id}
          values={values}
          countries={countryOptions(await getLocale())}
          zones={zoneOptions()}
          cases={cases}
        />
      </Card>
    </div>
  );
}
