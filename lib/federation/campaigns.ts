import "server-only";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { campaigns } from "@/db/schema";

// The one question every address under /ap/ asks first: is this a campaign the fediverse may see? Published and
// followable; a draft, an archived campaign or one whose organisation switched federation off is not found.

export interface FederatedCampaign {
  id: string;
  orgId: string;
  slug: string;
  title: string;
  summary: string;
  language: string;
}

export async function federatedCampaign(db: DbOrTx, slug: string): Promise<FederatedCampaign | null> {
  const [row] = await db
    .select({
      id: campaigns.id,
      orgId: campaigns.orgId,
      slug: campaigns.slug,
      title: campaigns.title,
      summary: campaigns.summary,
      language: campaigns.language,
    })
    .from(campaigns)
    .where(and(eq(campaigns.slug, slug), eq(campaigns.status, "published"), eq(campaigns.federated, true)));
  return row ?? null;
}
