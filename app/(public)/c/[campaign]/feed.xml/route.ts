import { siteOrigin } from "@/lib/mail/origin";
import { getTranslations } from "next-intl/server";
import { articlesOfCampaign } from "@/lib/articles/public";
import { getPublicCampaign } from "@/lib/events/public";
import { buildAtomFeed } from "@/lib/trials/feed";
import { getPublicUpdates } from "@/lib/trials/public";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ campaign: string }> }) {
  const found = await getPublicCampaign((await params).campaign);
  if (!found) return new Response((await getTranslations("errors"))("notFound"), { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const { campaign } = found;
  const [updates, articles, t] = await Promise.all([getPublicUpdates(campaign.id), articlesOfCampaign(campaign.id), getTranslations("trials.public.feed")]);
  const origin = siteOrigin();
  const xml = buildAtomFeed({ origin, campaign, updates, articles, labels: { update: t("update"), article: t("article") } });
  return new Response(xml, { headers: { "content-type": "application/atom+xml; charset=utf-8", "cache-control": "public, max-age=60" } });
}
