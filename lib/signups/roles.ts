import "server-only";
import { and, count, eq, inArray, ne, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { signups, type Event } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { PublicError } from "@/lib/errors";
import { eventForActor } from "@/lib/events/events";
import { roleNeedsOf, type RoleNeed } from "./role-room";

// Roles with numbers: "4 stewards, 2 legal observers". A role is taken by every sign-up that may come in it
// (confirmed, waitlisted, or waiting for approval); one with as many as it needs is offered to nobody else.

const HOLDING = ["confirmed", "waitlisted", "requested"] as const;

/** How many sign-ups hold each role of the event (roles nobody holds are left out). */
export async function roleTakes(db: DbOrTx, eventId: string): Promise<Record<string, number>> {
  const rows = await db
    .select({ role: signups.role, n: count() })
    .from(signups)
    .where(and(eq(signups.eventId, eventId), inArray(signups.status, [...HOLDING]), sql`${signups.role} is not null`))
    .groupBy(signups.role);
  return Object.fromEntries(rows.map((r) => [r.role!, Number(r.n)]));
}

/**
 * Refuses a role the event does not ask for, or one that has as many as it needs. The caller holds the event's
 * row lock, so two people cannot both take its last place. `except`: a sign-up that holds the role already.
 */
export async function checkRoleRoom(tx: DbOrTx, event: Pick<Event, "id" | "roles" | "roleNeeds">, role: string | null, except?: string) {
  if (!role) return;
  if (!event.roles.includes(role)) throw new PublicError("signups.roleUnknown", "role");
  const needed = event.roleNeeds[role];
  if (needed === undefined) return;
  const [row] = await tx
    .select({ n: count() })
    .from(signups)
    .where(and(eq(signups.eventId, event.id), eq(signups.role, role), inArray(signups.status, [...HOLDING]), except ? ne(signups.id, except) : undefined));
  if (Number(row?.n ?? 0) >= needed) throw new PublicError("signups.roleFull", "role", { role });
}

/** What a public page shows of an event's roles: each with what it still misses (one query, only when a role has a number). */
export async function publicRoleNeeds(event: Pick<Event, "id" | "roles" | "roleNeeds">): Promise<RoleNeed[]> {
  const counted = Object.keys(event.roleNeeds).length > 0;
  return roleNeedsOf(event, counted ? await roleTakes(await getDb(), event.id) : {});
}

/** An event's roles with what each needs and has, for the members who see the event (its dashboard page). */
export async function eventRoleNeeds(actor: Actor, eventId: string): Promise<RoleNeed[]> {
  const db = await getDb();
  const { event } = await eventForActor(actor, eventId, "coordinator", db);
  return roleNeedsOf(event, await roleTakes(db, event.id));
}
