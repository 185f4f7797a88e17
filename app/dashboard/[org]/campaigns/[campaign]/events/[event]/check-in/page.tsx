import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { CheckIn } from "@/components/attendees/check-in";
import { ShiftDoor } from "@/components/shifts/shift-door";
import { shiftChoices } from "@/lib/shifts/shifts";
import { loadEventPage } from "@/lib/orgs/page-guard";
import { formatRange, zoneCity } from "@/lib/time/format";

type Props = { params: Promise<{ org: string; campaign: string; event: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata = { robots: { index: false } };

export default async function CheckInPage({ params, searchParams }: Props) {
  const { org: o, campaign: c, event: e } = await params;
  const { actor, event } = await loadEventPage(o, c, e, "coordinator", `/dashboard/${o}/campaigns/${c}/events/${e}/check-in`, { attendees: true });
  const t = await getTranslations("attendees.dashboard");
  const locale = await getLocale();
  const shifts = await shiftChoices(actor, event.id, locale);
  const asked = (await searchParams).shift;
  const shift = shifts.find((s) => s.id === asked)?.id ?? "";
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <header>
        <Link href={`/dashboard/${o}/campaigns/${c}/events/${e}/attendees`} className="text-sm text-brand-700 underline">
          {t("backToList")}
        </Link>
        <h1 className="mt-1 text-2xl font-bold">{t("checkInTitle", { event: event.title })}</h1>
        <p className="text-sm text-stone-700">
          {formatRange(locale, event.startsAt, event.endsAt, event.timeZone)} — {t("localTime", { city: zoneCity(event.timeZone) })}
        </p>
      </header>
      {shifts.length ? <ShiftDoor shifts={shifts} shift={shift} /> : null}
      <CheckIn key={shift} org={o} eventId={event.id} shift={shift} />
    </div>
  );
}
