import { Download } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { filterControl as control } from "@/components/attendees/filters";
import { buttonClass } from "@/components/ui/button";
import { Options } from "@/components/ui/options";
import { ATTENDEE_COLUMNS, CHECKED_IN_CHOICES, STATUS_CHOICES } from "@/lib/attendees/schemas";

/** A plain POST form (an export is a recorded look, never a link): the browser downloads the file, with or without JavaScript. */
export async function ExportForm({
  org,
  scope,
  roles,
  shifts = [],
}: {
  org: string;
  scope: { eventId: string } | { campaignId: string };
  roles: string[];
  /** An event split into shifts: an export can hold one shift's people. */
  shifts?: { id: string; name: string }[];
}) {
  const t = await getTranslations("exports.dashboard");
  const id = "eventId" in scope ? `export-${scope.eventId}` : `export-${scope.campaignId}`;
  const columns = "eventId" in scope ? ATTENDEE_COLUMNS.filter((c) => c !== "event") : ATTENDEE_COLUMNS;
  return (
    <form method="post" action={`/api/orgs/${org}/exports/attendees`} className="space-y-4" data-testid="export-form">
      {"eventId" in scope ? <input type="hidden" name="eventId" value={scope.eventId} /> : <input type="hidden" name="campaignId" value={scope.campaignId} />}
      <fieldset>
        <legend className="text-sm font-medium">{t("form.columns")}</legend>
        <div className="mt-2 grid grid-cols-2 gap-x-4 gap-y-1 sm:grid-cols-3">
          {columns.map((c) => (
            <label key={c} className="flex min-h-11 items-center gap-2 text-sm">
              <input type="checkbox" name="columns" value={c} defaultChecked={c !== "comment"} className="size-5" />
              {t(`columns.${c}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="grid gap-3 sm:grid-cols-2">
        <legend className="mb-1 text-sm font-medium">{t("form.filters")}</legend>
        <div>
          <label htmlFor={`${id}-status`} className="text-sm">
            {t("form.status")}
          </label>
          <select id={`${id}-status`} name="status" defaultValue="confirmed" className={control}>
            <Options values={STATUS_CHOICES} blank={t("form.any")} label={(s) => t(`statuses.${s}`)} />
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-role`} className="text-sm">
            {t("form.role")}
          </label>
          <select id={`${id}-role`} name="role" defaultValue="" className={control}>
            <Options values={roles} blank={t("form.any")} />
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-checkedIn`} className="text-sm">
            {t("form.checkedIn")}
          </label>
          <select id={`${id}-checkedIn`} name="checkedIn" defaultValue="" className={control}>
            <Options values={CHECKED_IN_CHOICES} blank={t("form.any")} label={(c) => t(`form.${c}`)} />
          </select>
        </div>
        {shifts.length ? (
          <div>
            <label htmlFor={`${id}-shift`} className="text-sm">
              {t("form.shift")}
            </label>
            <select id={`${id}-shift`} name="shift" defaultValue="" className={control}>
              <Options values={shifts.map((s) => s.id)} blank={t("form.any")} label={(v) => shifts.find((s) => s.id === v)?.name ?? v} />
            </select>
          </div>
        ) : null}
        <div>
          <label htmlFor={`${id}-q`} className="text-sm">
            {t("form.search")}
          </label>
          <input id={`${id}-q`} name="q" type="search" maxLength={100} className={control} />
        </div>
      </fieldset>
      <div>
        <label className="flex min-h-11 items-center gap-2 text-sm">
          <input type="checkbox" name="bom" value="1" className="size-5" aria-describedby={`${id}-bom-hint`} />
          {t("form.bom")}
        </label>
        <p id={`${id}-bom-hint`} className="text-sm text-stone-600">
          {t("form.bomHint")}
        </p>
      </div>
      <button type="submit" className={buttonClass("primary")}>
        <Download aria-hidden className="size-4" />
        {t("form.download")}
      </button>
    </form>
  );
}
