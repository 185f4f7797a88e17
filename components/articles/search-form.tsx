import type { ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";
import { Search } from "@/components/ui/icons";

/** A search of articles (public and in the dashboard): a plain GET form, so results have an address of their own. */
export function ArticleSearchForm({
  action,
  query,
  label,
  hint,
  submitLabel,
  variant,
  children,
}: {
  action: string;
  query: string;
  label: string;
  hint?: string;
  submitLabel: string;
  variant: "primary" | "secondary";
  /** After the button: a way back to the whole list, say. */
  children?: ReactNode;
}) {
  return (
    <form method="get" action={action} role="search" className="flex flex-wrap items-end gap-2">
      <div className="min-w-64 flex-1">
        <label htmlFor="q" className="block text-sm font-medium text-stone-800">
          {label}
        </label>
        <input
          id="q"
          name="q"
          type="search"
          defaultValue={query}
          aria-describedby={hint ? "q-hint" : undefined}
          className="mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base shadow-sm"
        />
        {hint ? (
          <p id="q-hint" className="mt-1 text-sm text-stone-600">
            {hint}
          </p>
        ) : null}
      </div>
      <button type="submit" className={buttonClass(variant, hint ? "mb-7" : "")}>
        <Search aria-hidden className="size-4" />
        {submitLabel}
      </button>
      {children}
    </form>
  );
}
