import { getTranslations } from "next-intl/server";
import { ConfirmDeleteForm } from "@/components/trials/confirm-delete-form";
import { Card } from "@/components/ui/card";
import type { FormAction } from "@/lib/forms";
import type { PartnerView } from "@/lib/orgs/partners";
import { PartnerInviteForm } from "./partners";

/**
 * A campaign's coalition, on its dashboard page. For the lead: its partners with their events' counts (never their
 * people), a link to invite one, and removing one (owners). For a partner: who leads it, and leaving (owners).
 */
export async function PartnersCard({
  org,
  campaign,
  partners,
  ledBy,
  owner,
  invite,
  remove,
}: {
  org: { id: string; slug: string };
  campaign: { id: string; slug: string; title: string };
  partners: PartnerView[];
  /** The lead's name when this organisation is a partner. */
  ledBy: string | null;
  owner: boolean;
  invite: FormAction;
  remove: FormAction;
}) {
  const t = await getTranslations("partners");
  const fields = (partnerOrgId: string, leaving: boolean) => ({
    org: org.slug,
    campaign: campaign.slug,
    campaignId: campaign.id,
    partnerOrgId,
    ...(leaving ? { leaving: "1" } : {}),
  });
  return (
    <Card title={t("title")} lead={ledBy ? t("partnerLead", { lead: ledBy }) : t("leadLead")} id="partners">
      {partners.length ? (
        <ul className="mt-3 divide-y divide-stone-200 text-sm" data-testid="partners">
          {partners.map((p) => (
            <li key={p.orgId} className="flex flex-col gap-2 py-2 sm:flex-row sm:items-center sm:justify-between">
              <div>
                <p className="font-medium">{p.name}</p>
                <p className="text-stone-600">{t("counts", { events: p.events, confirmed: p.confirmed, waitlisted: p.waitlisted })}</p>
              </div>
              {owner && (!ledBy || p.orgId === org.id) ? (
                <ConfirmDeleteForm
                  id={`remove-partner-${p.orgId}`}
                  action={remove}
                  fields={fields(p.orgId, ledBy !== null)}
                  label={ledBy ? t("leave") : t("remove", { name: p.name })}
                  title={ledBy ? t("leaveTitle", { campaign: campaign.title }) : t("removeTitle", { name: p.name })}
                  body={t("removeBody", { name: p.name })}
                  confirmLabel={ledBy ? t("leaveConfirm") : t("removeConfirm")}
                  cancelLabel={t("keep")}
                />
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-3 text-sm text-stone-600">{t("none")}</p>
      )}
      {owner && !ledBy ? (
        <div className="mt-4 border-t border-stone-200 pt-4">
          <p className="mb-2 text-sm text-stone-700">{t("inviteExplained")}</p>
          <PartnerInviteForm action={invite} org={org.slug} campaignId={campaign.id} />
        </div>
      ) : null}
    </Card>
  );
}
