import "server-only";
import { campaignTakingProposals } from "./proposals";
import { hostView } from "./manage";

// What the host's public pages show, read before they are rendered; neither is ever kept (lib/public/page-cache.ts).

/** The form "host an event" of a campaign that takes proposals; null otherwise. */
export async function loadProposePage(slug: string) {
  const campaign = await campaignTakingProposals(slug);
  return campaign ? { campaign: { slug: campaign.slug, title: campaign.title, orgName: campaign.orgName } } : null;
}
export type ProposePageData = NonNullable<Awaited<ReturnType<typeof loadProposePage>>>;

/** The host's own page by their private link; null for a link that leads nowhere (any more). */
export const loadHostPage = (token: string) => hostView(token);
export type HostPageData = NonNullable<Awaited<ReturnType<typeof loadHostPage>>>;
