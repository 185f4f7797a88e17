import type { ReactNode, ThHTMLAttributes } from "react";

/** A column's heading in a dashboard table. */
export function ColumnHead({ className, children, ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return (
    <th scope="col" {...props} className={className ? `px-3 py-2 ${className}` : "px-3 py-2"}>
      {children}
    </th>
  );
}

/**
 * A dashboard list as a table, in a box that scrolls sideways when it is wider than the screen. `cards` shows each
 * row as a card on a phone (app/globals.css), its cells named by their `data-label`.
 */
export function Table({
  head,
  children,
  cards = false,
  className,
  rowsTestId,
}: {
  /** The row of ColumnHeads. */
  head: ReactNode;
  children: ReactNode;
  cards?: boolean;
  className?: string;
  rowsTestId?: string;
}) {
  return (
    <div className={`overflow-x-auto rounded-lg border border-stone-200 bg-white${className ? ` ${className}` : ""}`}>
      <table className={`${cards ? "cards-on-phone " : ""}min-w-full divide-y divide-stone-200 text-sm`}>
        <thead className="bg-stone-50 text-left">
          <tr>{head}</tr>
        </thead>
        <tbody className="divide-y divide-stone-100" data-testid={rowsTestId}>
          {children}
        </tbody>
      </table>
    </div>
  );
}
