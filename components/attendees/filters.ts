// What the attendee list's filters and the export's share: they filter the same way (lib/attendees/schemas.ts).

/** The choices beside "any". */
export const STATUS_CHOICES = ["confirmed", "waitlisted", "cancelled"] as const;
export const CHECKED_IN_CHOICES = ["yes", "no"] as const;

/** A filter's select or search box. */
export const filterControl = "mt-1 block w-full min-h-11 rounded-md border border-stone-300 bg-white px-2 py-1";
