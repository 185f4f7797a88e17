import type { Event } from "@/db/schema";

// What an event's roles need and have, for the pages that show it and the forms that offer them (no database here).

export interface RoleNeed {
  role: string;
  /** How many it needs; null: anyone who offers. */
  needed: number | null;
  taken: number;
  /** Still missing (needed − taken, at least 0); null when no number is set. */
  missing: number | null;
}

/** Every role of the event with what it needs and has, in the organizers' order. */
export function roleNeedsOf(event: Pick<Event, "roles" | "roleNeeds">, takes: Record<string, number>): RoleNeed[] {
  return event.roles.map((role) => {
    const needed = event.roleNeeds[role] ?? null;
    const taken = takes[role] ?? 0;
    return { role, needed, taken, missing: needed === null ? null : Math.max(0, needed - taken) };
  });
}

/** The roles a sign-up may still choose: those without a number, and those with room. */
export const rolesWithRoom = (needs: RoleNeed[]) => needs.filter((n) => n.missing === null || n.missing > 0).map((n) => n.role);
