import { siteOrigin } from "@/lib/mail/origin";
import { getTranslations } from "next-intl/server";
import { localeFromHeaders } from "@/lib/i18n/config";
import { campaignToIcs } from "@/lib/events/ics";
import { getPublicCampaign } from "@/lib/events/public";

export const dynamic = "force-dynamic";

/** The campaign's events as a calendar to subscribe to: calendars fetch it again now and then. */
export async function GET(request: Request, { params }: { params: Promise<{ campaign: string }> }) {
  const { campaign } = await params;
  const found = await getPublicCampaign(campaign);
  if (!found) return new Response((await getTranslations("errors"))("notFound"), { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const origin = siteOrigin();
  return new Response(campaignToIcs(found.campaign, found.events, origin, localeFromHeaders(request.headers)), {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": `inline; filename="${found.campaign.slug}.ics"`,
      "cache-control": "public, max-age=300",
    },
  });
}
