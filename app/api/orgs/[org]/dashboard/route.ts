import { NextResponse } from "next/server";
import { getLocale } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { orgDashboard } from "@/lib/campaigns/dashboard";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
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
    if (e instanceof ForbiddenError) return NextResponse.json({ error: "forbidden" }, { status: 403, headers: noStore });
    if (e instanceof NotFoundError) return NextResponse.json({ error: "not_found" }, { status: 404, headers: noStore });
    throw e;
  }
}
