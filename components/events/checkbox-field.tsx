import type { InputHTMLAttributes, ReactNode } from "react";

/** A labelled checkbox with a hint; sends "on" when ticked. */
export function CheckboxField({
  name,
  label,
  hint,
  id,
  ...props
}: { name: string; label: ReactNode; hint?: ReactNode } & InputHTMLAttributes<HTMLInputElement>) {
  const inputId = id ?? name;
  return (
    <div className="flex items-start gap-3">
      <input
        type="checkbox"
        id={inputId}
        name={name}
        aria-describedby={hint ? `${inputId}-hint` : undefined}
        className="mt-1 size-5 shrink-0 accent-brand-700"
        {...props}
      />
      <div>
        <label htmlFor={inputId} className="text-sm font-medium text-stone-800">
          {label}
        </label>
        {hint ? (
          <p id={`${inputId}-hint`} className="text-sm text-stone-600">
            {hint}
          </p>
        ) : null}
      </div>
    </div>
  );
}
