"use client";
import { usePublicMessage, useTexts } from "@/components/public/texts";
import { useActionState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { SelectField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldError, idle, type FormAction, type FormState } from "@/lib/forms";

function FormError({ state }: { state: FormState }) {
  const msg = usePublicMessage();
  return state.status === "error" && state.formError ? <Alert tone="error">{msg(state.formError)}</Alert> : null;
}

export function ChangeRoleForm({ action, token, roles, current }: { action: FormAction; token: string; roles: string[]; current: string | null }) {
  const t = useTexts("signups.manage");
  const msg = usePublicMessage();
  const [state, formAction] = useActionState(action, idle);
  return (
    <form action={formAction} className="space-y-3">
      <FormError state={state} />
      <input type="hidden" name="token" value={token} />
      <SelectField name="role" label={t("roleField")} defaultValue={current ?? ""} error={msg(fieldError(state, "role"))}>
        <option value="">{t("noRole")}</option>
        {roles.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </SelectField>
      <SubmitButton variant="secondary" pendingLabel={t("saving")}>
        {t("saveRole")}
      </SubmitButton>
    </form>
  );
}

/** A destructive step behind a disclosure: works without JavaScript and still asks first. */
export function ConfirmedActionForm({
  action,
  token,
  summary,
  explanation,
  confirmLabel,
  pendingLabel,
}: {
  action: FormAction;
  token: string;
  summary: ReactNode;
  explanation: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
}) {
  const [state, formAction] = useActionState(action, idle);
  return (
    <details className="rounded-md border border-stone-300 bg-white p-3">
      <summary className="min-h-11 cursor-pointer content-center font-medium text-red-800">{summary}</summary>
      <form action={formAction} className="mt-3 space-y-3">
        <FormError state={state} />
        <input type="hidden" name="token" value={token} />
        <p className="text-sm text-stone-700">{explanation}</p>
        <SubmitButton variant="danger" pendingLabel={pendingLabel}>
          {confirmLabel}
        </SubmitButton>
      </form>
    </details>
  );
}
