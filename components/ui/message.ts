"use client";
import { useTranslations } from "next-intl";
import { messageParts } from "@/lib/forms";

/** Translates a message key carried in a form state (e.g. "validation.required"). */
export function useMessageText() {
  const t = useTranslations();
  return (key: string | undefined, values?: Record<string, string | number>) => {
    if (!key) return undefined;
    // A field's message with what it names (lib/forms.ts fieldError): "validation.tooLongLimit|{"limit":500}".
    const { key: bare, values: named } = messageParts(key);
    const all = named ? { ...named, ...values } : values;
    return t.has(bare as never) ? t(bare as never, all as never) : t("errors.generic");
  };
}
