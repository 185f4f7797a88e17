import Link from "next/link";

/** Previous and next links around "page 2 of 5" under a dashboard list; nothing when the list has one page. */
export function Pager({
  page,
  pages,
  href,
  label,
  previous,
  next,
  position,
}: {
  page: number;
  pages: number;
  href: (page: number) => string;
  /** What the navigation is called for assistive technology. */
  label: string;
  previous: string;
  next: string;
  /** "Page 2 of 5", in the list's words. */
  position: string;
}) {
  if (pages <= 1) return null;
  return (
    <nav aria-label={label} className="flex items-center gap-3 text-sm">
      {page > 1 ? (
        <Link className="text-brand-700 underline" href={href(page - 1)}>
          {previous}
        </Link>
      ) : null}
      <span>{position}</span>
      {page < pages ? (
        <Link className="text-brand-700 underline" href={href(page + 1)}>
          {next}
        </Link>
      ) : null}
    </nav>
  );
}
