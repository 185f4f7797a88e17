"use client";
import { useTranslations } from "next-intl";

/** Translates a message key carried in a form state (e.g. "validation.required"). */
export function useMessageText() {
  const t = useTranslations();
  return (key: string | undefined, values?: Record<string, string | number>) => {
    if (!key) return undefined;
    // A field's message with what it names (lib/forms.ts fieldError): "validation.tooLong|{"limit":500}".
    const bar = key.indexOf("|");
    if (bar > 0) {
      const named = JSON.parse(key.slice(bar + 1)) as Record<string, string | number>;
      key = key.slice(0, bar);
      values = { ...named, ...values };
    }
    return t.has(key as never) ? t(key as never, values as never) : t("errors.generic");
  };
}
