// Numbered pages of a dashboard list (the audit and access logs, the mailbox): one reading of the page asked for,
// one place where a page starts, one count of pages.

/** The page asked for: a whole number from 1 to 100,000, else the first. */
export function pageNumber(page: number | undefined): number {
  return page !== undefined && Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1;
}

/** How many rows come before a page's. */
export function pageOffset(page: number, size: number): number {
  return (page - 1) * size;
}

/** A page of entries with the total it was cut from and the number of pages (at least one, for an empty list). */
export function pageOf<T>(entries: T[], total: number | string | undefined, page: number, size: number) {
  const n = Number(total ?? 0);
  return { entries, total: n, page, pages: Math.max(1, Math.ceil(n / size)) };
}
