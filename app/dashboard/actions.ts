"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { handleForm } from "@/lib/actions";
import { getActor } from "@/lib/auth/session";
import type { FormState } from "@/lib/forms";
import { isSmtpConfigured } from "@/lib/mail/mailbox";
import { createInvitation, revokeInvitation } from "@/lib/orgs/invitations";
import { changeRole, removeMember } from "@/lib/orgs/members";
import { setSecondFactorRequired } from "@/lib/accounts/policy";
import { endMemberSessions } from "@/lib/accounts/sessions";
import { createOrganisation, getOrganisation } from "@/lib/orgs/orgs";
import {
  changeRoleSchema,
  createInvitationSchema,
  createOrganisationSchema,
  giveScopeSchema,
  invitationIdSchema,
  memberSchema,
  scopeIdSchema,
} from "@/lib/orgs/schemas";
import { grantScope, revokeScope, type ScopeInput } from "@/lib/orgs/scopes";

const orgSlug = z.object({ org: z.string().min(1).max(60) });

export async function createOrganisationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(createOrganisationSchema, formData, async (data) => {
    const org = await createOrganisation(await getActor(), data);
    redirect(`/dashboard/${org.slug}`);
  });
}

export async function createInvitationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(createInvitationSchema.extend(orgSlug.shape), formData, async (data) => {
    const actor = await getActor();
    const org = await getOrganisation(actor, data.org, "owner");
    const invitation = await createInvitation(actor, org.id, data);
    revalidatePath(`/dashboard/${org.slug}/members`);
    // The link is shown once, here; with an address it is also on its way by email, or held when mail is not set up.
    const mail: Record<string, string> = data.email ? { [isSmtpConfigured() ? "emailedTo" : "heldFor"]: data.email } : {};
    return { status: "ok", messageKey: "invitations.create.created", data: { link: invitation.url, ...mail } };
  });
}

export async function revokeInvitationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(invitationIdSchema.extend(orgSlug.shape), formData, async (data) => {
    const actor = await getActor();
    const org = await getOrganisation(actor, data.org, "owner");
    await revokeInvitation(actor, org.id, data.invitationId);
    revalidatePath(`/dashboard/${org.slug}/members`);
    return { status: "ok", messageKey: "invitations.revoked" };
  });
}

export async function changeRoleAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(changeRoleSchema.extend(orgSlug.shape), formData, async (data) => {
    const actor = await getActor();
    const org = await getOrganisation(actor, data.org, "owner");
    await changeRole(actor, org.id, data.userId, data.role);
    revalidatePath(`/dashboard/${org.slug}`, "layout");
    return { status: "ok", messageKey: "members.roleChanged" };
  });
}

export async function removeMemberAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(memberSchema.extend(orgSlug.shape), formData, async (data) => {
    const actor = await getActor();
    const org = await getOrganisation(actor, data.org, "coordinator");
    await removeMember(actor, org.id, data.userId);
    if (actor?.userId === data.userId) redirect("/dashboard");
    revalidatePath(`/dashboard/${org.slug}`, "layout");
    return { status: "ok", messageKey: "members.removed" };
  });
}

export async function giveScopeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(giveScopeSchema.extend(orgSlug.shape), formData, async (data) => {
    if ([data.campaignId, data.eventId, data.city].filter(Boolean).length !== 1)
      return { status: "error", fieldErrors: {}, formError: "scopes.pickOne", values: {} };
    const actor = await getActor();
    const org = await getOrganisation(actor, data.org, "organizer");
    const [country, ...city] = (data.city ?? "").split("|");
    const input: ScopeInput = data.campaignId
      ? { kind: "campaign", campaignId: data.campaignId }
      : data.eventId
        ? { kind: "event", eventId: data.eventId }
        : { kind: "city", country: country!, city: city.join("|") };
    await grantScope(actor, org.id, data.userId, input);
    revalidatePath(`/dashboard/${org.slug}/members`);
    return { status: "ok", messageKey: "scopes.given" };
  });
}

export async function revokeScopeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(scopeIdSchema.extend(orgSlug.shape), formData, async (data) => {
    const actor = await getActor();
    const org = await getOrganisation(actor, data.org, "organizer");
    await revokeScope(actor, org.id, data.scopeId);
    revalidatePath(`/dashboard/${org.slug}/members`);
    return { status: "ok", messageKey: "scopes.removed" };
  });
}

export async function endMemberSessionsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(memberSchema.extend(orgSlug.shape), formData, async (data) => {
    const actor = await getActor();
    const org = await getOrganisation(actor, data.org, "owner");
    const n = await endMemberSessions(actor, org.id, data.userId);
    revalidatePath(`/dashboard/${org.slug}/members`);
    return { status: "ok", messageKey: "account.members.sessionsEnded", data: { count: String(n) } };
  });
}

export async function requireSecondFactorAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(z.object({ required: z.enum(["on", "off"]) }).extend(orgSlug.shape), formData, async (data) => {
    const actor = await getActor();
    const org = await getOrganisation(actor, data.org, "owner");
    await setSecondFactorRequired(actor, org.id, data.required === "on");
    revalidatePath(`/dashboard/${org.slug}/members`);
    return { status: "ok", messageKey: data.required === "on" ? "account.policy.nowRequired" : "account.policy.nowOptional" };
  });
}
