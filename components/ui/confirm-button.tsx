"use client";
import { useRef, type ReactNode } from "react";
import { buttonClass } from "./button";

/**
 * A destructive action that asks first: the trigger opens a native modal dialog
 * (focus trapped, Escape closes) whose confirm button submits the surrounding form.
 * With `name` and `value`, the trigger is itself a submit button carrying them, so that
 * without JavaScript the form still submits (the page before must then be the confirmation).
 */
export function ConfirmButton({
  label,
  title,
  body,
  confirmLabel,
  cancelLabel,
  formId,
  variant = "danger",
  name,
  value,
}: {
  label: ReactNode;
  title: ReactNode;
  body: ReactNode;
  confirmLabel: ReactNode;
  cancelLabel: ReactNode;
  formId: string;
  variant?: "danger" | "secondary" | "primary";
  name?: string;
  value?: string;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <>
      <button
        type={name ? "submit" : "button"}
        name={name}
        value={value}
        className={variant === "primary" ? buttonClass("primary") : buttonClass(variant === "danger" ? "secondary" : variant, "text-red-800")}
        onClick={(e) => {
          e.preventDefault();
          dialog.current?.showModal();
        }}
      >
        {label}
      </button>
      <dialog ref={dialog} aria-labelledby={`${formId}-title`} className="m-auto max-w-md rounded-lg p-0 backdrop:bg-stone-900/50">
        <div className="p-5">
          <h2 id={`${formId}-title`} className="text-lg font-semibold">
            {title}
          </h2>
          <div className="mt-2 text-sm text-stone-700">{body}</div>
          <div className="mt-5 flex justify-end gap-2">
            <button type="button" className={buttonClass("secondary")} onClick={() => dialog.current?.close()} autoFocus>
              {cancelLabel}
            </button>
            <button
              type="submit"
              form={formId}
              name={name}
              value={value}
              className={buttonClass(variant === "primary" ? "primary" : "danger")}
              onClick={() => dialog.current?.close()}
            >
              {confirmLabel}
            </button>
          </div>
        </div>
      </dialog>
    </>
  );
}
