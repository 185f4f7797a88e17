"use client";
import { useTranslations } from "next-intl";

/** Translates a message key carried in a form state (e.g. "validation.required"). */
export function useMessageText() {
  const t = useTranslations();
  return (key: string | undefined, values?: Record<string, string | number>) => {
    if (!key) return undefined;
    return t.has(key as never) ? t(key as never, values as never) : t("errors.generic");
  };
}
