"use client";
import { FormOutcome } from "@/components/dashboard/form-outcome";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useForm } from "@/components/ui/use-form";
import type { FormAction } from "@/lib/forms";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-rules";

export interface FieldSpec {
  name: string;
  label: string;
  type?: "text" | "email" | "password";
  autoComplete?: string;
  hint?: string;
  inputMode?: "numeric" | "text";
  keep?: boolean;
}

/**
 * The account screens' forms: labelled fields, hidden values, one button, the outcome above and each message
 * next to its field. Works without JavaScript (the action is the form's action). Recovery codes a form's
 * action returns are shown once, below it.
 */
export function ActionForm({
  action,
  fields = [],
  hidden = {},
  submit,
  pending,
  variant = "primary",
  codesTitle,
  codesHint,
  quiet = false,
}: {
  action: FormAction;
  fields?: FieldSpec[];
  hidden?: Record<string, string>;
  submit: string;
  pending: string;
  variant?: "primary" | "secondary" | "danger";
  codesTitle?: string;
  codesHint?: string;
  /** Only the outcome of a submission already made, no fields or button (the step it belongs to is done). */
  quiet?: boolean;
}) {
  const { state, formAction, value, error } = useForm(action);
  const codes = state.status === "ok" && state.data?.codes ? state.data.codes.split(" ") : null;
  const controls = !codes && !(quiet && state.status !== "error");
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <FormOutcome state={state} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {(controls ? fields : []).map((f) => (
        <TextField
          key={f.name}
          name={f.name}
          type={f.type ?? "text"}
          label={f.label}
          hint={f.hint}
          autoComplete={f.autoComplete}
          inputMode={f.inputMode}
          required
          spellCheck={false}
          defaultValue={f.keep ? value(f.name) : undefined}
          error={error(f.name, { min: MIN_PASSWORD_LENGTH })}
        />
      ))}
      {controls ? (
        <SubmitButton variant={variant} pendingLabel={pending}>
          {submit}
        </SubmitButton>
      ) : null}
      {codes ? <RecoveryCodeList codes={codes} title={codesTitle} hint={codesHint} /> : null}
    </form>
  );
}

/** Recovery codes just made, shown once: the person writes them down or stores them now. */
export function RecoveryCodeList({ codes, title, hint }: { codes: string[]; title?: string; hint?: string }) {
  return (
    <div className="rounded-md border border-amber-300 bg-amber-50 p-4" data-testid="recovery-codes">
      <p className="font-semibold">{title}</p>
      <p className="mt-1 text-sm">{hint}</p>
      <ul className="mt-3 grid grid-cols-1 gap-1 font-mono text-base min-[360px]:grid-cols-2">
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
    </div>
  );
}
