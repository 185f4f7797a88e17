import { getTranslations } from "next-intl/server";
import { filterControl as control } from "@/components/attendees/filters";
import { Options } from "@/components/ui/options";

/** The check-in of an event split into shifts: the door of one shift, or of all (a plain GET form). */
export async function ShiftDoor({ shifts, shift }: { shifts: { id: string; name: string }[]; shift: string }) {
  const t = await getTranslations("attendees.dashboard.filters");
  return (
    <form method="get" className="flex flex-wrap items-end gap-2" data-testid="shift-door">
      <div className="grow">
        <label htmlFor="shift" className="text-sm font-medium">
          {t("shift")}
        </label>
        <select id="shift" name="shift" defaultValue={shift} className={control}>
          <Options values={shifts.map((s) => s.id)} blank={t("any")} label={(id) => shifts.find((s) => s.id === id)?.name ?? id} />
        </select>
      </div>
      <button type="submit" className="min-h-11 rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white">
        {t("apply")}
      </button>
    </form>
  );
}
