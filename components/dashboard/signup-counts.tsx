import { useTranslations } from "next-intl";

/** "12 confirmed · 3 waitlisted · 20 places", with a bar when there is a limit. */
export function SignupCounts({
  confirmed,
  waitlisted,
  capacity,
  bar = false,
}: {
  confirmed: number;
  waitlisted: number;
  capacity: number | null;
  bar?: boolean;
}) {
  const t = useTranslations("campaigns.dashboard.counts");
  const full = capacity !== null && confirmed >= capacity;
  const parts = [
    t("confirmed", { count: confirmed }),
    t("waitlisted", { count: waitlisted }),
    capacity === null ? t("noLimit") : t("places", { count: capacity }),
  ];
  return (
    <div data-testid="signup-counts">
      <p className="text-sm text-stone-800">
        {parts.join(" · ")}
        {full ? <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900">{t("full")}</span> : null}
      </p>
      {bar && capacity !== null ? (
        <div className="mt-1 h-1.5 w-full max-w-48 overflow-hidden rounded-full bg-stone-200" aria-hidden>
          <div
            className={`h-full ${full ? "bg-amber-600" : "bg-brand-600"}`}
            style={{ width: `${Math.min(100, Math.round((confirmed / capacity) * 100))}%` }}
          />
        </div>
      ) : null}
    </div>
  );
}
