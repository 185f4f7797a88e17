"use client";
import { useActionState } from "react";
import { FormOutcome } from "@/components/dashboard/form-outcome";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { idle, type FormAction } from "@/lib/forms";

/** A delete that asks first, saying what goes with it. */
export function ConfirmDeleteForm({
  action,
  fields,
  label,
  title,
  body,
  confirmLabel,
  cancelLabel,
  id,
}: {
  action: FormAction;
  fields: Record<string, string>;
  label: string;
  title: string;
  body: string;
  confirmLabel: string;
  cancelLabel: string;
  id: string;
}) {
  const [state, formAction] = useActionState(action, idle);
  return (
    <form id={id} action={formAction}>
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <FormOutcome state={state} />
      <ConfirmButton formId={id} label={label} title={title} body={body} confirmLabel={confirmLabel} cancelLabel={cancelLabel} />
    </form>
  );
}
