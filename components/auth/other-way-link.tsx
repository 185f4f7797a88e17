import Link from "next/link";

/** "No account yet? Register" under the login form, and the way back under the registration form; both keep `next`. */
export function OtherWayLink({ lead, label, path, next }: { lead: string; label: string; path: "/login" | "/register"; next?: string }) {
  return (
    <p className="text-sm text-stone-700">
      {lead}{" "}
      <Link className="text-brand-700 underline" href={next ? `${path}?next=${encodeURIComponent(next)}` : path}>
        {label}
      </Link>
    </p>
  );
}
