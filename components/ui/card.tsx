import type { ReactNode } from "react";

interface CardProps {
  children: ReactNode;
  className?: string;
  /** The section's heading, with a lead below it; `id` lets a link jump to it. */
  title?: ReactNode;
  lead?: ReactNode;
  id?: string;
  /** An action that cannot be undone: the heading in red (the border is the caller's, with `className`). */
  danger?: boolean;
}

export function Card({ children, className = "", title, lead, id, danger }: CardProps) {
  return (
    <section className={`rounded-lg border border-stone-200 bg-white p-5 shadow-sm ${className}`}>
      {title ? (
        <h2 id={id} className={`${id ? "scroll-mt-4 " : ""}text-lg font-semibold${danger ? " text-red-900" : ""}`}>
          {title}
        </h2>
      ) : null}
      {lead ? <p className="mt-1 text-sm text-stone-700">{lead}</p> : null}
      {children}
    </section>
  );
}

export function PageTitle({ children, lead }: { children: ReactNode; lead?: ReactNode }) {
  return (
    <header className="mb-6">
      <h1 className="text-2xl font-bold tracking-tight text-stone-900 [overflow-wrap:anywhere] sm:text-3xl">{children}</h1>
      {lead ? <p className="mt-2 text-stone-700">{lead}</p> : null}
    </header>
  );
}
