// The look the attendee list's filters and the export's share; their choices come from lib/attendees/schemas.ts.

/** A filter's select or search box. */
export const filterControl = "mt-1 block w-full min-h-11 rounded-md border border-stone-300 bg-white px-2 py-1";
