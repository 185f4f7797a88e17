import { getTranslations } from "next-intl/server";
import { AttendeePage } from "@/components/attendees/attendee-page";
import { loadEventPage } from "@/lib/orgs/page-guard";
import { decideSignupAction } from "./actions";

type Props = { params: Promise<{ org: string; campaign: string; event: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata = { robots: { index: false } };

export default async function EventAttendeesPage({ params, searchParams }: Props) {
  const { org: o, campaign: c, event: e } = await params;
  const base = `/dashboard/${o}/campaigns/${c}/events/${e}/attendees`;
  const { actor, campaign, event } = await loadEventPage(o, c, e, "coordinator", base, { attendees: true });
  const t = await getTranslations("attendees.dashboard");
  return (
    <AttendeePage
      actor={actor}
      scope={{ eventId: event.id }}
      base={base}
      searchParams={await searchParams}
      title={t("eventTitle", { event: event.title })}
      lead={campaign.title}
      checkInPath={`/dashboard/${o}/campaigns/${c}/events/${e}/check-in`}
      exportPath={`/dashboard/${o}/campaigns/${c}/events/${e}#export`}
      sheetPath={`/dashboard/${o}/campaigns/${c}/events/${e}/sheet`}
      decide={{ action: decideSignupAction, org: o }}
    />
  );
}
