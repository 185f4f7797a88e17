import type { ComponentProps } from "react";
import { SelectField } from "@/components/ui/field";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/config";

/** The languages Picket speaks, each named in itself: what a campaign, an event or an invitation is written in. */
export function LanguageSelect(props: Omit<ComponentProps<typeof SelectField>, "children">) {
  return (
    <SelectField required {...props}>
      {LOCALES.map((l) => (
        <option key={l} value={l} lang={l}>
          {LOCALE_NAMES[l]}
        </option>
      ))}
    </SelectField>
  );
}
