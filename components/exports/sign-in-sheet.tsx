"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { showSignInSheetAction, type SheetState } from "@/app/dashboard/[org]/campaigns/[campaign]/events/[event]/sheet/actions";
import { PrintButton } from "@/components/exports/print-button";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/forms";
import { FormError } from "@/components/ui/form-error";

/**
 * The sheet's names appear only when asked for with the button (a POST, recorded in the export log), with or
 * without JavaScript: opening or reloading the page shows none.
 */
export function SignInSheet({ org, eventId }: { org: string; eventId: string }) {
  const t = useTranslations("exports.dashboard.sheet");
  const [state, formAction] = useActionState<SheetState, FormData>(showSignInSheetAction, idle);
  if (state.status !== "shown") {
    return (
      <form action={formAction} data-screen-only className="space-y-3 rounded-md border border-stone-300 p-4">
        <FormError state={state} />
        <input type="hidden" name="org" value={org} />
        <input type="hidden" name="eventId" value={eventId} />
        <p className="text-sm text-stone-700">{t("showLead")}</p>
        <SubmitButton pendingLabel={t("showing")}>{t("show")}</SubmitButton>
      </form>
    );
  }
  const { rows } = state;
  return (
    <>
      <div data-screen-only className="mb-4">
        <PrintButton label={t("print")} />
      </div>
      <p className="mb-3 text-sm" data-testid="sheet-count">
        {t("count", { count: rows.length })}
      </p>
      {rows.length === 0 ? (
        <p className="rounded border border-dashed border-stone-400 p-6 text-center">{t("empty")}</p>
      ) : (
        <table className="w-full table-fixed border-collapse text-sm sm:text-base print:text-base">
          <thead>
            {/* On a phone the headings are smaller and the role and signature columns wider, so no word breaks. */}
            <tr className="text-left text-xs sm:text-base">
              <th scope="col" className="w-8 border border-stone-700 px-1 py-1 sm:w-9 sm:px-2">
                #
              </th>
              <th scope="col" className="border border-stone-700 px-1.5 py-1 sm:px-2">
                {t("name")}
              </th>
              <th scope="col" className="w-[28%] border border-stone-700 px-1.5 py-1 sm:w-1/5 sm:px-2">
                {t("role")}
              </th>
              <th scope="col" className="w-[26%] border border-stone-700 px-1.5 py-1 sm:w-2/5 sm:px-2">
                {t("signature")}
              </th>
            </tr>
          </thead>
          <tbody data-testid="sheet-rows">
            {rows.map((r, i) => (
              <tr key={r.id}>
                <td className="border border-stone-700 px-1 py-3 text-right tabular-nums sm:px-2">{i + 1}</td>
                <td className="border border-stone-700 px-1.5 py-3 font-medium sm:px-2">{r.name}</td>
                <td className="border border-stone-700 px-1.5 py-3 sm:px-2">{r.role}</td>
                <td className="border border-stone-700 px-1.5 py-3 sm:px-2" />
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="mt-4 text-xs text-stone-700">{t("notice")}</p>
    </>
  );
}
