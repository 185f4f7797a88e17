import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { SelectField } from "@/components/ui/field";
import { useFormFields } from "@/components/ui/form-fields";
import { Options } from "@/components/ui/options";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle, type FormState } from "@/lib/forms";
import { FormError } from "@/components/ui/form-error";

// The private page's forms: plain posts to app/(public)/s/[token]/[change]/route.ts, answered with a redirect to
// the page, saying what changed, or back to it with `state` (the messages next to the fields).

export function ChangeRoleForm({ action, state = idle, roles, current }: { action: string; state?: FormState; roles: string[]; current: string | null }) {
  const t = useTranslations("signups.manage");
  const { error } = useFormFields(state);
  return (
    <form method="post" action={action} className="space-y-3">
      <FormError state={state} />
      <SelectField name="role" label={t("roleField")} defaultValue={current ?? ""} error={error("role")}>
        <Options values={roles} blank={t("noRole")} />
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
  state = idle,
  summary,
  explanation,
  confirmLabel,
  pendingLabel,
}: {
  action: string;
  state?: FormState;
  summary: ReactNode;
  explanation: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
}) {
  return (
    <details className="rounded-md border border-stone-300 bg-white p-3" open={state.status === "error" || undefined}>
      <summary className="min-h-11 cursor-pointer content-center font-medium text-red-800">{summary}</summary>
      <form method="post" action={action} className="mt-3 space-y-3">
        <FormError state={state} />
        <p className="text-sm text-stone-700">{explanation}</p>
        <SubmitButton variant="danger" pendingLabel={pendingLabel}>
          {confirmLabel}
        </SubmitButton>
      </form>
    </details>
  );
}
