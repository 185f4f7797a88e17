import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

interface FieldProps {
  name: string;
  label: ReactNode;
  error?: string;
  hint?: ReactNode;
}

const control =
  "mt-1 block w-full rounded-md border bg-white px-3 py-2 text-base shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30";

function describedBy(name: string, error?: string, hint?: ReactNode) {
  return [error ? `${name}-error` : null, hint ? `${name}-hint` : null].filter(Boolean).join(" ") || undefined;
}

function Help({ name, error, hint }: { name: string; error?: string; hint?: ReactNode }) {
  return (
    <>
      {hint ? (
        <p id={`${name}-hint`} className="mt-1 text-sm text-stone-600">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${name}-error`} className="mt-1 text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </>
  );
}

/** What the label, the hint and the message give the control they belong to. */
interface ControlProps {
  id: string;
  name: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
  className: string;
}

/** A labelled control with its hint and its message below it; `render` draws the control itself. */
function Field({ name, label, error, hint, id, render }: FieldProps & { id?: string; render: (control: ControlProps) => ReactNode }) {
  const controlId = id ?? name;
  return (
    <div>
      <label htmlFor={controlId} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      {render({
        id: controlId,
        name,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": describedBy(name, error, hint),
        className: `${control} ${error ? "border-red-600" : "border-stone-300"}`,
      })}
      <Help name={name} error={error} hint={hint} />
    </div>
  );
}

export function TextField({ name, label, error, hint, ...props }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  return <Field name={name} label={label} error={error} hint={hint} id={props.id} render={(c) => <input {...c} {...props} />} />;
}

export function TextAreaField({ name, label, error, hint, ...props }: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <Field name={name} label={label} error={error} hint={hint} id={props.id} render={(c) => <textarea {...c} {...props} />} />;
}

export function SelectField({ name, label, error, hint, children, ...props }: FieldProps & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <Field
      name={name}
      label={label}
      error={error}
      hint={hint}
      id={props.id}
      render={(c) => (
        <select {...c} {...props}>
          {children}
        </select>
      )}
    />
  );
}
