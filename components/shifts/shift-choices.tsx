import { useLocale, useTranslations } from "next-intl";
import type { PublicShift } from "@/lib/shifts/public";
import { formatRange, zoneCity } from "@/lib/time/format";

// An event's shifts as the public see them: when (at the place, its zone named), what they are called, and the
// places left. In the sign-up form each has a box to tick (a plain form: it works without JavaScript).

export function ShiftPlaces({ shift, waitlist }: { shift: PublicShift; waitlist: boolean }) {
  const t = useTranslations("public.event");
  const ts = useTranslations("signups.shifts");
  if (shift.placesLeft === null) return <span className="text-stone-600">{ts("noLimit")}</span>;
  if (shift.placesLeft === 0) return <span className="font-medium text-amber-800">{waitlist ? t("fullWaitlist") : ts("fullShort")}</span>;
  return <span className="font-medium text-green-800">{t("placesLeft", { count: shift.placesLeft })}</span>;
}

function ShiftWhen({ shift, timeZone }: { shift: PublicShift; timeZone: string }) {
  const locale = useLocale();
  return (
    <>
      {shift.label ? <span className="font-medium">{shift.label} · </span> : null}
      <time dateTime={shift.startsAt.toISOString()}>{formatRange(locale, shift.startsAt, shift.endsAt, timeZone)}</time>
    </>
  );
}

/** The shifts with their places, for a page that offers no choice (sign-ups closed, or the private page). */
export function ShiftList({ shifts, timeZone, waitlist }: { shifts: PublicShift[]; timeZone: string; waitlist: boolean }) {
  return (
    <ul className="space-y-1 text-sm" data-testid="shifts">
      {shifts.map((s) => (
        <li key={s.id}>
          <ShiftWhen shift={s} timeZone={timeZone} /> — <ShiftPlaces shift={s} waitlist={waitlist} />
        </li>
      ))}
    </ul>
  );
}

/** The sign-up form's shifts: one box each, at least one to tick; a full one is offered only for its waitlist. */
export function ShiftChoices({
  shifts,
  timeZone,
  chosen,
  error,
  waitlist,
}: {
  shifts: PublicShift[];
  timeZone: string;
  chosen: string[];
  error?: string;
  /** Whether a full shift takes people on its waitlist. */
  waitlist: boolean;
}) {
  const t = useTranslations("signups.shifts");
  const tp = useTranslations("public.event");
  return (
    <fieldset className="space-y-2" aria-describedby={error ? "shifts-hint shifts-error" : "shifts-hint"} data-testid="shift-choices">
      <legend className="font-medium">{t("legend")}</legend>
      <p id="shifts-hint" className="text-sm text-stone-600">
        {t("hint", { zone: tp("localTime", { city: zoneCity(timeZone) }) })}
      </p>
      {error ? (
        <p id="shifts-error" className="text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
      <ul className="space-y-2">
        {shifts.map((s) => {
          const offered = s.placesLeft !== 0 || waitlist;
          return (
            <li key={s.id}>
              <label className={`flex min-h-11 items-start gap-3 rounded-md border border-stone-200 p-2 ${offered ? "" : "text-stone-500"}`}>
                <input
                  type="checkbox"
                  name="shift"
                  value={s.id}
                  disabled={!offered}
                  defaultChecked={offered && chosen.includes(s.id)}
                  className="mt-1 size-5 accent-brand-700"
                />
                <span>
                  <ShiftWhen shift={s} timeZone={timeZone} />
                  <br />
                  <span className="text-sm">{s.placesLeft === 0 && waitlist ? t("waitlistOnly") : <ShiftPlaces shift={s} waitlist={waitlist} />}</span>
                </span>
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
