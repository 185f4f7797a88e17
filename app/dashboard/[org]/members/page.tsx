import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { formatInstant } from "@/lib/time/format";
import { CreateInvitationForm, RevokeInvitationForm } from "@/components/orgs/invitation-forms";
import { ChangeRoleForm, RemoveMemberForm } from "@/components/orgs/member-forms";
import { Card, PageTitle } from "@/components/ui/card";
import { isSmtpConfigured } from "@/lib/mail/mailbox";
import { listInvitations } from "@/lib/orgs/invitations";
import { listMembers } from "@/lib/orgs/members";
import { loadOrganisationPage } from "@/lib/orgs/page-guard";
import Link from "next/link";
import { GiveScopeForm, RevokeScopeForm } from "@/components/orgs/scope-forms";
import { ActionForm } from "@/components/account/action-form";
import { memberSecurity } from "@/lib/accounts/policy";
import {
  changeRoleAction,
  createInvitationAction,
  endMemberSessionsAction,
  giveScopeAction,
  removeMemberAction,
  requireSecondFactorAction,
  revokeInvitationAction,
  revokeScopeAction,
} from "../../actions";
import { listScopeHolders, listScopes, scopeChoices, type ScopeView } from "@/lib/orgs/scopes";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("members"))("title") };
}

export default async function MembersPage({ params }: { params: Promise<{ org: string }> }) {
  const { org: slug } = await params;
  const { actor, org } = await loadOrganisationPage(slug, "organizer", `/dashboard/${slug}/members`);
  const [scopes, choices] = await Promise.all([listScopes(actor, org.id), scopeChoices(actor, org.id)]);
  const ts = await getTranslations("scopes");
  const ta = await getTranslations("access");
  const describe = (s: ScopeView) =>
    s.kind === "campaign"
      ? ts("campaign", { title: s.campaignTitle ?? "" })
      : s.kind === "event"
        ? ts("event", { title: s.eventTitle ?? "" })
        : ts("city", { city: s.city ?? "", country: s.country ?? "" });
  /** What a member was given, each with its button to take it back. */
  const givenTo = (m: { userId: string; name: string }) =>
    scopes
      .filter((s) => s.userId === m.userId)
      .map((s) => (
        <RevokeScopeForm
          key={s.id}
          action={revokeScopeAction}
          org={org.slug}
          scopeId={s.id}
          what={describe(s)}
          label={ts("removeLabel", { what: describe(s), name: m.name })}
        />
      ));
  if (org.role !== "owner") {
    // Organizers: the coordinators, what each sees, and what the organizer may give them from their own reach.
    const holders = await listScopeHolders(actor, org.id);
    const tm0 = await getTranslations("members");
    return (
      <>
        <PageTitle lead={tm0("lead")}>{tm0("title")}</PageTitle>
        <Card>
          <ul className="divide-y divide-stone-200">
            {holders.map((m) => (
              <li key={m.userId} className="space-y-1 py-4" data-testid="member-row">
                <p className="font-medium">{m.name}</p>
                <p className="text-sm font-medium">{ts("title")}</p>
                {!scopes.some((s) => s.userId === m.userId) ? <p className="text-sm text-stone-700">{ts("nothing")}</p> : null}
                {givenTo(m)}
                <GiveScopeForm action={giveScopeAction} org={org.slug} userId={m.userId} memberName={m.name} choices={choices} />
              </li>
            ))}
          </ul>
        </Card>
      </>
    );
  }
  const [members, invitations, security] = await Promise.all([listMembers(actor, org.id), listInvitations(actor, org.id), memberSecurity(actor, org.id)]);
  const tam = await getTranslations("account.members");
  const t = await getTranslations("members");
  const ti = await getTranslations("invitations");
  const tr = await getTranslations("roles");
  const tm = await getTranslations("invitationMail");
  const locale = await getLocale();
  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2" title={t("listTitle", { count: members.length })}>
          <ul className="mt-4 divide-y divide-stone-200">
            {members.map((m) => (
              <li key={m.userId} className="flex flex-col gap-3 py-4 sm:flex-row sm:items-start sm:justify-between" data-testid="member-row">
                <div>
                  <p className="font-medium">
                    {m.name}
                    {m.userId === actor.userId ? <span className="ml-2 text-sm text-stone-600">{t("you")}</span> : null}
                  </p>
                  <p className="text-sm text-stone-600">{m.email}</p>
                  <p className="text-sm text-stone-600" data-testid="member-role">
                    {tr(m.role)}
                  </p>
                  <p className="text-sm text-stone-600" data-testid="member-security">
                    {security.members.get(m.userId)?.hasFactor ? tam("hasFactor") : tam("noFactor")} ·{" "}
                    {tam("openSessions", { count: security.members.get(m.userId)?.sessions ?? 0 })}
                  </p>
                  <Link className="text-sm text-brand-700 underline" href={`/dashboard/${org.slug}/access?member=${m.userId}`}>
                    {ta("memberLink", { name: m.name })}
                  </Link>
                  <div className="mt-3 space-y-1" data-testid="member-scopes">
                    <p className="text-sm font-medium">{ts("title")}</p>
                    {m.role === "owner" ? <p className="text-sm text-stone-700">{ts("everything")}</p> : null}
                    {m.role === "organizer" ? <p className="text-sm text-stone-700">{ts("made")}</p> : null}
                    {m.role === "coordinator" && !scopes.some((s) => s.userId === m.userId) ? <p className="text-sm text-stone-700">{ts("nothing")}</p> : null}
                    {givenTo(m)}
                    {m.role !== "owner" ? (
                      <GiveScopeForm action={giveScopeAction} org={org.slug} userId={m.userId} memberName={m.name} choices={choices} />
                    ) : null}
                  </div>
                </div>
                <div className="flex flex-col gap-2 sm:items-end">
                  <ChangeRoleForm action={changeRoleAction} org={org.slug} userId={m.userId} role={m.role} memberName={m.name} />
                  <RemoveMemberForm action={removeMemberAction} org={org.slug} userId={m.userId} memberName={m.name} self={m.userId === actor.userId} />
                  {m.userId !== actor.userId && (security.members.get(m.userId)?.sessions ?? 0) > 0 ? (
                    <ActionForm
                      action={endMemberSessionsAction}
                      hidden={{ org: org.slug, userId: m.userId }}
                      submit={tam("endSessions", { name: m.name })}
                      pending={tam("ending")}
                      variant="secondary"
                    />
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        </Card>
        <div className="space-y-6">
          <Card title={tam("policyTitle")}>
            <p className="mt-1 text-sm text-stone-700" data-testid="second-factor-policy">
              {security.required ? tam("policyOn") : tam("policyOff")}
            </p>
            <div className="mt-3">
              <ActionForm
                action={requireSecondFactorAction}
                hidden={{ org: org.slug, required: security.required ? "off" : "on" }}
                submit={security.required ? tam("policyTurnOff") : tam("policyTurnOn")}
                pending={tam("ending")}
                variant="secondary"
              />
            </div>
          </Card>
          <Card title={ti("create.title")} lead={ti("create.lead", { days: 7 })}>
            <div className="mt-4">
              <CreateInvitationForm action={createInvitationAction} org={org.slug} mailWorks={isSmtpConfigured()} />
            </div>
          </Card>
          <Card title={ti("listTitle")}>
            {invitations.length === 0 ? (
              <p className="mt-2 text-sm text-stone-600">{ti("empty")}</p>
            ) : (
              <ul className="mt-3 divide-y divide-stone-200">
                {invitations.map((inv) => (
                  <li key={inv.id} className="py-3 text-sm">
                    <p className="font-medium">
                      {tr(inv.role)}
                      {inv.note ? <span className="font-normal text-stone-600"> — {inv.note}</span> : null}
                    </p>
                    {inv.email ? (
                      <p className="break-all text-stone-700" data-testid="invitation-email">
                        {tm("invitedAddress", { email: inv.email })}
                      </p>
                    ) : null}
                    <p className="text-stone-600">
                      {ti(`state.${inv.status}`)}
                      {/* Only a link still waiting has an expiry worth reading. */}
                      {inv.status === "pending" ? <> · {ti("expires", { when: formatInstant(locale, inv.expiresAt, "UTC") })}</> : null}
                    </p>
                    {inv.status === "pending" ? (
                      <div className="mt-2">
                        <RevokeInvitationForm action={revokeInvitationAction} org={org.slug} invitationId={inv.id} />
                      </div>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
      </div>
    </>
  );
}
