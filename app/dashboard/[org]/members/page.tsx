import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { formatInstant } from "@/lib/time/format";
import { CreateInvitationForm, RevokeInvitationForm } from "@/components/orgs/invitation-forms";
import { ChangeRoleForm, RemoveMemberForm } from "@/components/orgs/member-forms";
import { Card, PageTitle } from "@/components/ui/card";
import { listInvitations } from "@/lib/orgs/invitations";
import { listMembers } from "@/lib/orgs/members";
import { loadOrganisationPage } from "@/lib/orgs/page-guard";
import { ActionForm } from "@/components/account/action-form";
import { memberSecurity } from "@/lib/accounts/policy";
import { changeRoleAction, createInvitationAction, endMemberSessionsAction, removeMemberAction, requireSecondFactorAction, revokeInvitationAction } from "../../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("members"))("title") };
}


export default async function MembersPage({ params }: { params: Promise<{ org: string }> }) {
  const { org: slug } = await params;
  const { actor, org } = await loadOrganisationPage(slug, "owner", `/dashboard/${slug}/members`);
  const [members, invitations, security] = await Promise.all([listMembers(actor, org.id), listInvitations(actor, org.id), memberSecurity(actor, org.id)]);
  const ta = await getTranslations("account.members");
  const t = await getTranslations("members");
  const ti = await getTranslations("invitations");
  const tr = await getTranslations("roles");
  const tm = await getTranslations("invitationMail");
  const locale = await getLocale();
  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <h2 className="text-lg font-semibold">{t("listTitle", { count: members.length })}</h2>
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
                    {security.members.get(m.userId)?.hasFactor ? ta("hasFactor") : ta("noFactor")} · {ta("openSessions", { count: security.members.get(m.userId)?.sessions ?? 0 })}
                  </p>
                </div>
                <div className="flex flex-col gap-2 sm:items-end">
                  <ChangeRoleForm action={changeRoleAction} org={org.slug} userId={m.userId} role={m.role} memberName={m.name} />
                  <RemoveMemberForm action={removeMemberAction} org={org.slug} userId={m.userId} memberName={m.name} self={m.userId === actor.userId} />
                  {m.userId !== actor.userId && (security.members.get(m.userId)?.sessions ?? 0) > 0 ? (
                    <ActionForm action={endMemberSessionsAction} hidden={{ org: org.slug, userId: m.userId }} submit={ta("endSessions", { name: m.name })} pending={ta("ending")} variant="secondary" />
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        </Card>
        <div className="space-y-6">
          <Card>
            <h2 className="text-lg font-semibold">{ta("policyTitle")}</h2>
            <p className="mt-1 text-sm text-stone-700" data-testid="second-factor-policy">
              {security.required ? ta("policyOn") : ta("policyOff")}
            </p>
            <div className="mt-3">
              <ActionForm
                action={requireSecondFactorAction}
                hidden={{ org: org.slug, required: security.required ? "off" : "on" }}
                submit={security.required ? ta("policyTurnOff") : ta("policyTurnOn")}
                pending={ta("ending")}
                variant="secondary"
              />
            </div>
          </Card>
          <Card>
            <h2 className="text-lg font-semibold">{ti("create.title")}</h2>
            <p className="mt-1 text-sm text-stone-700">{ti("create.lead", { days: 7 })}</p>
            <div className="mt-4">
              <CreateInvitationForm action={createInvitationAction} org={org.slug} />
            </div>
          </Card>
          <Card>
            <h2 className="text-lg font-semibold">{ti("listTitle")}</h2>
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
                        {tm("sentTo", { email: inv.email })}
                      </p>
                    ) : null}
                    <p className="text-stone-600">
                      {ti(`state.${inv.status}`)} · {ti("expires", { when: formatInstant(locale, inv.expiresAt, "UTC") })}
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
