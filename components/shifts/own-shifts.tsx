import { useLocale, useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormError } from "@/components/ui/form-error";
import type { FormState } from "@/lib/forms";
import type { PublicShift } from "@/lib/shifts/public";
import type { TakenShift } from "@/lib/shifts/places";
import { formatRange } from "@/lib/time/format";
import { ShiftPlaces } from "./shift-choices";

// The private page's shifts: those taken, each with the place in it and a way to drop it, and the others, each
// with a way to take it. Plain posts to app/(public)/s/[token]/[change]/route.ts, which work without JavaScript.

function When({ shift, timeZone }: { shift: Pick<TakenShift, "label" | "startsAt" | "endsAt">; timeZone: string }) {
  const locale = useLocale();
  return (
    <span>
      {shift.label ? <span className="font-medium">{shift.label} · </span> : null}
      <time dateTime={shift.startsAt.toISOString()}>{formatRange(locale, shift.startsAt, shift.endsAt, timeZone)}</time>
    </span>
  );
}

export function OwnShifts({
  taken,
  others,
  timeZone,
  waitlist,
  open,
  dropAction,
  addAction,
  refused,
}: {
  taken: TakenShift[];
  others: PublicShift[];
  timeZone: string;
  /** Whether a full shift takes people on its waitlist. */
  waitlist: boolean;
  /** Whether the sign-up and the event still take changes. */
  open: boolean;
  dropAction: string;
  addAction: string;
  refused?: FormState;
}) {
  const t = useTranslations("signups.manage.shifts");
  return (
    <section aria-labelledby="own-shifts" className="space-y-4" data-testid="own-shifts">
      <h2 id="own-shifts" className="text-lg font-semibold">
        {t("title")}
      </h2>
      {refused ? <FormError state={refused} /> : null}
      <ul className="space-y-3">
        {taken.map((s) => (
          <li key={s.id} className="rounded-md border border-stone-200 p-3" data-testid="own-shift">
            <When shift={s} timeZone={timeZone} />
            <p className="text-sm font-semibold" data-testid="own-shift-place">
              {s.place === "waitlisted" ? t("waitlisted", { position: s.position ?? 1 }) : t(s.place)}
            </p>
            {open && taken.length > 1 ? (
              <details className="mt-2">
                <summary className="min-h-11 cursor-pointer content-center text-sm font-medium text-red-800">{t("drop")}</summary>
                <form method="post" action={dropAction} className="mt-2 space-y-2">
                  <input type="hidden" name="shiftId" value={s.id} />
                  <p className="text-sm text-stone-700">{t("dropExplained")}</p>
                  <SubmitButton variant="danger" pendingLabel={t("dropping")}>
                    {t("dropConfirm")}
                  </SubmitButton>
                </form>
              </details>
            ) : null}
          </li>
        ))}
      </ul>
      {open && others.length ? (
        <>
          <h3 className="font-semibold">{t("others")}</h3>
          <ul className="space-y-3">
            {others.map((s) => {
              const room = s.placesLeft !== 0;
              return (
                <li key={s.id} className="rounded-md border border-stone-200 p-3" data-testid="other-shift">
                  <When shift={s} timeZone={timeZone} />
                  <p className="text-sm">
                    <ShiftPlaces shift={s} waitlist={waitlist} />
                  </p>
                  {room || waitlist ? (
                    <form method="post" action={addAction} className="mt-2">
                      <input type="hidden" name="shiftId" value={s.id} />
                      <SubmitButton variant="secondary" pendingLabel={t("adding")}>
                        {room ? t("add") : t("addWaitlist")}
                      </SubmitButton>
                    </form>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
    </section>
  );
}
