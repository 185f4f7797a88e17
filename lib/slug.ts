// Slugs for public addresses: lower-case Latin letters, digits and single hyphens.
// Cyrillic (Russian, Kazakh) is transliterated so a campaign titled in Russian still gets a readable address.
const CYRILLIC: Record<string, string> = {
  а: "a",
  б: "b",
  в: "v",
  г: "g",
  д: "d",
  е: "e",
  ё: "e",
  ж: "zh",
  з: "z",
  и: "i",
  й: "i",
  к: "k",
  л: "l",
  м: "m",
  н: "n",
  о: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  у: "u",
  ф: "f",
  х: "kh",
  ц: "ts",
  ч: "ch",
  ш: "sh",
  щ: "shch",
  ъ: "",
  ы: "y",
  ь: "",
  э: "e",
  ю: "yu",
  я: "ya",
  ә: "a",
  ғ: "g",
  қ: "q",
  ң: "n",
  ө: "o",
  ұ: "u",
  ү: "u",
  һ: "h",
  і: "i",
};

// "host": /c/{campaign}/host is the form for proposing an event (lib/public/routes.ts).
export const RESERVED_SLUGS = ["new", "host"];

export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function slugify(input: string, maxLength = 60): string {
  const lower = input.toLowerCase().replace(/[а-яёәғқңөұүһі]/g, (c) => CYRILLIC[c] ?? "");
  const ascii = lower
    .replace(/ł/g, "l")
    .replace(/ß/g, "ss")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "");
  const slug = ascii
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, maxLength)
    .replace(/-+$/g, "");
  return slug;
}

/** base, base-2, base-3 … : the first not in `taken`. */
export function firstFreeSlug(base: string, taken: Iterable<string>): string {
  // "new" is a fixed path in the dashboard (…/campaigns/new, …/events/new).
  const used = new Set([...taken, ...RESERVED_SLUGS]);
  const root = base || "item";
  if (!used.has(root)) return root;
  for (let i = 2; ; i++) {
    const candidate = `${root.slice(0, 55)}-${i}`;
    if (!used.has(candidate)) return candidate;
  }
}
