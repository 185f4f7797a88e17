"use client";
import { Check, Clock } from "lucide-react";
import { useTranslations } from "next-intl";

export interface DoorRow {
  id: string;
  name: string;
  email: string | null;
  role: string | null;
  status: "confirmed" | "waitlisted" | "cancelled";
  walkIn: boolean;
  outsideCapacity: boolean;
  checkedInAt: string | null;
}

// The row and the mark at its start, coloured by the state: checked in, waitlisted, or neither.
const ROW = "flex min-h-16 w-full items-start gap-3 rounded-lg border px-4 py-3 text-left transition-colors";
const ROW_STATE = { checked: "border-green-600 bg-green-50", waitlisted: "border-amber-400 bg-amber-50", open: "border-stone-300 bg-white hover:bg-stone-50" };
const MARK = "mt-0.5 flex size-8 shrink-0 items-center justify-center rounded-full border-2";
const MARK_STATE = { checked: "border-green-700 bg-green-700 text-white", waitlisted: "border-amber-600 text-amber-700", open: "border-stone-400" };

/**
 * One person at the door: the name in full (it wraps, never cut), what else is known under it, and the state
 * in words under that; the mark at the start says the same at a glance.
 */
export function CheckInRow({ row, saving, onTap }: { row: DoorRow; saving: boolean; onTap: () => void }) {
  const t = useTranslations("attendees.dashboard.checkIn");
  const checked = row.checkedInAt !== null;
  const waitlisted = row.status === "waitlisted";
  const state = checked ? "checked" : waitlisted ? "waitlisted" : "open";
  const details = [row.role, row.walkIn ? t("walkIn") : null, row.email].filter(Boolean).join(" · ");
  return (
    <button type="button" aria-pressed={checked} data-testid="check-in-row" data-status={row.status} onClick={onTap} className={`${ROW} ${ROW_STATE[state]}`}>
      <span className={`${MARK} ${MARK_STATE[state]}`}>
        {checked ? <Check aria-hidden className="size-5" /> : waitlisted ? <Clock aria-hidden className="size-4" /> : null}
      </span>
      <span className="min-w-0 flex-1">
        <span className="block text-lg font-medium leading-snug [overflow-wrap:anywhere]" data-testid="check-in-name">
          {row.name}
        </span>
        {details ? <span className="block text-sm text-stone-600 [overflow-wrap:anywhere]">{details}</span> : null}
        {waitlisted ? <span className="mt-1 block text-sm font-medium text-amber-900">{t("waitlisted")}</span> : null}
        {!waitlisted && row.outsideCapacity && !row.walkIn ? <span className="mt-1 block text-sm text-stone-700">{t("confirmedAtDoor")}</span> : null}
        <span className="mt-1 block text-sm font-medium" data-testid="check-in-state">
          {saving ? (
            <span className="text-amber-800">{t("notSaved")}</span>
          ) : checked ? (
            <span className="text-green-800">{t("checkedIn")}</span>
          ) : (
            <span className="text-stone-600">{t("tapToCheckIn")}</span>
          )}
        </span>
      </span>
    </button>
  );
}
