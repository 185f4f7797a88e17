import "server-only";
import { asc, count, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { memberships, organisations } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { NotFoundError, PublicError } from "@/lib/errors";
import { slugify } from "@/lib/slug";
import { requireRole } from "./authz";
import type { Role } from "./roles";
import type { CreateOrganisationInput } from "./schemas";

export interface OrganisationView {
  id: string;
  name: string;
  slug: string;
  role: Role;
}

export async function createOrganisation(actor: Actor, input: CreateOrganisationInput): Promise<OrganisationView> {
  if (!actor) throw new NotFoundError();
  const slug = input.slug || slugify(input.name);
  if (!slug) throw new PublicError("validation.slug", "slug");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [org] = await tx.insert(organisations).values({ name: input.name, slug }).onConflictDoNothing({ target: organisations.slug }).returning();
    if (!org) throw new PublicError("orgs.create.slugTaken", "slug");
    await tx.insert(memberships).values({ orgId: org.id, userId: actor.userId, role: "owner" });
    return { id: org.id, name: org.name, slug: org.slug, role: "owner" as const };
  });
}

/** The organisations the actor belongs to, for the switcher. */
export async function listMyOrganisations(actor: Actor): Promise<OrganisationView[]> {
  if (!actor) return [];
  const db = await getDb();
  return db
    .select({ id: organisations.id, name: organisations.name, slug: organisations.slug, role: memberships.role })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.orgId))
    .where(eq(memberships.userId, actor.userId))
    .orderBy(asc(organisations.name));
}

/** An organisation by its slug, for a member whose role reaches `needed`; anyone else: NotFoundError. */
export async function getOrganisation(actor: Actor, slug: string, needed: Role = "coordinator"): Promise<OrganisationView> {
  const db = await getDb();
  const [org] = await db.select().from(organisations).where(eq(organisations.slug, slug));
  if (!org) throw new NotFoundError();
  const grant = await requireRole(actor, org.id, needed);
  return { id: org.id, name: org.name, slug: org.slug, role: grant.role };
}

export async function organisationSummary(actor: Actor, orgId: string) {
  await requireRole(actor, orgId, "coordinator");
  const db = await getDb();
  const rows = await db.select({ role: memberships.role, n: count() }).from(memberships).where(eq(memberships.orgId, orgId)).groupBy(memberships.role);
  const members = Object.fromEntries(rows.map((r) => [r.role, Number(r.n)])) as Partial<Record<Role, number>>;
  return { members };
}
