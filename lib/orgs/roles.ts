export const ROLES = ["owner", "organizer", "coordinator"] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { coordinator: 1, organizer: 2, owner: 3 };

/** Owners can do all an organizer can; organizers all a coordinator can. */
export function roleAllows(role: Role, needed: Role): boolean {
  return RANK[role] >= RANK[needed];
}
