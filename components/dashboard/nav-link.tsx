"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

const TAB =
  "inline-block min-h-11 border-b-2 border-transparent px-3 py-3 text-sm font-medium text-stone-700 hover:text-brand-700 " +
  "aria-[current=page]:border-brand-700 aria-[current=page]:text-brand-800";

/** A dashboard tab that marks itself current; `exact` for the overview, prefix match otherwise. */
export function NavLink({ href, label, exact = false }: { href: string; label: string; exact?: boolean }) {
  // Null only on a page of the Pages Router, which renders no dashboard tab.
  const path = usePathname() ?? "";
  const current = exact ? path === href : path === href || path.startsWith(`${href}/`);
  return (
    <Link href={href} aria-current={current ? "page" : undefined} className={TAB}>
      {label}
    </Link>
  );
}
