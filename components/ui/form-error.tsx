import { Alert } from "@/components/ui/alert";
import { useMessageText } from "@/components/ui/message";
import { formErrorValues, type FormState } from "@/lib/forms";

/** What a refused form says about itself as a whole, above its fields; nothing while it is not refused. */
export function FormError({ state }: { state: FormState }) {
  const msg = useMessageText();
  return state.status === "error" && state.formError ? <Alert tone="error">{msg(state.formError, formErrorValues(state))}</Alert> : null;
}
