import type { InputHTMLAttributes, ReactNode } from "react";

/** A labelled checkbox with a hint and, when the form refused it, its message; sends "on" when ticked. */
export function CheckboxField({
  name,
  label,
  hint,
  error,
  id,
  ...props
}: { name: string; label: ReactNode; hint?: ReactNode; error?: string } & InputHTMLAttributes<HTMLInputElement>) {
  const inputId = id ?? name;
  const describedBy = [error ? `${inputId}-error` : null, hint ? `${inputId}-hint` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex items-start gap-3">
      <input
        type="checkbox"
        id={inputId}
        name={name}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
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
        {error ? (
          <p id={`${inputId}-error`} className="mt-1 text-sm font-medium text-red-700">
            {error}
          </p>
        ) : null}
      </div>
    </div>
  );
}
