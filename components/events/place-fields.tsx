"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { SelectField } from "@/components/ui/field";
import { suggestTimeZone } from "@/lib/geo/countries";
import { zoneCity } from "@/lib/time/zones";
import type { CountryOption } from "./zone-options";

/**
 * Country and time zone that move together: choosing a country sets its usual zone,
 * unless the zone was chosen by hand (it no longer matches the old country's suggestion).
 */
export function useCountryZone(initialCountry: string, initialZone: string) {
  const [country, setCountryState] = useState(initialCountry);
  const [zone, setZone] = useState(initialZone);
  const setCountry = (next: string) => {
    if (!zone || zone === suggestTimeZone(country)) {
      const suggested = suggestTimeZone(next);
      if (suggested) setZone(suggested);
    }
    setCountryState(next);
  };
  return { country, setCountry, zone, setZone };
}

export function CountrySelect({
  name,
  value,
  onChange,
  countries,
  error,
}: {
  name: string;
  value: string;
  onChange: (code: string) => void;
  countries: CountryOption[];
  error?: string;
}) {
  const t = useTranslations("editor.place");
  return (
    <SelectField
      name={name}
      required
      label={t("country")}
      hint={t("countryHint")}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error}
      autoComplete="off"
    >
      <option value="">{t("chooseCountry")}</option>
      {countries.map((c) => (
        <option key={c.code} value={c.code}>
          {c.name}
        </option>
      ))}
    </SelectField>
  );
}

/** Zones grouped by region ("Europe", "Asia", …), each shown by its place name. */
export function ZoneSelect({
  name,
  value,
  onChange,
  zones,
  error,
  hint,
}: {
  name: string;
  value: string;
  onChange: (zone: string) => void;
  zones: string[];
  error?: string;
  hint?: string;
}) {
  const t = useTranslations("editor.place");
  const groups = new Map<string, string[]>();
  for (const z of zones) {
    const region = z.includes("/") ? z.slice(0, z.indexOf("/")) : "";
    groups.set(region, [...(groups.get(region) ?? []), z]);
  }
  return (
    <SelectField
      name={name}
      required
      label={t("timeZone")}
      hint={hint ?? t("timeZoneHint")}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error}
    >
      <option value="">{t("chooseTimeZone")}</option>
      {[...groups.entries()].map(([region, list]) =>
        region ? (
          <optgroup key={region} label={region}>
            {list.map((z) => (
              <option key={z} value={z}>
                {z
                  .slice(region.length + 1)
                  .replace(/_/g, " ")
                  .replace(/\//g, " / ")}
              </option>
            ))}
          </optgroup>
        ) : (
          list.map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))
        ),
      )}
    </SelectField>
  );
}

/** "Times are local to the place: London time (Europe/London)." */
export function LocalTimeNote({ zone }: { zone: string }) {
  const t = useTranslations("editor.place");
  return (
    <p className="rounded-md bg-sky-50 px-3 py-2 text-sm text-sky-900" data-testid="local-time-note" aria-live="polite">
      {zone ? t("localNote", { city: zoneCity(zone), zone }) : t("localNoteNoZone")}
    </p>
  );
}
