import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeTestDatabase, makeOrg, openTestDatabase, outcomeOf, type Outcome } from "@/db/testing";
import type { DbHandle } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { requireRole } from "./authz";
import { createInvitation, listInvitations, revokeInvitation } from "./invitations";
import { changeRole, listMembers } from "./members";
import { getOrganisation, organisationSummary } from "./orgs";
import type { Role } from "./roles";

let handle: DbHandle;
let orgId: string;
let orgSlug: string;
const actors: Record<string, Actor> = {};

beforeAll(async () => {
  handle = await openTestDatabase();
  const { org, people } = await makeOrg(handle, { owner: 1, organizer: 1, coordinator: 1 });
  const other = await makeOrg(handle, { owner: 1 });
  orgId = org.id;
  orgSlug = org.slug;
  actors.owner = people.owner[0]!;
  actors.organizer = people.organizer[0]!;
  actors.coordinator = people.coordinator[0]!;
  actors.outsider = other.people.owner[0]!; // owner of another organisation
  actors.anonymous = null;
});
afterAll(closeTestDatabase);

// Who may pass requireRole(actor, org, needed): rows are actors, columns the role needed.
const matrix: Record<string, Record<Role, Outcome>> = {
  owner: { coordinator: "allowed", organizer: "allowed", owner: "allowed" },
  organizer: { coordinator: "allowed", organizer: "allowed", owner: "forbidden" },
  coordinator: { coordinator: "allowed", organizer: "forbidden", owner: "forbidden" },
  outsider: { coordinator: "notFound", organizer: "notFound", owner: "notFound" },
  anonymous: { coordinator: "notFound", organizer: "notFound", owner: "notFound" },
};

describe("requireRole", () => {
  for (const [who, row] of Object.entries(matrix)) {
    for (const [needed, expected] of Object.entries(row) as [Role, Outcome][]) {
      it(`${who} needing ${needed}: ${expected}`, async () => {
        expect(await outcomeOf(requireRole(actors[who]!, orgId, needed))).toBe(expected);
      });
    }
  }

  it("a made-up organisation id is not found, even for an owner elsewhere", async () => {
    expect(await outcomeOf(requireRole(actors.owner!, "00000000-0000-4000-8000-000000000000", "coordinator"))).toBe("notFound");
  });
});

describe("organisation reads and writes go through the gate", () => {
  const ownerOnly: Record<string, Outcome> = {
    owner: "allowed",
    organizer: "forbidden",
    coordinator: "forbidden",
    outsider: "notFound",
    anonymous: "notFound",
  };
  const anyMember: Record<string, Outcome> = { owner: "allowed", organizer: "allowed", coordinator: "allowed", outsider: "notFound", anonymous: "notFound" };

  for (const who of Object.keys(matrix)) {
    it(`${who}: member list ${ownerOnly[who]}`, async () => {
      expect(await outcomeOf(listMembers(actors[who]!, orgId))).toBe(ownerOnly[who]);
    });
    it(`${who}: invitations ${ownerOnly[who]}`, async () => {
      expect(await outcomeOf(listInvitations(actors[who]!, orgId))).toBe(ownerOnly[who]);
      expect(await outcomeOf(createInvitation(actors[who]!, orgId, { role: "coordinator" }))).toBe(ownerOnly[who]);
    });
    it(`${who}: change a role ${ownerOnly[who]}`, async () => {
      expect(await outcomeOf(changeRole(actors[who]!, orgId, actors.coordinator!.userId, "coordinator"))).toBe(ownerOnly[who]);
    });
    it(`${who}: organisation overview ${anyMember[who]}`, async () => {
      expect(await outcomeOf(organisationSummary(actors[who]!, orgId))).toBe(anyMember[who]);
      expect(await outcomeOf(getOrganisation(actors[who]!, orgSlug))).toBe(anyMember[who]);
    });
  }

  it("refused writes change nothing", async () => {
    const before = await listInvitations(actors.owner!, orgId);
    await outcomeOf(createInvitation(actors.coordinator!, orgId, { role: "owner" }));
    await outcomeOf(createInvitation(actors.outsider!, orgId, { role: "owner" }));
    await outcomeOf(changeRole(actors.organizer!, orgId, actors.organizer!.userId, "owner"));
    expect(await listInvitations(actors.owner!, orgId)).toHaveLength(before.length);
    const members = await listMembers(actors.owner!, orgId);
    expect(members.find((m) => m.userId === actors.organizer!.userId)?.role).toBe("organizer");
  });

  it("an outsider cannot revoke an invitation by guessing its id", async () => {
    const inv = await createInvitation(actors.owner!, orgId, { role: "coordinator" });
    expect(await outcomeOf(revokeInvitation(actors.outsider!, orgId, inv.id))).toBe("notFound");
    const list = await listInvitations(actors.owner!, orgId);
    expect(list.find((i) => i.id === inv.id)?.status).toBe("pending");
  });
});
