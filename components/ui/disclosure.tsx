import type { ReactNode } from "react";

const SUMMARY = {
  /** A link-like "edit" or "renew" under an item. */
  link: "cursor-pointer text-sm text-brand-700 underline",
  /** The same for an action that takes something away. */
  danger: "cursor-pointer text-sm text-red-800 underline",
  /** A boxed part of a panel ("add a defendant", "edit the case"). */
  box: "cursor-pointer text-sm font-semibold",
};

/** A form or a detail folded away under a summary that opens it, without JavaScript. */
export function Disclosure({
  summary,
  tone = "link",
  className = "mt-2",
  children,
}: {
  summary: ReactNode;
  tone?: keyof typeof SUMMARY;
  className?: string;
  children: ReactNode;
}) {
  const boxed = tone === "box";
  return (
    <details className={`${className}${boxed ? " rounded-md border border-stone-200 p-3" : ""}`.trim()}>
      <summary className={SUMMARY[tone]}>{summary}</summary>
      <div className={boxed ? "mt-3 space-y-3" : "mt-2 space-y-3"}>{children}</div>
    </details>
  );
}
