"use client";
import { Alert } from "@/components/ui/alert";
import { useMessageText } from "@/components/ui/message";
import { formErrorValues, type FormState } from "@/lib/forms";

/** The form-level result: the error above the fields, or what was done. */
export function FormOutcome({ state, values }: { state: FormState; values?: Record<string, string | number> }) {
  const msg = useMessageText();
  if (state.status === "error" && state.formError) return <Alert tone="error">{msg(state.formError, formErrorValues(state))}</Alert>;
  if (state.status === "ok" && state.messageKey) return <Alert tone="success">{msg(state.messageKey, { ...state.data, ...values })}</Alert>;
  return null;
}
