import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import type { DashboardShift } from "@/lib/shifts/shifts";
import { formatRange, zoneCity } from "@/lib/time/format";
import { instantToZonedLocal } from "@/lib/time/zones";
import { addShiftAction, removeShiftAction, updateShiftAction } from "@/app/dashboard/[org]/campaigns/shift-actions";
import { RemoveShiftForm, ShiftForm } from "./shift-forms";

/**
 * The event's shifts on its dashboard page: each with its places taken / places and its waitlist, and the way to
 * the people in it; organizers add, change and remove them (coordinators only read).
 */
export async function ShiftsPanel({
  org,
  campaign,
  event,
  shifts,
  canEdit,
}: {
  org: string;
  campaign: string;
  event: { id: string; slug: string; startsAt: Date; endsAt: Date; timeZone: string };
  shifts: DashboardShift[];
  canEdit: boolean;
}) {
  const t = await getTranslations("editor.shifts");
  const tp = await getTranslations("public.event");
  const locale = await getLocale();
  const zone = event.timeZone;
  const local = (d: Date) => instantToZonedLocal(d, zone);
  const attendees = `/dashboard/${org}/campaigns/${campaign}/events/${event.slug}/attendees`;
  if (!canEdit && shifts.length === 0) return null;
  return (
    <Card title={t("title")}>
      <div className="space-y-4" data-testid="shifts-panel">
        <p className="text-sm text-stone-700">{t("lead", { zone: tp("localTime", { city: zoneCity(zone) }) })}</p>
        {shifts.length === 0 ? <p className="text-sm text-stone-600">{t("capacityNote")}</p> : null}
        <ul className="divide-y divide-stone-200">
          {shifts.map((s) => {
            const when = formatRange(locale, s.startsAt, s.endsAt, zone);
            return (
              <li key={s.id} className="space-y-2 py-3" data-testid="shift-row">
                <p>
                  {s.label ? <span className="font-semibold">{s.label} · </span> : null}
                  <time dateTime={s.startsAt.toISOString()}>{when}</time>
                </p>
                <p className="text-sm" data-testid="shift-filled">
                  {s.capacity === null
                    ? t("filledNoLimit", { confirmed: s.confirmedCount })
                    : t("filled", { confirmed: s.confirmedCount, capacity: s.capacity })}
                  {s.waitlistedCount ? ` · ${t("waitlisted", { count: s.waitlistedCount })}` : null}
                  {" · "}
                  <Link href={`${attendees}?shift=${s.id}`} className="text-brand-700 underline">
                    {t("attendees")}
                  </Link>
                </p>
                {canEdit ? (
                  <details>
                    <summary className="min-h-11 cursor-pointer content-center text-sm font-medium text-brand-700">{t("edit")}</summary>
                    <div className="mt-2 space-y-3">
                      <ShiftForm
                        action={updateShiftAction}
                        hidden={{ org, campaign, shiftId: s.id }}
                        prefix={`shift-${s.id.slice(0, 8)}-`}
                        values={{ startsLocal: local(s.startsAt), endsLocal: local(s.endsAt), label: s.label, capacity: s.capacity?.toString() ?? "" }}
                        min={local(event.startsAt)}
                        max={local(event.endsAt)}
                        editing
                      />
                      <RemoveShiftForm action={removeShiftAction} hidden={{ org, campaign, shiftId: s.id }} when={when} />
                    </div>
                  </details>
                ) : null}
              </li>
            );
          })}
        </ul>
        {shifts.length === 0 ? <p className="text-sm text-stone-600">{t("empty")}</p> : null}
        {canEdit ? <h3 className="border-t border-stone-200 pt-4 font-semibold">{t("add")}</h3> : null}
        {canEdit ? (
          <ShiftForm
            action={addShiftAction}
            hidden={{ org, campaign, eventId: event.id }}
            prefix="new-shift-"
            values={{ startsLocal: "", endsLocal: "", label: "", capacity: "" }}
            min={local(event.startsAt)}
            max={local(event.endsAt)}
            editing={false}
          />
        ) : null}
      </div>
    </Card>
  );
}
