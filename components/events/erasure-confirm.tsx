"use client";
import { useTranslations } from "next-intl";
import { useMessageText } from "@/components/ui/message";
import type { FormState } from "@/lib/forms";
import { CheckboxField } from "./checkbox-field";

/**
 * Shown when a new date would bring the automatic erasure of sign-ups earlier (lib/events guardEarlierErasure):
 * names the new erasure date and asks for a tick before the change goes through.
 */
export function ErasureConfirm({ state, name }: { state: FormState; name: string }) {
  const t = useTranslations("editor.erasureConfirm");
  const msg = useMessageText();
  if (state.status !== "error" || state.fieldErrors.confirmEarlierErasure !== "events.erasureEarlier") return null;
  const date = String(state.messageValues?.confirmEarlierErasure?.date ?? "");
  return (
    <div role="alert" className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950" data-testid="erasure-confirm">
      <p className="font-medium">{msg("events.erasureEarlier", { date })}</p>
      <CheckboxField name={name} id={`${name}-field`} value="on" label={t("confirm", { date })} />
    </div>
  );
}
