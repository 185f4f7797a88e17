import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeTestDatabase, makeOrg, makeUser, openTestDatabase } from "@/db/testing";
import type { DbHandle } from "@/db/client";
import { PublicError } from "@/lib/errors";
import { eq } from "drizzle-orm";
import { invitations } from "@/db/schema";
import { acceptInvitation, createInvitation, forgetSettledInvitationAddresses, listInvitations, previewInvitation, revokeInvitation } from "./invitations";
import { createInvitationSchema } from "./schemas";
import { changeRole, listMembers, removeMember } from "./members";
import { createOrganisation, listMyOrganisations } from "./orgs";

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(closeTestDatabase);

describe("the last owner", () => {
  it("cannot be demoted or leave; with a second owner both work", async () => {
    const { org, people } = await makeOrg(handle, { owner: 1, coordinator: 1 });
    const owner = people.owner[0]!;
    await expect(changeRole(owner, org.id, owner.userId, "organizer")).rejects.toThrow("members.lastOwner");
    await expect(removeMember(owner, org.id, owner.userId)).rejects.toThrow("members.lastOwner");

    const coordinator = people.coordinator[0]!;
    await changeRole(owner, org.id, coordinator.userId, "owner");
    await removeMember(owner, org.id, owner.userId); // leaves; the promoted member stays owner
    const members = await listMembers(coordinator, org.id);
    expect(members.map((m) => [m.userId, m.role])).toEqual([[coordinator.userId, "owner"]]);
  });

  it("two owners demoting each other at once leave one owner", async () => {
    const { org, people } = await makeOrg(handle, { owner: 2 });
    const [a, b] = people.owner as [{ userId: string }, { userId: string }];
    const results = await Promise.allSettled([changeRole(a, org.id, b.userId, "coordinator"), changeRole(b, org.id, a.userId, "coordinator")]);
    const members = await listMembers(results[0].status === "fulfilled" ? a : b, org.id);
    expect(members.filter((m) => m.role === "owner")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected")).toHaveLength(1);
  });
});

describe("organisations", () => {
  it("the creator becomes owner; a taken slug is refused next to the field", async () => {
    const u = await makeUser(handle);
    const org = await createOrganisation({ userId: u.id }, { name: "Solidarność z Kazachstanem" });
    expect(org.slug).toBe("solidarnosc-z-kazachstanem");
    expect(await listMyOrganisations({ userId: u.id })).toEqual([{ id: org.id, name: org.name, slug: org.slug, role: "owner" }]);
    const err = await createOrganisation({ userId: u.id }, { name: "Again", slug: org.slug }).catch((e) => e);
    expect(err).toBeInstanceOf(PublicError);
    expect(err.field).toBe("slug");
  });

  it("a person in several organisations sees each of them", async () => {
    const u = await makeUser(handle);
    await createOrganisation({ userId: u.id }, { name: "Berlin group", slug: `berlin-${u.id.slice(0, 6)}` });
    await createOrganisation({ userId: u.id }, { name: "Aktau trial watch", slug: `aktau-${u.id.slice(0, 6)}` });
    expect((await listMyOrganisations({ userId: u.id })).map((o) => o.name)).toEqual(["Aktau trial watch", "Berlin group"]);
  });
});

describe("invitations", () => {
  it("work once, with the role they were made for", async () => {
    const { org, people } = await makeOrg(handle, { owner: 1 });
    const owner = people.owner[0]!;
    const { token } = await createInvitation(owner, org.id, { role: "coordinator" });
    const guest = await makeUser(handle);
    expect((await previewInvitation(token))?.status).toBe("pending");
    const joined = await acceptInvitation({ userId: guest.id }, token);
    expect(joined.role).toBe("coordinator");
    expect((await listMembers(owner, org.id)).find((m) => m.userId === guest.id)?.role).toBe("coordinator");

    const second = await makeUser(handle);
    await expect(acceptInvitation({ userId: second.id }, token)).rejects.toThrow("invitations.status.accepted");
    expect((await listMembers(owner, org.id)).some((m) => m.userId === second.id)).toBe(false);
  });

  it("are refused for an address that is a member already, and fill in the invited address while they can be used", async () => {
    const { org, people } = await makeOrg(handle, { owner: 1 });
    const owner = people.owner[0]!;
    const member = await makeUser(handle);
    await acceptInvitation({ userId: member.id }, (await createInvitation(owner, org.id, { role: "coordinator" })).token);
    await expect(createInvitation(owner, org.id, { role: "organizer", email: member.email.toUpperCase() })).rejects.toMatchObject({
      messageKey: "invitations.alreadyMemberAddress",
      field: "email",
    });
    const { token } = await createInvitation(owner, org.id, { role: "organizer", email: "new.person@test.example" });
    expect((await previewInvitation(token))?.email).toBe("new.person@test.example");
    const guest = await makeUser(handle);
    await acceptInvitation({ userId: guest.id }, token);
    expect((await previewInvitation(token))?.email).toBeNull();
  });

  it("expire after seven days and can be withdrawn", async () => {
    const { org, people } = await makeOrg(handle, { owner: 1 });
    const owner = people.owner[0]!;
    const made = new Date("2026-01-01T10:00:00Z");
    const old = await createInvitation(owner, org.id, { role: "organizer" }, made);
    const guest = await makeUser(handle);
    const eightDaysLater = new Date(made.getTime() + 8 * 86_400_000);
    await expect(acceptInvitation({ userId: guest.id }, old.token, eightDaysLater)).rejects.toThrow("invitations.status.expired");

    const fresh = await createInvitation(owner, org.id, { role: "organizer" });
    await revokeInvitation(owner, org.id, fresh.id);
    await expect(acceptInvitation({ userId: guest.id }, fresh.token)).rejects.toThrow("invitations.status.revoked");
    expect((await listInvitations(owner, org.id)).map((i) => i.status).sort()).toEqual(["expired", "revoked"]);
  });

  it("keep only a hash of the token", async () => {
    const { org, people } = await makeOrg(handle, { owner: 1 });
    const { token } = await createInvitation(people.owner[0]!, org.id, { role: "coordinator" });
    const rows = await handle.db.query.invitations.findMany();
    expect(rows.some((r) => r.tokenHash === token)).toBe(false);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it("for an owner, work only for the address they were sent to", async () => {
    const { org, people } = await makeOrg(handle, { owner: 1 });
    const owner = people.owner[0]!;
    await expect(createInvitation(owner, org.id, { role: "owner" })).rejects.toThrow("validation.ownerNeedsEmail");
    const form = createInvitationSchema.safeParse({ role: "owner", email: "" });
    expect(form.success ? [] : form.error.issues.map((i) => [i.path.join("."), i.message])).toEqual([["email", "validation.ownerNeedsEmail"]]);

    const invited = await makeUser(handle, "Invited");
    const holder = await makeUser(handle, "Whoever holds the link");
    const { token } = await createInvitation(owner, org.id, { role: "owner", email: invited.email.toUpperCase() });
    await expect(acceptInvitation({ userId: holder.id }, token)).rejects.toThrow("invitations.otherAddress");
    expect((await listMembers(owner, org.id)).some((m) => m.userId === holder.id)).toBe(false);
    expect((await acceptInvitation({ userId: invited.id }, token)).role).toBe("owner");

    // Other roles stay links anyone holding them can use, as the owner chose.
    const coordinatorLink = await createInvitation(owner, org.id, { role: "coordinator", email: "someone-else@test.example" });
    expect((await acceptInvitation({ userId: holder.id }, coordinatorLink.token)).role).toBe("coordinator");
  });

  it("forget their address once they can no longer be used", async () => {
    const { org, people } = await makeOrg(handle, { owner: 1 });
    const owner = people.owner[0]!;
    const made = new Date("2026-03-01T10:00:00Z");
    const accepted = await createInvitation(owner, org.id, { role: "coordinator", email: "accepted@test.example" }, made);
    await acceptInvitation({ userId: (await makeUser(handle)).id }, accepted.token, new Date(made.getTime() + 3_600_000));
    const withdrawn = await createInvitation(owner, org.id, { role: "coordinator", email: "withdrawn@test.example" }, made);
    await revokeInvitation(owner, org.id, withdrawn.id, made);
    const expiring = await createInvitation(owner, org.id, { role: "coordinator", email: "expiring@test.example" }, made);
    const waiting = await createInvitation(owner, org.id, { role: "coordinator", email: "waiting@test.example" }, new Date(made.getTime() + 6 * 86_400_000));
    const address = async (id: string) => (await handle.db.select({ email: invitations.email }).from(invitations).where(eq(invitations.id, id)))[0]!.email;

    const justBeforeExpiry = new Date(made.getTime() + 7 * 86_400_000 - 1000);
    await forgetSettledInvitationAddresses(justBeforeExpiry);
    expect([await address(accepted.id), await address(withdrawn.id), await address(expiring.id), await address(waiting.id)]).toEqual([
      null,
      null,
      "expiring@test.example",
      "waiting@test.example",
    ]);
    await forgetSettledInvitationAddresses(new Date(made.getTime() + 7 * 86_400_000));
    expect([await address(expiring.id), await address(waiting.id)]).toEqual([null, "waiting@test.example"]);
  });

  it("an unknown token reveals nothing", async () => {
    expect(await previewInvitation("not-a-token-at-all")).toBeNull();
  });
});
