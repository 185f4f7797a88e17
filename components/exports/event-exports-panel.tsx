import { Printer } from "lucide-react";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { attendeeCounts } from "@/lib/attendees/attendees";
import type { Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { ExportForm } from "./export-form";
import { shiftChoices } from "@/lib/shifts/shifts";

/** CSV export (and, for one event, the printable sign-in sheet) on the event and campaign pages. */
export async function EventExportsPanel({
  actor,
  org,
  campaign,
  event,
}: {
  actor: Actor;
  org: string;
  campaign: { id: string; slug: string };
  event?: { id: string; slug: string };
}) {
  const t = await getTranslations("exports.dashboard.panel");
  const scope = event ? { eventId: event.id } : { campaignId: campaign.id };
  // The roles people actually chose, and the permission check again: this panel is only for those who may export.
  // Out of the member's reach (lib/orgs/scopes.ts) there is nothing to export: no panel.
  const counts = await attendeeCounts(actor, scope).catch((e: unknown) => {
    if (e instanceof NotFoundError) return null;
    throw e;
  });
  if (!counts) return null;
  const { roles } = counts;
  const shifts = event ? await shiftChoices(actor, event.id, await getLocale()) : [];
  return (
    <Card>
      <h2 id="export" className="scroll-mt-4 text-lg font-semibold">
        {event ? t("title") : t("campaignTitle")}
      </h2>
      <p className="mb-4 mt-1 text-sm text-stone-700">{t("lead")}</p>
      <ExportForm org={org} scope={scope} roles={roles} shifts={shifts} />
      {event ? (
        <p className="mt-4 border-t border-stone-200 pt-4">
          <Link
            prefetch={false}
            href={`/dashboard/${org}/campaigns/${campaign.slug}/events/${event.slug}/sheet`}
            className="inline-flex min-h-11 items-center gap-2 text-sm font-medium text-brand-700 underline underline-offset-2"
          >
            <Printer aria-hidden className="size-4" />
            {t("sheet")}
          </Link>
        </p>
      ) : null}
    </Card>
  );
}
