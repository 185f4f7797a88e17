import { COUNTRY_CODES, countryName, suggestTimeZone } from "@/lib/geo/countries";
import { allTimeZones } from "@/lib/time/zones";

// Node's ICU lists some zones by their pre-2020 names; the suggestions (and tzdata) use today's.
const RENAMED: Record<string, string> = {
  "America/Buenos_Aires": "America/Argentina/Buenos_Aires",
  "America/Catamarca": "America/Argentina/Catamarca",
  "America/Cordoba": "America/Argentina/Cordoba",
  "America/Jujuy": "America/Argentina/Jujuy",
  "America/Mendoza": "America/Argentina/Mendoza",
  "America/Godthab": "America/Nuuk",
  "America/Indianapolis": "America/Indiana/Indianapolis",
  "America/Louisville": "America/Kentucky/Louisville",
  "Asia/Calcutta": "Asia/Kolkata",
  "Asia/Katmandu": "Asia/Kathmandu",
  "Asia/Rangoon": "Asia/Yangon",
  "Asia/Saigon": "Asia/Ho_Chi_Minh",
  "Atlantic/Faeroe": "Atlantic/Faroe",
  "Europe/Kiev": "Europe/Kyiv",
  "Pacific/Enderbury": "Pacific/Kanton",
  "Pacific/Ponape": "Pacific/Pohnpei",
  "Pacific/Truk": "Pacific/Chuuk",
};

/** Every zone to offer, in today's names, plus the one already chosen (computed on the server: one list for server and browser). */
export function zoneOptions(current?: string | null): string[] {
  const zones = new Set(allTimeZones().map((z) => RENAMED[z] ?? z));
  for (const code of COUNTRY_CODES) {
    const suggested = suggestTimeZone(code);
    if (suggested) zones.add(suggested);
  }
  zones.add("UTC");
  if (current) zones.add(current);
  return [...zones].sort();
}

export interface CountryOption {
  code: string;
  name: string;
}

/** Countries by their name in the reader's language. */
export function countryOptions(locale: string): CountryOption[] {
  const collator = new Intl.Collator(locale);
  return COUNTRY_CODES.map((code) => ({ code, name: countryName(code, locale) })).sort((a, b) => collator.compare(a.name, b.name));
}
