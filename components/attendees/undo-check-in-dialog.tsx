"use client";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { buttonClass } from "@/components/ui/button";
import type { DoorRow } from "./check-in-row";

/** Undoing a check-in asks first: a tap on a checked-in name is more often a slip than a mistake found. */
export function UndoCheckInDialog({ row, onClose, onConfirm }: { row: DoorRow | null; onClose: () => void; onConfirm: (row: DoorRow) => void }) {
  const t = useTranslations("attendees.dashboard.checkIn");
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (row && !d.open) d.showModal();
    if (!row && d.open) d.close();
  }, [row]);
  const backToWaitlist = row !== null && row.outsideCapacity && !row.walkIn;
  return (
    <dialog
      ref={dialog}
      onClose={onClose}
      aria-labelledby="undo-check-in-title"
      className="m-auto w-[calc(100%-2rem)] max-w-md rounded-lg p-0 backdrop:bg-stone-900/50"
    >
      {row ? (
        <div className="p-5">
          <h2 id="undo-check-in-title" className="text-lg font-semibold [overflow-wrap:anywhere]">
            {t("undoTitle", { name: row.name })}
          </h2>
          <p className="mt-2 text-sm text-stone-700">{t(backToWaitlist ? "undoBodyWaitlist" : "undoBody")}</p>
          <div className="mt-5 flex flex-wrap justify-end gap-2">
            <button type="button" className={buttonClass("secondary")} onClick={onClose} autoFocus>
              {t("undoKeep")}
            </button>
            <button type="button" className={buttonClass("danger")} onClick={() => onConfirm(row)}>
              {t("undoConfirm")}
            </button>
          </div>
        </div>
      ) : null}
    </dialog>
  );
}
