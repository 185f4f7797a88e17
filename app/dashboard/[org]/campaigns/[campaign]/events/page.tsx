import { redirect } from "next/navigation";

// The events live on the campaign's page.
export default async function CampaignEventsIndex({ params }: { params: Promise<{ org: string; campaign: string }> }) {
  const { org, campaign } = await params;
  redirect(`/dashboard/${org}/campaigns/${campaign}`);
}
