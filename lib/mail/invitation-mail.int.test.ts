import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { invitations, outbox } from "@/db/schema";
import { closeTestDatabase, makeOrg, openTestDatabase, unique } from "@/db/testing";
import { ForbiddenError } from "@/lib/errors";
import { createInvitation } from "@/lib/orgs/invitations";
import { createInvitationSchema } from "@/lib/orgs/schemas";
import { plainMessages } from "@/db/testing/sealed";

const ORIGIN = "http://picket.test";
let handle: DbHandle;
let orgId: string;
let owner: { userId: string };
let organizer: { userId: string };

beforeAll(async () => {
  process.env.PICKET_PUBLIC_URL = ORIGIN;
  handle = await openTestDatabase();
  const made = await makeOrg(handle, { owner: 1, organizer: 1 });
  orgId = made.org.id;
  owner = made.people.owner[0]!;
  organizer = made.people.organizer[0]!;
});
afterAll(closeTestDatabase);

describe("invitations by email", () => {
  const invitationMail = (id: string) => plainMessages(handle, and(eq(outbox.kind, "invitation"), eq(outbox.dedupeKey, `invitation:${id}`)));

  it("with an address: the invitation keeps it, and exactly one message carries the link", async () => {
    const email = `${unique("new")}@test.example`;
    const created = await createInvitation(owner, orgId, createInvitationSchema.parse({ role: "coordinator", email: ` ${email.toUpperCase()} ` }));
    expect(created.url).toBe(`${ORIGIN}/invite/${created.token}`);
    const [inv] = await handle.db.select().from(invitations).where(eq(invitations.id, created.id));
    expect(inv!.email).toBe(email);
    const all = await plainMessages(handle, and(eq(outbox.orgId, orgId), eq(outbox.kind, "invitation")));
    expect(all).toHaveLength(1);
    const [mail] = all;
    expect(mail).toMatchObject({ toAddress: email, subject: "Join Org on Picket", status: "pending" });
    expect(mail!.textBody).toContain(`as a coordinator. The link works once, within seven days: ${ORIGIN}/invite/${created.token}`);
    expect(mail!.htmlBody).toContain(`<a href="${ORIGIN}/invite/${created.token}">`);
  });

  it("in the language the owner chose for it", async () => {
    const email = `${unique("kk")}@test.example`;
    const created = await createInvitation(owner, orgId, createInvitationSchema.parse({ role: "organizer", email, language: "kk" }));
    const [mail] = await invitationMail(created.id);
    expect(mail).toMatchObject({ toAddress: email, locale: "kk", subject: "Picket жүйесінде Org ұйымына қосылыңыз" });
    expect(mail!.textBody).toContain(`${ORIGIN}/invite/${created.token}`);
    expect(createInvitationSchema.safeParse({ role: "organizer", email, language: "xx" }).success).toBe(false);
  });

  it("without an address: the link only, no message", async () => {
    const created = await createInvitation(owner, orgId, createInvitationSchema.parse({ role: "organizer", email: "" }));
    const [inv] = await handle.db.select().from(invitations).where(eq(invitations.id, created.id));
    expect(inv!.email).toBeNull();
    expect(await invitationMail(created.id)).toHaveLength(0);
  });

  it("a non-owner writes neither the invitation nor its message", async () => {
    const before = await handle.db.select().from(outbox).where(eq(outbox.kind, "invitation"));
    await expect(createInvitation(organizer, orgId, createInvitationSchema.parse({ role: "coordinator", email: "x@test.example" }))).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect(await handle.db.select().from(outbox).where(eq(outbox.kind, "invitation"))).toHaveLength(before.length);
  });

  it("a mistyped address is refused by the form's schema", () => {
    expect(createInvitationSchema.safeParse({ role: "coordinator", email: "not an address" }).success).toBe(false);
  });
});
