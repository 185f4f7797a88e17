import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { listMyOrganisations } from "@/lib/orgs/orgs";

export default async function DashboardIndex() {
  const actor = await requireActor("/dashboard");
  const orgs = await listMyOrganisations(actor);
  redirect(orgs[0] ? `/dashboard/${orgs[0].slug}` : "/dashboard/new");
}
