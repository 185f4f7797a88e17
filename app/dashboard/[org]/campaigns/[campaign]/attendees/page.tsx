import { getTranslations } from "next-intl/server";
import { AttendeePage } from "@/components/attendees/attendee-page";
import { loadCampaignPage } from "@/lib/orgs/page-guard";

type Props = { params: Promise<{ org: string; campaign: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata = { robots: { index: false } };

export default async function CampaignAttendeesPage({ params, searchParams }: Props) {
  const { org: o, campaign: c } = await params;
  const base = `/dashboard/${o}/campaigns/${c}/attendees`;
  const { actor, campaign } = await loadCampaignPage(o, c, "coordinator", base, { attendees: true });
  const t = await getTranslations("attendees.dashboard");
  return (
    <AttendeePage
      actor={actor}
      scope={{ campaignId: campaign.id }}
      base={base}
      searchParams={await searchParams}
      title={t("campaignTitle")}
      lead={campaign.title}
      exportPath={`/dashboard/${o}/campaigns/${c}#export`}
    />
  );
}
