import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import type { Actor } from "@/lib/auth/actor";
import { countryName } from "@/lib/geo/countries";
import { listProposals } from "@/lib/hosts/proposals";
import { formatRange } from "@/lib/time/format";

/** Events supporters proposed and confirmed, waiting for an organizer's decision, soonest first. */
export async function ProposalsPanel({ actor, base, campaignId }: { actor: Actor; base: string; campaignId: string }) {
  const t = await getTranslations("hosts.dashboard");
  const locale = await getLocale();
  const proposals = await listProposals(actor, campaignId);
  return (
    <Card title={t("title")} lead={t("lead")}>
      {proposals.length === 0 ? (
        <p className="text-sm text-stone-600">{t("empty")}</p>
      ) : (
        <ul className="divide-y divide-stone-200" data-testid="proposals">
          {proposals.map((p) => (
            <li key={p.id} className="py-3">
              <Link href={`${base}/proposals/${p.id}`} className="font-semibold text-brand-700 underline underline-offset-2">
                {p.title}
              </Link>
              <p className="text-sm text-stone-700">
                {[p.city, countryName(p.country, locale)].filter(Boolean).join(", ")} · {formatRange(locale, p.startsAt, p.endsAt, p.timeZone)}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
