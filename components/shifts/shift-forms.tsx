"use client";
import { useTranslations } from "next-intl";
import { FormOutcome } from "@/components/dashboard/form-outcome";
import { useFormKey } from "@/components/dashboard/use-form-key";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { TextField } from "@/components/ui/field";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { SubmitButton } from "@/components/ui/submit-button";
import { useForm } from "@/components/ui/use-form";
import type { FormAction } from "@/lib/forms";

// The organizer's shift forms on the event's dashboard page: server actions (they work without JavaScript),
// enhanced with useActionState. Each form's fields carry a prefix of its own, so that one page holds many.

export interface ShiftValues {
  startsLocal: string;
  endsLocal: string;
  label: string;
  capacity: string;
}

/** Adds a shift (no `shiftId`) or changes one. */
export function ShiftForm({
  action,
  hidden,
  values,
  prefix,
  min,
  max,
  editing,
}: {
  action: FormAction;
  hidden: Record<string, string>;
  values: ShiftValues;
  prefix: string;
  /** The event's own start and end, at its place: a shift lies within them. */
  min: string;
  max: string;
  editing: boolean;
}) {
  const t = useTranslations("editor.shifts");
  const { state, formAction, field } = useForm<ShiftValues>(action, { prefix, values });
  const key = useFormKey(state);
  return (
    <form key={key} action={formAction} className="space-y-3" noValidate data-testid={editing ? "shift-edit-form" : "shift-add-form"}>
      <HiddenFields values={{ ...hidden, prefix }} />
      <FormOutcome state={state} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField {...field("startsLocal")} type="datetime-local" min={min} max={max} required label={t("starts")} />
        <TextField {...field("endsLocal")} type="datetime-local" min={min} max={max} required label={t("ends")} />
        <TextField {...field("label")} maxLength={80} label={t("label")} hint={t("labelHint")} />
        <TextField {...field("capacity")} type="number" inputMode="numeric" min={1} label={t("capacity")} hint={t("capacityHint")} />
      </div>
      <SubmitButton variant={editing ? "secondary" : "primary"} pendingLabel={editing ? t("saving") : t("adding")}>
        {editing ? t("save") : t("add")}
      </SubmitButton>
    </form>
  );
}

/** Removes a shift after asking; one with people in it is refused, saying how many. */
export function RemoveShiftForm({ action, hidden, when }: { action: FormAction; hidden: Record<string, string>; when: string }) {
  const t = useTranslations("editor.shifts");
  const { state, formAction } = useForm(action);
  const formId = `remove-shift-${hidden.shiftId}`;
  return (
    <form id={formId} action={formAction} className="space-y-2" noValidate>
      <HiddenFields values={hidden} />
      <FormOutcome state={state} />
      <ConfirmButton
        formId={formId}
        label={t("remove")}
        title={t("removeTitle", { when })}
        body={t("removeBody")}
        confirmLabel={t("remove")}
        cancelLabel={t("keep")}
      />
    </form>
  );
}
