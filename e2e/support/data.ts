import { randomBytes } from "node:crypto";

/** A suffix no other test or run shares: the database is shared by every test of a run. */
export function unique(): string {
  return `${Date.now()}-${randomBytes(3).toString("hex")}`;
}

export interface Person {
  name: string;
  email: string;
  password: string;
}

export function newPerson(label: string): Person {
  const id = unique();
  return { name: `${label} ${id}`, email: `${label.toLowerCase().replace(/\s+/g, "-")}-${id}@example.org`, password: "correct horse battery staple" };
}

export function newOrganisationName(label = "Solidarity Group"): string {
  return `${label} ${unique()}`;
}
