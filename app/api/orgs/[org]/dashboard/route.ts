import { NextResponse } from "next/server";
import { getLocale } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { orgDashboard } from "@/lib/campaigns/dashboard";
import { errorResponse } from "@/lib/http/errors";
import { getOrganisation } from "@/lib/orgs/orgs";

export const dynamic = "force-dynamic";

const noStore = { "Cache-Control": "private, no-store" };

/** The dashboard's live data (campaigns, events, sign-up counts) for the browser's polling. */
export async function GET(_request: Request, { params }: { params: Promise<{ org: string }> }) {
  const { org: slug } = await params;
  try {
    const actor = await getActor();
    const org = await getOrganisation(actor, slug, "coordinator");
    return NextResponse.json({ campaigns: await orgDashboard(actor, org.id, await getLocale()) }, { headers: noStore });
  } catch (e) {
    return errorResponse(e, { what: "dashboard data failed", headers: noStore });
  }
}
