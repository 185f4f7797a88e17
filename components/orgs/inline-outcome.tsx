"use client";
import { useMessageText } from "@/components/ui/message";
import type { FormState } from "@/lib/forms";

/**
 * A one-line outcome beside a small form in a list (a member's role, a scope): what went wrong, or what was done.
 * `field` names the one field whose message stands in for the form's.
 */
export function InlineOutcome({ state, field }: { state: FormState; field?: string }) {
  const msg = useMessageText();
  const error = state.status === "error" ? ((field ? state.fieldErrors[field] : undefined) ?? state.formError) : undefined;
  if (error)
    return (
      <p role="alert" className="text-sm font-medium text-red-700">
        {msg(error)}
      </p>
    );
  if (state.status === "ok" && state.messageKey)
    return (
      <p role="status" className="text-sm text-green-800">
        {msg(state.messageKey)}
      </p>
    );
  return null;
}
