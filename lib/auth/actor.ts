/** Who is asking: a logged-in person, or nobody. Every lib function that touches organisation data takes one first. */
export type Actor = { userId: string } | null;
