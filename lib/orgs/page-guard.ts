import "server-only";
import { forbidden, notFound, redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { ForbiddenError, NotFoundError, SecondFactorRequiredError } from "@/lib/errors";
import { getOrganisation } from "./orgs";
import type { Role } from "./roles";

/** For dashboard pages: the actor and the organisation, or the login page, a 404 or a 403. */
export async function loadOrganisationPage(slug: string, needed: Role, path: string) {
  const actor = await requireActor(path);
  try {
    return { actor, org: await getOrganisation(actor, slug, needed) };
  } catch (e) {
    if (e instanceof SecondFactorRequiredError) redirect(`/account?required=${encodeURIComponent(slug)}`);
    if (e instanceof ForbiddenError) forbidden();
    if (e instanceof NotFoundError) notFound();
    throw e;
  }
}
