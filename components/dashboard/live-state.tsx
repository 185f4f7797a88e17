"use client";
import { useTranslations } from "next-intl";

/** A quiet "live" marker; says so when refreshing fails (the last counts stay on screen). */
export function LiveState({ isError, lostAccess }: { isError: boolean; lostAccess?: boolean }) {
  const t = useTranslations("campaigns.dashboard.live");
  if (lostAccess) return <p className="text-sm font-medium text-red-700">{t("lostAccess")}</p>;
  return (
    <p className="flex items-center gap-2 text-sm text-stone-600" data-testid="live-state">
      <span aria-hidden className={`inline-block size-2 rounded-full ${isError ? "bg-amber-500" : "bg-green-600"}`} />
      {isError ? t("failing") : t("live")}
    </p>
  );
}
