import { splitLocalePath } from "@/lib/i18n/config";

// The one table of public pages: which address is which page, with or without a language in front. Files under
// them (calendar.ics, feed.xml, event.ics) and anything else are not pages.

export type PublicPage = "home" | "campaign" | "event" | "articles" | "article" | "signup" | "propose" | "host" | "embed";

/** The public page an address names, or null. */
export function publicPage(pathname: string): PublicPage | null {
  const segments = splitLocalePath(pathname).path.split("/").filter(Boolean);
  if (segments.some((s) => s.includes("."))) return null;
  if (segments.length === 0) return "home";
  switch (segments[0]) {
    case "c":
      // "host" is no event's address (lib/slug.ts RESERVED_SLUGS): it is the campaign's form for proposing one.
      return segments.length === 2 ? "campaign" : segments.length === 3 ? (segments[2] === "host" ? "propose" : "event") : null;
    case "articles":
      return segments.length === 1 ? "articles" : segments.length === 2 ? "article" : null;
    case "s":
      return segments.length === 2 ? "signup" : null;
    case "h":
      return segments.length === 2 ? "host" : null;
    case "embed":
      // An event's sign-up for a frame on another site (components/public/pages/embed-page.tsx).
      return segments.length === 4 && segments[1] === "c" ? "embed" : null;
    default:
      return null;
  }
}

/** The pages that are the same for every reader of a language, so a kept copy may serve them all. */
export const SHARED_PAGES: ReadonlySet<PublicPage> = new Set(["home", "campaign", "event", "embed"]);
